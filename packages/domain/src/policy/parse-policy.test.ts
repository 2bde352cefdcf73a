import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examplePolicyData } from '../testing/fixtures';
import { parsePolicy } from './parse-policy';
import { formatPolicyError } from './policy-error';

type Data = Record<string, unknown> & {
  rules: Array<Record<string, unknown>>;
  accounts: Array<Record<string, unknown>>;
};
const data = (): Data => examplePolicyData() as Data;

const errorsOf = (input: unknown): string[] => {
  const result = parsePolicy(input);
  return result.ok ? [] : result.error.map(formatPolicyError);
};

describe('parsePolicy', () => {
  it('accepts the example policy and fills in defaults', () => {
    const result = parsePolicy(data());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rule = result.value.rules[0];
    expect(rule?.approverGroups).toEqual(['reviewers']);
    expect(rule).toMatchObject({
      selfApproval: false,
      breakGlass: false,
      ticketRequired: false,
      maxStartDelayMinutes: 10080,
    });
    expect(result.value.rules[2]).toMatchObject({
      approvalsRequired: 2,
      breakGlass: true,
      stepUp: { mfa: true, maxAuthAgeMinutes: 15 },
    });
  });

  it('names the path of a wrong type inside the file', () => {
    const input = data();
    input.rules[2] = { ...input.rules[2], approverGroups: 'reviewers' };
    expect(errorsOf(input)).toEqual([
      'rules[2].approverGroups: Invalid input: expected array, received string',
    ]);
  });

  it('tells people to quote account ids that YAML read as numbers', () => {
    const input = data();
    input.accounts[1] = { ...input.accounts[1], id: 222222222222 };
    expect(errorsOf(input)).toEqual([
      'accounts[1].id: expected a 12-digit account id as a string (quote it in YAML)',
    ]);
  });

  it('rejects unknown keys, so a typo in a limit is not silently ignored', () => {
    const input = data();
    input.rules[0] = { ...input.rules[0], maxDurationMinute: 60 };
    expect(errorsOf(input)).toEqual(['rules[0]: Unrecognized key: "maxDurationMinute"']);
  });

  it('requires exactly one of ids or tags in an account selector', () => {
    const input = data();
    input.rules[0] = {
      ...input.rules[0],
      accounts: { ids: ['111111111111'], tags: { environment: 'dev' } },
    };
    expect(errorsOf(input)).toEqual(['rules[0].accounts: give exactly one of ids or tags']);
  });

  it.each([
    [
      'a default above the max',
      { defaultDurationMinutes: 600 },
      'rules[0].defaultDurationMinutes: must not exceed maxDurationMinutes (480)',
    ],
    [
      'a min justification above the max',
      { justification: { minLength: 50, maxLength: 20 } },
      'rules[0].justification.minLength: must not exceed maxLength (20)',
    ],
    [
      'self-approval with one approval',
      { selfApproval: true },
      "rules[0].selfApproval: needs approvalsRequired ≥ 2: a requester's own approval never suffices on its own",
    ],
    [
      'an invalid pattern',
      { ticketPattern: '([A-Z' },
      'rules[0].ticketPattern: not a valid regular expression (RE2 syntax: no lookaround or backreferences): missing closing ]: `[A-Z`',
    ],
    [
      'an unknown account id',
      { accounts: { ids: ['111111111111', '555555555555'] } },
      'rules[0].accounts.ids[1]: account 555555555555 is not in the accounts catalog',
    ],
    [
      'a tag selector that selects nothing',
      { accounts: { tags: { environment: 'qa' } } },
      'rules[0].accounts.tags: selects no account in the catalog',
    ],
  ])('rejects %s by a cross-field check', (_label, patch, message) => {
    const input = data();
    input.rules[0] = { ...input.rules[0], ...patch };
    expect(errorsOf(input)).toEqual([message]);
  });

  it.each([
    [
      'a backreference',
      { ticketPattern: '^(\\w)\\1$' },
      'rules[0].ticketPattern',
      'invalid escape sequence: `\\1`',
    ],
    [
      'a lookbehind',
      { justification: { pattern: '(?<=INC)\\d+' } },
      'rules[0].justification.pattern',
      'invalid named capture: `(?<=INC)\\d+`',
    ],
    [
      'a lookahead',
      { justification: { pattern: '(?=.*\\d).{10,}' } },
      'rules[0].justification.pattern',
      'invalid or unsupported Perl syntax: `(?=`',
    ],
  ])('refuses %s (RE2 has none), naming its path and why', (_label, patch, path, reason) => {
    const input = data();
    input.rules[0] = { ...input.rules[0], ...patch };
    expect(errorsOf(input)).toEqual([
      `${path}: not a valid regular expression (RE2 syntax: no lookaround or backreferences): ${reason}`,
    ]);
  });

  it('refuses a pattern longer than 200 characters, naming its path', () => {
    const input = data();
    input.rules[0] = { ...input.rules[0], ticketPattern: `^${'A'.repeat(200)}$` };
    expect(errorsOf(input)).toEqual(['rules[0].ticketPattern: longer than 200 characters']);
  });

  it.each(['^(a+)+$', '(a|aa)*', '(.*a){20}', '\\w+\\w+x', '.*-.*x', '^(?:\\w+\\s?)*$'])(
    'accepts %s, which a backtracking engine could not run safely and RE2 runs in linear time',
    (pattern) => {
      const input = data();
      input.rules[0] = { ...input.rules[0], ticketPattern: pattern };
      expect(errorsOf(input)).toEqual([]);
    },
  );

  it.each([
    '^[A-Z]+-\\d+$',
    '^(?:OPS|SEC)-\\d{1,8}$',
    '\\b(?:INC|CHG)\\d{6,}\\b',
    '^[A-Z][A-Z0-9]+-\\d+$',
  ])('accepts the realistic ticket pattern %s', (pattern) => {
    const input = data();
    input.rules[0] = {
      ...input.rules[0],
      ticketPattern: pattern,
      justification: { pattern: 'https?://\\S+|[A-Z]+-\\d+' },
    };
    expect(errorsOf(input)).toEqual([]);
  });

  it('rejects duplicate account and rule ids', () => {
    const input = data();
    input.accounts.push({ id: '111111111111', name: 'sandbox-2' });
    input.rules.push({ ...input.rules[0] });
    expect(errorsOf(input)).toEqual([
      'accounts[4].id: duplicate account id "111111111111"',
      'rules[4].id: duplicate rule id "engineers-non-production"',
    ]);
  });

  it('rejects overlapping rules that route to different approvers', () => {
    const input = data();
    input.rules.push({
      ...input.rules[3],
      id: 'leads-data-lake',
      groups: ['leads'],
      roles: ['ReadOnly'],
      approverGroups: ['data-leads'],
    });
    expect(errorsOf(input)).toEqual([
      'rules[4].approverGroups: overlaps rules[3] (data-engineers-data-lake) on 444444444444/ReadOnly; overlapping rules must name the same approver groups',
    ]);
  });

  it('accepts overlapping rules with the same approvers', () => {
    const input = data();
    input.rules.push({
      ...input.rules[3],
      id: 'leads-data-lake',
      groups: ['leads'],
      roles: ['ReadOnly'],
      approverGroups: ['reviewers'],
    });
    expect(errorsOf(input)).toEqual([]);
  });

  it('rejects something that is not a policy at all with a message at the root', () => {
    expect(errorsOf('rules: []')).toHaveLength(1);
    expect(errorsOf(null)[0]).toMatch(/expected object/);
  });

  it('names the rule and field of any wrongly typed rule field (property)', () => {
    const fields = [
      'groups',
      'roles',
      'maxDurationMinutes',
      'defaultDurationMinutes',
      'pendingExpiryMinutes',
      'approvalsRequired',
      'selfApproval',
      'breakGlass',
      'accounts',
      'justification',
      'ticketRequired',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...fields),
        fc.oneof(
          fc.constant(null),
          fc.constant('text'),
          fc.constant({ odd: true }),
          fc.constant(-1),
        ),
        (index, field, value) => {
          const input = data();
          input.rules[index] = { ...input.rules[index], [field]: value };
          const errors = errorsOf(input);
          expect(errors.length).toBeGreaterThan(0);
          expect(errors.some((message) => message.startsWith(`rules[${index}].${field}`))).toBe(
            true,
          );
        },
      ),
    );
  });
});
