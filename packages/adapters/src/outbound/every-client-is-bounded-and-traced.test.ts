import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every outbound call has a deadline, and is traced: an AWS SDK client built with the SDK's
// defaults waits as long as the network lets it, and one not passed through `traced` is missing
// from X-Ray. This reads the production sources of the packages that call AWS and names each
// `new …Client(` that is not built from outbound-deadlines.ts or not wrapped in `traced(…)`.
const root = resolve(import.meta.dirname, '../../../..');
const SOURCES = ['packages/adapters/src', 'apps/api/src'];
const SKIPPED = /(\.test\.tsx?|\.d\.ts)$|\/(testing|bench|faults)\//;
// What builds a client from the deadlines table: the store client, the shared config, and the STS
// issuer's per-region clients (one attempt each, aborted at the region's own deadline).
const WITH_DEADLINE = /awsClientConfig\(|requestHandler:|maxAttempts: 1/;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !SKIPPED.test(path)) yield path;
  }
}

/** `new XClient(` with the text of its arguments and whether `traced(` wraps it. */
function clientConstructions(text: string): { client: string; args: string; traced: boolean }[] {
  const found: { client: string; args: string; traced: boolean }[] = [];
  for (const match of text.matchAll(/new (\w+Client)\(/g)) {
    const client = match[1];
    if (client === undefined || client === 'DynamoDBDocumentClient') continue;
    let depth = 1;
    let end = match.index + match[0].length;
    while (depth > 0 && end < text.length) {
      const char = text[end];
      if (char === '(') depth += 1;
      if (char === ')') depth -= 1;
      end += 1;
    }
    // `traced(new X(`, or `traced(withoutSdkLogging(new X(` — a wrapper call in between.
    const before = text.slice(Math.max(0, match.index - 60), match.index);
    found.push({
      client,
      args: text.slice(match.index + match[0].length, end - 1),
      traced: /traced\(\s*(\w+\(\s*)?$/.test(before),
    });
  }
  return found;
}

describe('outbound deadlines', () => {
  it('builds every AWS SDK client with a deadline, traced', () => {
    const withoutDeadline: string[] = [];
    const untraced: string[] = [];
    let clients = 0;
    for (const source of SOURCES)
      for (const file of sourceFiles(join(root, source))) {
        const text = readFileSync(file, 'utf8');
        if (!text.includes("from '@aws-sdk/client-")) continue;
        for (const { client, args, traced } of clientConstructions(text)) {
          clients += 1;
          if (!WITH_DEADLINE.test(args)) withoutDeadline.push(`${relative(root, file)}: ${client}`);
          if (!traced) untraced.push(`${relative(root, file)}: ${client}`);
        }
      }
    expect(withoutDeadline).toEqual([]);
    expect(untraced).toEqual([]);
    // The scan found the clients it is about (a rename of the pattern would pass vacuously).
    expect(clients).toBeGreaterThanOrEqual(10);
  });
});
