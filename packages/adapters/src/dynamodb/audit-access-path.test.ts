import { describe, expect, it } from 'vitest';
import { auditAccessPathOf } from './audit-access-path';

const range = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', limit: 25 };

describe('the audit access path', () => {
  it('reads free text within the partition of a keyed filter, not the months', () => {
    const path = auditAccessPathOf({ ...range, status: 'APPROVED', text: 'Deploy' });
    expect(path).toMatchObject({
      kind: 'partitions',
      index: 'GSI4',
      partitions: ['STATUS#APPROVED'],
      filter: { expression: 'contains(#f0, :f0)', names: { '#f0': 'searchText' } },
    });
    expect(path.filter?.values).toEqual({ ':f0': 'deploy' });
  });

  it('walks the months for free text alone', () => {
    expect(auditAccessPathOf({ ...range, text: 'deploy' })).toMatchObject({ kind: 'months' });
  });
});
