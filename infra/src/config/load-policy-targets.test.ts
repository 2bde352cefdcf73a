import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/test-app';
import { PolicyFileError, loadPolicyTargets } from './load-policy-targets';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'elevate-policy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadPolicyTargets', () => {
  it('lists every account × role the example policy’s rules name, once, in a stable order', () => {
    const { targets, roleNames } = loadPolicyTargets(
      resolve(REPO_ROOT, 'config/policy.example.yaml'),
    );
    expect(targets.map((t) => `${t.accountId}/${t.roleName}`)).toEqual([
      '111111111111/PowerUser',
      '111111111111/ReadOnly',
      '222222222222/PowerUser',
      '222222222222/ReadOnly',
      '333333333333/Administrator',
      '333333333333/ReadOnly',
      '444444444444/PowerUser',
      '444444444444/ReadOnly',
    ]);
    expect(roleNames).toEqual(['Administrator', 'PowerUser', 'ReadOnly']);
  });

  it('fails with the domain’s path-named messages for an invalid policy', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'version: 2\naccounts: []\n');
    expect(() => loadPolicyTargets(file)).toThrow(PolicyFileError);
    expect(() => loadPolicyTargets(file)).toThrow(
      /Invalid policy file .*bad\.yaml:\n {2}- version: /,
    );
  });

  it('refuses a policy whose rules name no target, since the broker could assume nothing', () => {
    const file = join(dir, 'empty.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        "accounts: [{ id: '111111111111', name: sandbox }]",
        'groups: { reviewers: [reviewers], admins: [admins] }',
        'rules: []',
      ].join('\n'),
    );
    expect(() => loadPolicyTargets(file)).toThrow(/no rule names an account and role/);
  });
});
