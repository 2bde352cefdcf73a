import { describe, expect, it } from 'vitest';
import { createUlidIdGenerator } from './ulid-id-generator';

describe('ulid id generator', () => {
  it('makes 26-character Crockford base32 ids', () => {
    expect(createUlidIdGenerator().next()).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('makes strictly increasing ids within one millisecond and when the clock steps back', () => {
    const times = [1_000, 1_000, 1_000, 999, 1_001];
    const generator = createUlidIdGenerator(() => times.shift() ?? 2_000);
    const ids = Array.from({ length: 6 }, () => generator.next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts ids of a later millisecond after those of an earlier one', () => {
    const early = createUlidIdGenerator(() => Date.parse('2025-01-01T00:00:00.000Z')).next();
    const late = createUlidIdGenerator(() => Date.parse('2025-01-01T00:00:00.001Z')).next();
    expect(early < late).toBe(true);
    expect(early.slice(0, 10)).not.toBe(late.slice(0, 10));
  });
});
