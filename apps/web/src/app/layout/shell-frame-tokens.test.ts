// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('the signed-in frame’s styles', () => {
  it('name only design tokens this Cloudscape version defines (else the light fallbacks show)', () => {
    const require = createRequire(import.meta.url);
    const cloudscape = dirname(require.resolve('@cloudscape-design/components/package.json'));
    const tokens = readFileSync(join(cloudscape, 'internal/generated/styles/tokens.js'), 'utf8');
    const css = readFileSync(fileURLToPath(new URL('./shell-frame.css', import.meta.url)), 'utf8');
    const used = [...css.matchAll(/var\((--[a-z0-9-]+-[a-z0-9]{6}),/g)]
      .map(([, name]) => name)
      .filter((name) => !name?.startsWith('--elevate-'));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((name) => name && !tokens.includes(`var(${name},`))).toEqual([]);
  });
});
