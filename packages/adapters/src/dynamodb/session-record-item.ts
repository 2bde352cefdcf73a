import type { SessionRecord } from '@elevate/domain';
import { genesisHashOf, SESSION_RECORD_KINDS, sessionEntryHashOf } from '@elevate/domain';
import * as z from 'zod/mini';
import { canonicalInstant, isCanonicalInstant, sessionKeyOf } from './request-item';

export const ENTITY_SESSION = 'SESSION';

const instant = z.string().check(z.refine(isCanonicalInstant, 'not a canonical ISO-8601 instant'));
const personSchema = z.object({ sub: z.string(), email: z.string(), name: z.string() });

/**
 * Exactly the fields a session record may hold. zod drops anything else, so a secret key, session
 * token or sign-in URL handed in by mistake is never written (and never read back).
 */
export const storedSessionRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  requestId: z.string().check(z.minLength(1)),
  kind: z.enum(SESSION_RECORD_KINDS),
  issuedBy: personSchema,
  roleArn: z.string().check(z.regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/)),
  accountId: z.string().check(z.regex(/^\d{12}$/)),
  accessKeyId: z.string().check(z.regex(/^\w{16,128}$/)),
  roleSessionName: z.string().check(z.regex(/^[\w+=,.@-]{2,64}$/)),
  sourceIdentity: z.string().check(z.regex(/^[\w+=,.@-]{2,64}$/)),
  expiresAt: instant,
  region: z.string().check(z.minLength(1)),
  sourceIp: z.optional(z.string().check(z.maxLength(64))),
  userAgent: z.optional(z.string().check(z.maxLength(512))),
  issuedAt: instant,
}) satisfies z.ZodMiniType<SessionRecord>;

/** Validates a record on the way in; times are made canonical so keys sort by time. */
export const validSessionRecord = (session: SessionRecord): SessionRecord =>
  storedSessionRecordSchema.parse({
    ...session,
    issuedAt: canonicalInstant(session.issuedAt),
    expiresAt: canonicalInstant(session.expiresAt),
  });

/**
 * The item: the record's own fields, its key next to the request, and its audit-chain link
 * (`chainPrev`: the hash of the request's previous session, or the chain's genesis; `chainHash`:
 * over that and the validated record), nothing else.
 */
export const sessionItemOf = (
  session: SessionRecord,
  chainPrev: string = genesisHashOf(session.requestId),
): Record<string, unknown> => {
  const stored = validSessionRecord(session);
  return {
    ...stored,
    ...sessionKeyOf(stored.requestId, stored.issuedAt, stored.id),
    chainPrev,
    chainHash: sessionEntryHashOf(chainPrev, stored),
    entity: ENTITY_SESSION,
  };
};

/** Validates an item read back; a malformed item is a bug or tampering, so it throws (paths only). */
export const sessionRecordOfItem = (item: Record<string, unknown>): SessionRecord => {
  const parsed = storedSessionRecordSchema.safeParse(item);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new Error(
      `Stored session ${String(item['PK'])} ${String(item['SK'])} is malformed at: ${where}`,
    );
  }
  return parsed.data;
};
