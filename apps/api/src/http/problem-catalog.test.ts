import { readFileSync } from 'node:fs';
import { PROBLEM_CODES } from '@elevate/contracts';
import { describe, expect, it } from 'vitest';
import { problemCatalog } from './problem-catalog';

describe('the problem catalog', () => {
  it('answers every code of the closed list with an error status, and no other code', () => {
    expect(Object.keys(problemCatalog).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const code of PROBLEM_CODES)
      expect(problemCatalog[code].status, code).toBeGreaterThanOrEqual(400);
  });

  it('is documented code by code in docs/api.md, with the status it answers', () => {
    const doc = readFileSync(new URL('../../../../docs/api.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((line) => line.startsWith('| `'));
    for (const code of PROBLEM_CODES) {
      const row = rows.find((line) => line.split('|')[1]?.includes(`\`${code}\``));
      expect(row, `${code} has a row in docs/api.md's error table`).toBeDefined();
      expect(row?.split('|')[2]?.trim(), code).toBe(String(problemCatalog[code].status));
    }
  });
});
