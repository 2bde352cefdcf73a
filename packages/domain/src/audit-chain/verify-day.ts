import type { ChainEntry, ChainEntryKind } from './chain-entry';
import { entryHashOf, utcDayOf } from './chain-entry';
import type { DailyDigest } from './digest';
import { digestRootOf } from './digest';

export const AUDIT_CHANGES = ['ALTERED', 'REMOVED', 'INSERTED'] as const;
export type AuditChange = (typeof AUDIT_CHANGES)[number];

/** One entry the verifier names, with why. */
export interface AuditFinding {
  readonly day: string;
  readonly change: AuditChange;
  readonly requestId: string;
  readonly kind: ChainEntryKind;
  readonly key: string;
  readonly at: string;
  readonly label: string;
  readonly detail: string;
}

const idOf = (requestId: string, hash: string | undefined): string => `${requestId}|${hash ?? ''}`;
const slotOf = (entry: { requestId: string; kind: string; key: string }): string =>
  `${entry.requestId}|${entry.kind}|${entry.key}`;

const finding = (
  day: string,
  change: AuditChange,
  entry: Pick<ChainEntry, 'requestId' | 'kind' | 'key' | 'at' | 'label'>,
  detail: string,
): AuditFinding => ({
  day,
  change,
  requestId: entry.requestId,
  kind: entry.kind,
  key: entry.key,
  at: entry.at,
  label: entry.label,
  detail,
});

/**
 * Compares the entries the store holds now, dated `digest.day`, with what the day's signed digest
 * listed. The caller has checked the signature. An entry whose hash is signed must still hash to
 * it from its content and signed predecessor (else ALTERED); a signed entry with no current
 * counterpart is REMOVED — or ALTERED when the same slot (position or session id) now holds an
 * entry with another hash; a current entry the digest never listed is INSERTED.
 */
export const verifyDayAgainstDigest = (
  digest: DailyDigest,
  current: readonly ChainEntry[],
): readonly AuditFinding[] => {
  const { day } = digest;
  const findings: AuditFinding[] = [];
  if (digestRootOf(digest.leaves) !== digest.root) {
    throw new Error(`The digest of ${day} does not match its own Merkle root`);
  }
  const signed = new Map(digest.leaves.map((leaf) => [idOf(leaf.requestId, leaf.hash), leaf]));
  const matched = new Set<string>();
  const unmatched: ChainEntry[] = [];
  for (const entry of current) {
    if (utcDayOf(entry.at) !== day) continue;
    const leaf =
      entry.hash === undefined ? undefined : signed.get(idOf(entry.requestId, entry.hash));
    if (leaf === undefined || matched.has(idOf(leaf.requestId, leaf.hash))) {
      unmatched.push(entry);
      continue;
    }
    matched.add(idOf(leaf.requestId, leaf.hash));
    if (entryHashOf(entry, leaf.prev) !== leaf.hash) {
      findings.push(
        finding(day, 'ALTERED', entry, 'its content no longer hashes to the signed hash'),
      );
    }
  }
  const unmatchedBySlot = new Map(unmatched.map((entry) => [slotOf(entry), entry]));
  for (const leaf of digest.leaves) {
    if (matched.has(idOf(leaf.requestId, leaf.hash))) continue;
    const sameSlot = unmatchedBySlot.get(slotOf(leaf));
    if (sameSlot !== undefined) {
      unmatchedBySlot.delete(slotOf(leaf));
      findings.push(
        finding(day, 'ALTERED', leaf, 'it was rewritten with a new hash; the signed one is gone'),
      );
    } else {
      findings.push(finding(day, 'REMOVED', leaf, 'the signed entry is no longer in the table'));
    }
  }
  for (const entry of unmatchedBySlot.values()) {
    findings.push(finding(day, 'INSERTED', entry, 'the digest of its day never listed it'));
  }
  return findings;
};

/**
 * For a day with no digest yet (today, or before the producer ran): only the chain's own links can
 * be checked — an entry whose content does not hash to its stored hash from its stored predecessor.
 * Without a signature a writer who recomputes every later hash passes this check; see
 * docs/threat-model.md.
 */
export const verifyUnsignedDay = (
  day: string,
  current: readonly ChainEntry[],
): readonly AuditFinding[] =>
  current
    .filter((entry) => utcDayOf(entry.at) === day)
    .filter(
      (entry) =>
        entry.hash === undefined ||
        entry.prev === undefined ||
        entryHashOf(entry, entry.prev) !== entry.hash,
    )
    .map((entry) =>
      finding(
        day,
        entry.hash === undefined ? 'INSERTED' : 'ALTERED',
        entry,
        entry.hash === undefined
          ? 'it carries no chain hash'
          : 'the chain link is broken here: this entry or one before it was altered, removed or inserted',
      ),
    );
