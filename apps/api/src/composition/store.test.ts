import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './store';

const apiSources = resolve(import.meta.dirname, '..');
const NOT_PRODUCTION = /(\.test\.tsx?|\.d\.ts)$|\/(testing|bench|faults)\//;

function* productionFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* productionFiles(path);
    else if (entry.name.endsWith('.ts') && !NOT_PRODUCTION.test(path)) yield path;
  }
}

describe('openStore', () => {
  it('gives every adapter the same client', () => {
    const store = openStore({ endpoint: 'http://127.0.0.1:9', tableName: 'elevate' });
    store.close(); // nothing made yet: closing is a no-op, not a throw
    const client = store.client;
    expect(store.client).toBe(client);
    expect(store.tableName).toBe('elevate');
    store.close();
  });

  it('is the only place in the API that builds a DynamoDB client (one per process)', () => {
    const elsewhere: string[] = [];
    let files = 0;
    for (const file of productionFiles(apiSources)) {
      files += 1;
      if (file.endsWith('composition/store.ts')) continue;
      const text = readFileSync(file, 'utf8');
      if (/createStoreClient\(|new DynamoDBClient\(/.test(text))
        elsewhere.push(relative(apiSources, file));
    }
    expect(elsewhere).toEqual([]);
    // The walk reached the functions and the local server (a moved folder would pass vacuously).
    expect(files).toBeGreaterThan(100);
  });
});
