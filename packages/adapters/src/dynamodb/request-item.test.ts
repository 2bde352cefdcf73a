import { describe, expect, it } from 'vitest';
import { canonicalInstant, creationKeyOf, sessionKeyOf } from './request-item';

describe('request item keys', () => {
  it('write every instant in one 24-character form, so string order is time order', () => {
    expect(canonicalInstant('2025-03-03T09:00:00Z')).toBe('2025-03-03T09:00:00.000Z');
    expect(canonicalInstant('2025-03-03T10:00:00.5+01:00')).toBe('2025-03-03T09:00:00.500Z');
    expect(() => canonicalInstant('yesterday')).toThrow(RangeError);
    expect(() => canonicalInstant('+012025-01-01T00:00:00.000Z')).toThrow(RangeError);
  });

  it('order requests by creation time, then id', () => {
    const keys = [
      creationKeyOf({ createdAt: '2025-03-03T09:00:00.000Z', id: 'b' }),
      creationKeyOf({ createdAt: '2025-03-03T09:00:00Z', id: 'a' }),
      creationKeyOf({ createdAt: '2025-03-02T23:59:59.999Z', id: 'z' }),
    ];
    expect([...keys].sort()).toEqual([keys[2], keys[1], keys[0]]);
  });

  it('put sessions in their request partition after the request, ordered by issue time', () => {
    const first = sessionKeyOf('r1', '2025-03-03T09:00:00Z', 's2');
    const second = sessionKeyOf('r1', '2025-03-03T09:30:00.000Z', 's1');
    expect(first).toEqual({ PK: 'REQUEST#r1', SK: 'SESSION#2025-03-03T09:00:00.000Z#s2' });
    expect(['REQUEST', second.SK, first.SK].sort()).toEqual(['REQUEST', first.SK, second.SK]);
  });
});
