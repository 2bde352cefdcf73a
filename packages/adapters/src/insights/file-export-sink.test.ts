import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileExportSink } from './json-lines-export';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

describe('FileExportSink', () => {
  it('lets overlapping writes of one file all land, leaving one whole body and no temporary file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'elevate-export-'));
    roots.push(root);
    const sink = new FileExportSink(root);
    const bodies = Array.from({ length: 8 }, (_, i) => `{"version":${i}}\n`.repeat(2000));
    await Promise.all(bodies.map((body) => sink.put('events/dt=2026-12-05/r1.jsonl', body)));
    const folder = join(root, 'events', 'dt=2026-12-05');
    expect(await readdir(folder)).toEqual(['r1.jsonl']);
    expect(bodies).toContain(await readFile(join(folder, 'r1.jsonl'), 'utf8'));
  });
});
