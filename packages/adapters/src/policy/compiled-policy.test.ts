import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCompiledPolicy, loadCompiledPolicyWithoutPatterns } from './compiled-policy';
import { compilePolicyFile } from './load-policy-file';
import { PolicyFileError } from './policy-file-error';

const examplePath = fileURLToPath(
  new URL('../../../../config/policy.example.yaml', import.meta.url),
);

const writeTemp = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'elevate-compiled-policy-')), 'policy.json');
  writeFileSync(path, text);
  return path;
};

/** The example policy, compiled as synth compiles it, with one rule's justification pattern set. */
const compiledWithPattern = (pattern: string): string => {
  const document = JSON.parse(compilePolicyFile(examplePath)) as {
    rules: { justification: Record<string, unknown> }[];
  };
  const [first] = document.rules;
  if (first === undefined) throw new Error('the example policy has no rules');
  first.justification = { ...first.justification, pattern, patternHint: 'a ticket reference' };
  return writeTemp(JSON.stringify(document));
};

const problemsOf = (load: () => unknown): readonly string[] => {
  try {
    load();
  } catch (error) {
    if (error instanceof PolicyFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the compiled policy to be refused');
};

describe('the compiled policy readers', () => {
  it('read the same policy from the same file', () => {
    const path = compiledWithPattern('[A-Z]+-[0-9]+.*');
    expect(loadCompiledPolicyWithoutPatterns(path)).toEqual(loadCompiledPolicy(path));
  });

  it('both refuse what the schema refuses, naming the path inside the file', () => {
    const document = JSON.parse(compilePolicyFile(examplePath)) as { rules: { id: unknown }[] };
    const [first] = document.rules;
    if (first !== undefined) first.id = 42;
    const path = writeTemp(JSON.stringify(document));
    expect(problemsOf(() => loadCompiledPolicy(path)).join('\n')).toContain('rules[0].id');
    expect(problemsOf(() => loadCompiledPolicyWithoutPatterns(path)).join('\n')).toContain(
      'rules[0].id',
    );
  });

  it('only the full reader compiles patterns: the one for functions that never match them does not', () => {
    // An unbalanced group: RE2 refuses it. The notifier and sweeper never match a pattern, so
    // they need not pay for the engine; the API and federate functions refuse to start.
    const path = compiledWithPattern('(unclosed');
    expect(problemsOf(() => loadCompiledPolicy(path)).join('\n')).toContain(
      'rules[0].justification.pattern',
    );
    expect(() => loadCompiledPolicyWithoutPatterns(path)).not.toThrow();
  });
});
