import type { InsightFact } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import {
  INSIGHTS_SHARDS,
  insightsKeyOf,
  insightsShardOf,
  latestFactsOf,
} from './insight-fact-item';

const fact = (requestId: string, revision: number): InsightFact => ({
  requestId,
  createdAt: '2025-03-03T09:00:00.000Z',
  accountId: '111111111111',
  roleName: 'ReadOnly',
  ruleIds: [],
  requesterEmail: 'alice@example.com',
  status: 'PENDING',
  breakGlass: false,
  selfApproved: false,
  approved: false,
  approvedSeconds: 0,
  usedSeconds: 0,
  sessions: 0,
  terms: [],
  revision,
});

describe('latestFactsOf', () => {
  it('keeps each request once, with its highest revision, whatever the order', () => {
    const facts = [fact('a', 100_000), fact('b', 200_000), fact('a', 300_001), fact('a', 200_000)];
    for (const order of [facts, [...facts].reverse()])
      expect(
        latestFactsOf(order)
          .map((f) => [f.requestId, f.revision])
          .sort(),
      ).toEqual([
        ['a', 300_001],
        ['b', 200_000],
      ]);
    expect(latestFactsOf([])).toEqual([]);
  });
});

describe('insightsKeyOf', () => {
  it('puts a request always in the same one of 32 shards, 00–1f, spread evenly', () => {
    expect(insightsKeyOf('2025-03-03', '12', '01JQ7ZK8M3V4X5Y6Z7A8B9C0DE')).toEqual({
      PK: 'INSIGHTS#2025-03-03',
      SK: `ACCOUNT#12#${insightsShardOf('01JQ7ZK8M3V4X5Y6Z7A8B9C0DE')}`,
    });
    expect(insightsShardOf('req-1')).toBe(insightsShardOf('req-1'));
    const counts = new Map<string, number>();
    for (let i = 0; i < 3200; i += 1) {
      const shard = insightsShardOf(`req-${i}`);
      expect(shard).toMatch(/^(0[0-9a-f]|1[0-9a-f])$/);
      counts.set(shard, (counts.get(shard) ?? 0) + 1);
    }
    expect(counts.size).toBe(INSIGHTS_SHARDS);
    expect(Math.max(...counts.values())).toBeLessThan(150); // 100 each on average
  });
});
