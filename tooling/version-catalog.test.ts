import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every third-party version is written once, in pnpm-workspace.yaml's catalog; a package names
// `catalog:` (or `workspace:` for our own), so two packages can never pin two versions of one library.
const root = resolve(import.meta.dirname, '..');
const manifests = execFileSync('git', ['ls-files', '*package.json', 'package.json'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file !== '');

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

describe('the version catalog', () => {
  it('finds the workspace manifests', () => {
    expect(manifests).toContain('package.json');
    expect(manifests.length).toBeGreaterThan(5);
  });

  it.each(manifests)('%s takes every version from the catalog', (file) => {
    const manifest = JSON.parse(readFileSync(resolve(root, file), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    const bypassing = SECTIONS.flatMap((section) =>
      Object.entries(manifest[section] ?? {})
        .filter(([, version]) => !/^(catalog|workspace):/.test(version))
        .map(([name, version]) => `${section}.${name}: ${version}`),
    );
    expect(bypassing).toEqual([]);
  });
});
