import type { AccessRequest } from '../access-request';
import { SESSION_TAG_KEYS } from '../federation/session-tags';
import { SESSION_LIMITS } from '../federation/session-plan';
import type { SessionRecord } from '../federation/ports';
import { laterOf, toIso, toMillis } from '../time';

/** The one inline policy on each target role that Elevate's revoker may write. */
export const REVOCATION_POLICY_NAME = 'elevate-revocations';

/** IAM's limit on all inline policies of one role together (characters, whitespace excluded). */
export const ROLE_INLINE_POLICY_MAX_CHARS = 10_240;

/**
 * How long after the close a session of the request may still have been issued: a federate call
 * that read the request just before the revoke committed (STS and the session record, with retries).
 */
export const REVOCATION_RACE_SECONDS = 300;

/** One closed request whose live sessions must be refused until they have all expired. */
export interface RevocationEntry {
  readonly requestId: string;
  /** The deny stops applying (and the entry may be pruned) at this instant. */
  readonly keepUntil: string;
}

/** Where the deny goes: the target role of the request. */
export interface RevocationTarget {
  readonly accountId: string;
  readonly roleName: string;
}

const toWholeSecondUp = (iso: string): string =>
  toIso(Math.ceil(toMillis(iso) / 1000) * 1000).replace('.000Z', 'Z');

/**
 * The entry for a revoked or ended request. Every session the broker issues lasts at most an hour
 * (role chaining), so each one issued before the close, or in the race just after it, has expired
 * by close + race + 1 h; a recorded session that claims to last longer extends it.
 */
export const revocationEntryOf = (
  request: Pick<AccessRequest, 'id' | 'closedAt' | 'updatedAt'>,
  sessions: readonly Pick<SessionRecord, 'expiresAt'>[] = [],
): RevocationEntry => {
  const closedAt = request.closedAt ?? request.updatedAt;
  const bound = toIso(
    toMillis(closedAt) + (REVOCATION_RACE_SECONDS + SESSION_LIMITS.roleChainingMaxSeconds) * 1000,
  );
  const latest = sessions.reduce((end, session) => laterOf(end, session.expiresAt), bound);
  return { requestId: request.id, keepUntil: toWholeSecondUp(latest) };
};

const TAG_CONDITION_KEY = `aws:PrincipalTag/${SESSION_TAG_KEYS.requestId}`;

const sidOf = (requestId: string): string => `Revoked${requestId.replace(/[^A-Za-z0-9]/g, '')}`;

/**
 * One statement per entry: deny everything to sessions tagged with the request's id (every session
 * Elevate issues carries it; only the broker can set it), until `keepUntil`, after which the
 * statement no longer matches and may be pruned.
 */
export const revocationStatementOf = (entry: RevocationEntry) => ({
  Sid: sidOf(entry.requestId),
  Effect: 'Deny',
  Action: '*',
  Resource: '*',
  Condition: {
    StringEquals: { [TAG_CONDITION_KEY]: entry.requestId },
    DateLessThan: { 'aws:CurrentTime': entry.keepUntil },
  },
});

/** The policy document for a set of entries, oldest first; undefined when none are left. */
export const revocationPolicyOf = (entries: readonly RevocationEntry[]): string | undefined =>
  entries.length === 0
    ? undefined
    : JSON.stringify({
        Version: '2012-10-17',
        Statement: entries.map(revocationStatementOf),
      });

interface ParsedStatement {
  readonly Condition?: {
    readonly StringEquals?: Readonly<Record<string, unknown>>;
    readonly DateLessThan?: Readonly<Record<string, unknown>>;
  };
}

/**
 * The entries of a document this module wrote. Statements it did not write are not Elevate's to
 * keep or drop, so a document with any is refused rather than rewritten without them.
 */
export const revocationEntriesOf = (document: string | undefined): RevocationEntry[] => {
  if (document === undefined) return [];
  const parsed = JSON.parse(document) as { Statement?: unknown };
  const statements = Array.isArray(parsed.Statement) ? (parsed.Statement as ParsedStatement[]) : [];
  return statements.map((statement) => {
    const requestId = statement.Condition?.StringEquals?.[TAG_CONDITION_KEY];
    const keepUntil = statement.Condition?.DateLessThan?.['aws:CurrentTime'];
    if (typeof requestId !== 'string' || typeof keepUntil !== 'string')
      throw new Error(`${REVOCATION_POLICY_NAME} holds a statement Elevate did not write`);
    const entry = { requestId, keepUntil };
    if (JSON.stringify(revocationStatementOf(entry)) !== JSON.stringify(statement))
      throw new Error(`${REVOCATION_POLICY_NAME} holds a statement Elevate did not write`);
    return entry;
  });
};

/**
 * Drops entries whose every covered session has expired (`keepUntil` ≤ now). An entry whose
 * sessions may still be alive is never dropped.
 */
export const pruneRevocations = (
  entries: readonly RevocationEntry[],
  now: string,
): RevocationEntry[] => entries.filter((entry) => toMillis(now) < toMillis(entry.keepUntil));

/** Adds (or lengthens) an entry after pruning; the same request twice keeps the later `keepUntil`. */
export const withRevocation = (
  entries: readonly RevocationEntry[],
  entry: RevocationEntry,
  now: string,
): RevocationEntry[] => {
  const kept = pruneRevocations(entries, now);
  const existing = kept.find((e) => e.requestId === entry.requestId);
  if (existing === undefined) return [...kept, entry];
  return kept.map((e) =>
    e.requestId === entry.requestId
      ? { ...e, keepUntil: laterOf(e.keepUntil, entry.keepUntil) }
      : e,
  );
};

/** Characters IAM counts against the role's inline-policy quota (whitespace excluded). */
export const policySizeOf = (document: string): number => document.replace(/\s/g, '').length;
