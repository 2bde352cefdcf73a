import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledFullCli } from './full-cli-loader';

const source = (answer: number) =>
  `module.exports.runFullCli = async () => ${answer}; module.exports.url = __elevate_import_meta_url;`;

describe('the full CLI, compiled through V8’s code cache', () => {
  it('runs the bundled source, stores its compiled code 0600 once, and reuses it', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'elevate-code-'));
    const first = await loadBundledFullCli(source(7), cacheDir, '1.0.0', import.meta.url);
    expect(await first.cli.runFullCli([], {} as never)).toBe(7);
    first.saveCodeCache();
    const [file] = readdirSync(join(cacheDir, 'code'));
    expect(file).toMatch(/^full-cli-1\.0\.0-\d+\.bin$/);
    const path = join(cacheDir, 'code', file ?? '');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const written = statSync(path).mtimeMs;

    const second = await loadBundledFullCli(source(7), cacheDir, '1.0.0', import.meta.url);
    second.saveCodeCache();
    expect(statSync(path).mtimeMs).toBe(written);
    expect(await second.cli.runFullCli([], {} as never)).toBe(7);
  });

  it('works the same when the cache folder cannot be written', async () => {
    // A file where the folder should be: mkdir fails (ENOTDIR), the CLI does not.
    const blocked = join(mkdtempSync(join(tmpdir(), 'elevate-code-')), 'not-a-folder');
    writeFileSync(blocked, '');
    const loaded = await loadBundledFullCli(source(3), blocked, '1.0.0', import.meta.url);
    expect(() => loaded.saveCodeCache()).not.toThrow();
    expect(await loaded.cli.runFullCli([], {} as never)).toBe(3);
  });
});
