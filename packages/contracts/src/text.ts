import * as z from 'zod';

// C0/C1 controls (newlines included) and bidi overrides/isolates, which can make stored text read
// differently on screen; the domain refuses the same characters.
const FORBIDDEN = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Free text from people: trimmed, bounded in characters (not UTF-16 units), no control characters. */
export const plainText = (maxLength: number) =>
  z
    .string()
    .trim()
    .refine((value) => !FORBIDDEN.test(value), {
      message: 'must not contain control or text-direction characters',
    })
    .refine((value) => [...value].length <= maxLength, {
      message: `must be at most ${maxLength} characters`,
    });

export const requiredText = (maxLength: number) =>
  plainText(maxLength).refine((value) => value.length > 0, { message: 'is required' });

export const accountIdSchema = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');

/** IAM role names: 1–64 of [\w+=,.@-]. */
export const roleNameSchema = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'must be an IAM role name');

/** An ISO-8601 UTC instant with `Z`, e.g. 2025-03-03T09:00:00Z. */
export const instantSchema = z.iso.datetime({
  message: 'must be an ISO-8601 UTC time ending in Z',
});

export const JUSTIFICATION_MAX_LENGTH = 2000;
export const COMMENT_MAX_LENGTH = 1000;
/** Bodies larger than this are refused before parsing (413). */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;
