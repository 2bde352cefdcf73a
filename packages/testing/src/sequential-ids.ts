import type { IdGenerator } from '@elevate/domain';

/** req-0001, req-0002, … : predictable ids for assertions. */
export function sequentialIds(prefix = 'req'): IdGenerator {
  let next = 0;
  return { next: () => `${prefix}-${String((next += 1)).padStart(4, '0')}` };
}
