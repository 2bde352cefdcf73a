import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eligibilityOf } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { alice, bob, examplePolicy, nina, rita } from '@elevate/domain/testing';
import { loadPolicyFile, PolicyFileError } from './load-policy-file';

const examplePath = fileURLToPath(
  new URL('../../../../config/policy.example.yaml', import.meta.url),
);

const writeTemp = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'elevate-policy-')), 'policy.yaml');
  writeFileSync(path, text);
  return path;
};

const problemsOf = (path: string): readonly string[] => {
  try {
    loadPolicyFile(path);
  } catch (error) {
    if (error instanceof PolicyFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the policy file to be refused');
};

describe('loadPolicyFile', () => {
  it('parses config/policy.example.yaml into the policy the domain fixtures describe', () => {
    const policy = loadPolicyFile(examplePath);
    // The file carries human descriptions the fixture leaves out; everything else is equal.
    const withoutDescriptions = {
      ...policy,
      rules: policy.rules.map(({ description: _description, ...rule }) => rule),
    };
    expect(withoutDescriptions).toEqual(examplePolicy);
    for (const persona of [alice, bob, rita, nina]) {
      expect(eligibilityOf(policy, persona)).toEqual(eligibilityOf(examplePolicy, persona));
    }
    expect(eligibilityOf(policy, alice).length).toBeGreaterThan(0);
  });

  it('refuses broken YAML with the line and column of the problem', () => {
    const path = writeTemp('version: 1\naccounts:\n  - id: "111111111111\n    name: sandbox\n');
    const problems = problemsOf(path);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^line \d+, column \d+: /);
  });

  it('refuses duplicate keys, which YAML would otherwise silently resolve', () => {
    const problems = problemsOf(writeTemp('version: 1\nversion: 2\n'));
    expect(problems.join('\n')).toMatch(
      /line 2, column 1: .*[Uu]nique|line 2, column 1: .*[Dd]uplicate/,
    );
  });

  it('lists every schema problem with its path inside the file', () => {
    const path = writeTemp(
      [
        'version: 1',
        'accounts:',
        '  - id: "111111111111"',
        '    name: sandbox',
        'groups: { reviewers: [reviewers], auditors: [auditors], admins: [admins] }',
        'rules:',
        '  - id: r1',
        '    groups: [engineers]',
        '    accounts: { ids: ["999999999999"] }',
        '    roles: [ReadOnly]',
        '    maxDurationMinutes: 60',
        '    defaultDurationMinutes: 120',
        '    pendingExpiryMinutes: 60',
        '    justification: { minLength: 10, maxLength: 100 }',
        '    approvalsRequired: 1',
        '    approverGroups: reviewers',
      ].join('\n'),
    );
    const problems = problemsOf(path);
    expect(problems.some((problem) => problem.startsWith('rules[0].approverGroups: '))).toBe(true);

    const fixed = writeTemp(
      readFileSync(path, 'utf8').replace(
        'approverGroups: reviewers',
        'approverGroups: [reviewers]',
      ),
    );
    const crossField = problemsOf(fixed);
    expect(crossField).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rules\[0\]\.defaultDurationMinutes: /),
        expect.stringMatching(/^rules\[0\]\.accounts\.ids\[0\]: account 999999999999/),
      ]),
    );
  });

  it('names the file in the error message', () => {
    const path = writeTemp('version: 1\n');
    expect(() => loadPolicyFile(path)).toThrow(path);
  });
});
