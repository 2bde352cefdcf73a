import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The CLI ships as one esbuild bundle, so its libraries are devDependencies and `knip --strict`
// cannot tell them from test-only ones. What matters is the file people install: it holds the
// CLI, the client and contracts, and libraries — never the dev stack, the server or test code.
const cliDir = fileURLToPath(new URL('..', import.meta.url));
// Of the domain, only its vocabulary (lists of values, no logic) and zod's English messages reach
// the CLI, through contracts.
const NOT_SHIPPED =
  /packages\/(dev-stack|adapters|testing)\/|packages\/domain\/(?!src\/(vocabulary|zod-messages)\.ts$)|apps\/api\/|\/testing\/|\.test\.ts$|\/(vitest|fast-check|esbuild)\//;

describe('the published CLI bundle', () => {
  it('holds no dev stack, server or test code', () => {
    // A directory of its own: the terminal journey bundles into dist/ at the same time.
    const outDir = mkdtempSync(join(tmpdir(), 'elevate-bundle-'));
    execFileSync(process.execPath, ['scripts/bundle.mjs', outDir], { cwd: cliDir });
    const inputs = JSON.parse(
      readFileSync(join(outDir, 'elevate.inputs.json'), 'utf8'),
    ) as string[];
    rmSync(outDir, { recursive: true, force: true });
    expect(inputs.filter((input) => NOT_SHIPPED.test(input))).toEqual([]);
    // The list is the bundle's own (an empty or foreign list would pass vacuously).
    expect(inputs).toContain('src/main.ts');
    expect(inputs.some((input) => input.includes('node_modules/commander/'))).toBe(true);
  });
});
