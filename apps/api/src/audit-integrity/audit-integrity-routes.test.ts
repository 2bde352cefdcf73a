import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileDigestStore, LocalDigestSigner } from '@elevate/adapters';
import { auditIntegrityReportSchema, problemSchema } from '@elevate/contracts';
import type { ChainEntry, HistoryEvent } from '@elevate/domain';
import { chainEntriesOf, historyChainOf } from '@elevate/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { apiWorld } from '../testing/api-world';
import { PERSONAS } from '@elevate/testing';
import type { AuditIntegrityDeps } from './audit-integrity-deps';
import { produceDailyDigest } from './produce-daily-digest';

const { alice, audrey } = PERSONAS;
const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
});

const history: HistoryEvent[] = [
  {
    type: 'CREATED',
    actor: { sub: 'alice', email: 'alice@example.com', name: 'Alice' },
    at: '2030-01-01T09:00:00.000Z',
    statusAfter: 'PENDING',
  },
];

/** A store of one request and a digest of its day, signed with a throwaway local key. */
async function signedWorld(
  entries: ChainEntry[] = [
    ...chainEntriesOf('req-1', history, historyChainOf('req-1', history), []),
  ],
) {
  const directory = mkdtempSync(join(tmpdir(), 'elevate-integrity-'));
  directories.push(directory);
  const signer = new LocalDigestSigner(join(directory, 'key.pem'));
  const current = new Map([['req-1', entries]]);
  const deps: AuditIntegrityDeps = {
    reader: {
      entriesOf: (requestId) => Promise.resolve(current.get(requestId) ?? []),
      allEntries: () => Promise.resolve(current),
    },
    store: new FileDigestStore(directory),
    signer,
    trustedPublicKey: () => signer.publicKey(),
  };
  await produceDailyDigest(deps, '2030-01-01', '2030-01-02T00:05:00.000Z');
  return { w: apiWorld({ auditIntegrity: deps }), current };
}

describe('GET /audit/integrity', () => {
  it('reports a signed, untouched day as intact to an auditor', async () => {
    const { w } = await signedWorld();
    const response = await w.call(audrey, 'GET', '/audit/integrity?from=2030-01-01&to=2030-01-02');
    expect(response.status).toBe(200);
    const report = auditIntegrityReportSchema.parse(await response.json());
    expect(report.coverage).toBe('SIGNED_REQUESTS');
    expect(report.days.map((day) => [day.day, day.status, day.signedEntries])).toEqual([
      ['2030-01-01', 'INTACT', 1],
      ['2030-01-02', 'UNSIGNED', 0],
    ]);
    expect(report.intact).toBe(true);
    // Day 2 has no digest: nothing is proven about it.
    expect(report.proven).toBe(false);
  });

  it('names an altered event', async () => {
    const { w, current } = await signedWorld();
    const altered = [{ ...history[0], comment: 'edited' } as HistoryEvent];
    current.set('req-1', [
      ...chainEntriesOf('req-1', altered, historyChainOf('req-1', history), []),
    ]);
    const report = auditIntegrityReportSchema.parse(
      await (await w.call(audrey, 'GET', '/audit/integrity?from=2030-01-01&to=2030-01-01')).json(),
    );
    expect(report.days[0]?.status).toBe('CHANGED');
    expect(report.days[0]?.findings.map((f) => [f.change, f.requestId, f.key, f.label])).toEqual([
      ['ALTERED', 'req-1', '0', 'CREATED'],
    ]);
  });

  it('is for auditors and admins only', async () => {
    const { w } = await signedWorld();
    const response = await w.call(alice, 'GET', '/audit/integrity?from=2030-01-01&to=2030-01-01');
    expect(response.status).toBe(403);
    expect(problemSchema.parse(await response.json()).code).toBe('NOT_AUDITOR');
  });

  it('refuses a reversed or over-long range, and answers 503 when nothing is configured', async () => {
    const { w } = await signedWorld();
    expect(
      (await w.call(audrey, 'GET', '/audit/integrity?from=2030-01-02&to=2030-01-01')).status,
    ).toBe(400);
    expect(
      (await w.call(audrey, 'GET', '/audit/integrity?from=2030-01-01&to=2030-03-01')).status,
    ).toBe(400);
    const bare = apiWorld();
    const response = await bare.call(
      audrey,
      'GET',
      '/audit/integrity?from=2030-01-01&to=2030-01-01',
    );
    expect(response.status).toBe(503);
    expect(problemSchema.parse(await response.json()).code).toBe('AUDIT_INTEGRITY_UNAVAILABLE');
  });
});
