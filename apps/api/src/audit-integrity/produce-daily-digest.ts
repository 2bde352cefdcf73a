import { dailyDigestOf } from '@elevate/domain';
import type { AuditFinding, ChainEntry } from '@elevate/domain';
import type { AuditIntegrityDeps } from './audit-integrity-deps';

export interface DigestReport {
  readonly day: string;
  /** False when the day already had a digest (never replaced: the first one stands). */
  readonly written: boolean;
  readonly leaves: number;
  readonly root: string;
  /** Entries of the day that were not signed because their chain is already broken. */
  readonly unsound: readonly AuditFinding[];
}

/** Requests read at once when the index names them. */
const PARALLEL_READS = 8;

/**
 * The entries that may be dated `day`: those of the requests the chain-day index names (the chains
 * changed that day), or every request's (a Scan) for a day before the index was complete.
 */
async function entriesOfDay(deps: AuditIntegrityDeps, day: string): Promise<ChainEntry[]> {
  const changed = await deps.changedOn?.requestsChangedOn(day);
  if (changed === undefined) return [...(await deps.reader.allEntries()).values()].flat();
  const entries: ChainEntry[] = [];
  for (let start = 0; start < changed.length; start += PARALLEL_READS) {
    const batch = await Promise.all(
      changed.slice(start, start + PARALLEL_READS).map((id) => deps.reader.entriesOf(id)),
    );
    entries.push(...batch.flat());
  }
  return entries;
}

/**
 * Signs the day's digest: every chain entry dated `day` (UTC), listed, and their Merkle root.
 * Reads the chains changed that day (the chain-day index), once a day from the sweeper or
 * `pnpm audit:digest`. An
 * entry whose stored hash no longer matches its content is left out and reported, never signed.
 * Run it for a day once that day is over: entries dated later are not part of it.
 */
export async function produceDailyDigest(
  deps: AuditIntegrityDeps,
  day: string,
  now: string,
): Promise<DigestReport> {
  if (deps.signer === undefined) throw new Error('Producing a digest needs a signer');
  const existing = await deps.store.get(day);
  if (existing !== undefined) {
    return {
      day,
      written: false,
      leaves: existing.digest.leaves.length,
      root: existing.digest.root,
      unsound: [],
    };
  }
  const { digest, unsound } = dailyDigestOf(day, await entriesOfDay(deps, day), now);
  const written = await deps.store.put(await deps.signer.sign(digest));
  return {
    day,
    written,
    leaves: digest.leaves.length,
    root: digest.root,
    unsound: unsound.map((entry) => ({
      day,
      change: entry.hash === undefined ? 'INSERTED' : 'ALTERED',
      requestId: entry.requestId,
      kind: entry.kind,
      key: entry.key,
      at: entry.at,
      label: entry.label,
      detail: 'its stored chain hash does not match its content; not signed',
    })),
  };
}
