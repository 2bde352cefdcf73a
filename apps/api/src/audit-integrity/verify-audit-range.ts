import { verifyDigestSignature } from '@elevate/adapters';
import type { AuditFinding, ChainEntry } from '@elevate/domain';
import { utcDayOf, verifyDayAgainstDigest, verifyUnsignedDay } from '@elevate/domain';
import type { AuditIntegrityDeps } from './audit-integrity-deps';
import { utcDaysBetween } from './utc-days';

/**
 * INTACT: signed, and every signed entry is as signed with nothing added. CHANGED: findings name
 * what differs. UNSIGNED: no digest for the day (yet) — only the chain's own links were checked.
 * SIGNATURE_INVALID: the digest is not signed by the trusted key, so nothing in it is relied on.
 */
type DayStatus = 'INTACT' | 'CHANGED' | 'UNSIGNED' | 'SIGNATURE_INVALID';

interface DayVerification {
  readonly day: string;
  readonly status: DayStatus;
  /** Entries the day's digest lists (0 without a valid digest). */
  readonly signedEntries: number;
  /** Requests whose current entries were compared. */
  readonly requestsChecked: number;
  readonly findings: readonly AuditFinding[];
}

export interface AuditVerification {
  readonly from: string;
  readonly to: string;
  /** Whether every request was read (`scan`), or only those the digests list. */
  readonly coverage: 'ALL_REQUESTS' | 'SIGNED_REQUESTS';
  /** No finding and no bad signature on any day (unsigned days may still hide a rewrite). */
  readonly intact: boolean;
  /** Every day in the range is signed and INTACT: what an auditor can rely on. */
  readonly proven: boolean;
  readonly days: readonly DayVerification[];
}

/**
 * Verifies the days `from`..`to` (UTC, both included). Without `scan` (the API endpoint: no Scan
 * on a request path) it reads, per day, the requests its digest lists — one Query each — which
 * names every altered or removed signed entry and every entry inserted into a listed request.
 * With `scan` (`pnpm audit:verify`) it reads every request, so an entry slipped into a request the
 * day's digest never listed is named too, and unsigned days are checked link by link.
 */
export async function verifyAuditRange(
  deps: AuditIntegrityDeps,
  from: string,
  to: string,
  options: { readonly scan: boolean },
): Promise<AuditVerification> {
  const trusted = await deps.trustedPublicKey();
  const all = options.scan ? await deps.reader.allEntries() : undefined;
  const cache = new Map<string, ChainEntry[]>(all ?? []);
  const entriesOf = async (requestId: string): Promise<ChainEntry[]> => {
    const cached = cache.get(requestId);
    if (cached !== undefined) return cached;
    const entries = all === undefined ? await deps.reader.entriesOf(requestId) : [];
    cache.set(requestId, entries);
    return entries;
  };
  const requestsWithEntriesOn = (day: string): string[] =>
    all === undefined
      ? []
      : [...all]
          .filter(([, entries]) => entries.some((entry) => utcDayOf(entry.at) === day))
          .map(([requestId]) => requestId);

  const days: DayVerification[] = [];
  for (const day of utcDaysBetween(from, to)) {
    const signed = await deps.store.get(day);
    if (signed !== undefined && !verifyDigestSignature(signed, trusted)) {
      days.push({
        day,
        status: 'SIGNATURE_INVALID',
        signedEntries: 0,
        requestsChecked: 0,
        findings: [],
      });
      continue;
    }
    if (signed === undefined || signed.digest.day !== day) {
      const requestIds = requestsWithEntriesOn(day);
      const findings: AuditFinding[] = [];
      for (const requestId of requestIds)
        findings.push(...verifyUnsignedDay(day, await entriesOf(requestId)));
      days.push({
        day,
        status: 'UNSIGNED',
        signedEntries: 0,
        requestsChecked: requestIds.length,
        findings,
      });
      continue;
    }
    const requestIds = [
      ...new Set([
        ...signed.digest.leaves.map((leaf) => leaf.requestId),
        ...requestsWithEntriesOn(day),
      ]),
    ];
    const current: ChainEntry[] = [];
    for (const requestId of requestIds) current.push(...(await entriesOf(requestId)));
    const findings = verifyDayAgainstDigest(signed.digest, current);
    days.push({
      day,
      status: findings.length === 0 ? 'INTACT' : 'CHANGED',
      signedEntries: signed.digest.leaves.length,
      requestsChecked: requestIds.length,
      findings,
    });
  }
  return {
    from,
    to,
    coverage: options.scan ? 'ALL_REQUESTS' : 'SIGNED_REQUESTS',
    intact: days.every(
      (day) => day.status === 'INTACT' || (day.status === 'UNSIGNED' && day.findings.length === 0),
    ),
    proven: days.every((day) => day.status === 'INTACT'),
    days,
  };
}
