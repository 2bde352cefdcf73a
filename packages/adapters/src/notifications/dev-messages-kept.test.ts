import { describe, expect, it } from 'vitest';
import { DEV_MESSAGES_KEPT, keepNewest } from './dev-messages-kept';

describe('the dev channels keep a bounded window in memory', () => {
  it('drops the oldest beyond the bound and keeps the newest in order', () => {
    const entries = Array.from({ length: DEV_MESSAGES_KEPT + 5 }, (_, n) => n);
    keepNewest(entries);
    expect(entries).toHaveLength(DEV_MESSAGES_KEPT);
    expect(entries[0]).toBe(5);
    expect(entries.at(-1)).toBe(DEV_MESSAGES_KEPT + 4);
  });
});
