import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromRepoRoot, localDataDir, repoRoot } from './repo-paths';

const startedIn = process.cwd();
afterEach(() => process.chdir(startedIn));

describe('local data paths', () => {
  it('find the repository root (the folder with pnpm-workspace.yaml)', () => {
    expect(existsSync(join(repoRoot, 'pnpm-workspace.yaml'))).toBe(true);
  });

  it('resolve a relative ELEVATE_DATA_DIR from the repository root, whatever the cwd', () => {
    for (const cwd of [repoRoot, join(repoRoot, 'apps/api'), join(repoRoot, 'e2e')]) {
      process.chdir(cwd);
      expect(localDataDir('.data/e2e')).toBe(join(repoRoot, '.data', 'e2e'));
      expect(localDataDir(undefined)).toBe(join(repoRoot, '.data'));
    }
  });

  it('keep an absolute path as given', () => {
    process.chdir(join(repoRoot, 'apps/api'));
    expect(fromRepoRoot('/tmp/elevate-data')).toBe('/tmp/elevate-data');
  });
});
