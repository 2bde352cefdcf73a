import * as z from 'zod/mini';

// Controls (Cc, newlines included), every format character (Cf: bidi marks, overrides and isolates,
// zero-width characters, U+061C…), which can make stored text read differently on screen, and
// unpaired surrogates (Cs), which are not text at all. The domain refuses the same characters.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/** Free text from people: trimmed, bounded in characters (not UTF-16 units), no control characters. */
export const plainText = (maxLength: number) =>
  z.string().check(
    z.trim(),
    z.refine((value) => !FORBIDDEN.test(value), {
      message:
        'must not contain control, format or text-direction characters, or unpaired surrogates',
    }),
    z.refine((value) => [...value].length <= maxLength, {
      message: `must be at most ${maxLength} characters`,
    }),
  );

export const requiredText = (maxLength: number) =>
  plainText(maxLength).check(z.refine((value) => value.length > 0, { message: 'is required' }));

export const accountIdSchema = z
  .string()
  .check(z.regex(/^\d{12}$/, 'must be a 12-digit AWS account id'));

/** IAM role names: 1–64 of [\w+=,.@-]. */
export const roleNameSchema = z
  .string()
  .check(z.regex(/^[\w+=,.@-]{1,64}$/, 'must be an IAM role name'));

/** The instants Elevate stores and compares as fixed-width strings (four-digit years, not before 1970). */
export const EARLIEST_INSTANT = '1970-01-01T00:00:00.000Z';
export const LATEST_INSTANT = '9999-12-31T23:59:59.999Z';

/** An ISO-8601 UTC instant with `Z`, e.g. 2025-03-03T09:00:00Z. */
export const instantSchema = z.iso
  .datetime({ message: 'must be an ISO-8601 UTC time ending in Z' })
  .check(
    z.refine(
      (value) => {
        const ms = Date.parse(value);
        return ms >= Date.parse(EARLIEST_INSTANT) && ms <= Date.parse(LATEST_INSTANT);
      },
      { message: 'must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z' },
    ),
  );

export const COMMENT_MAX_LENGTH = 1000;
/** Bodies larger than this are refused before parsing (413). */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;

/** A change or incident ticket reference such as OPS-1234. */
export const ticketSchema = z
  .string()
  .check(
    z.trim(),
    z.regex(/^[A-Za-z0-9][\w.#/:-]{0,63}$/, 'must be a ticket reference such as OPS-1234'),
  );

/** Text that holds JSON (an environment variable's value), parsed; `message` says what it must be. */
export const jsonTextSchema = (message: string) =>
  z.pipe(
    z.string(),
    z.transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.issues.push({ code: 'custom', message, input: text });
        return z.NEVER;
      }
    }),
  );
