import type { Result } from '../result';
import { err, ok } from '../result';
import { selectedAccounts } from './account-selector';
import type { PolicyError } from './policy-error';
import { formatPath } from './policy-error';
import type { Policy, PolicyDocument, PolicyRule } from './policy-schema';
import { policySchema } from './policy-schema';
import { policyPatternProblem } from './policy-pattern';

/** Why a policy pattern is unusable, or undefined when it compiles (see policy-pattern.ts). */
export type PatternProblem = (pattern: string) => string | undefined;

/**
 * Validates a policy (already parsed from YAML) and fills in defaults. Errors name the path inside
 * the file so that a broken policy stops start-up with a message an operator can act on.
 */
export const parsePolicy = (data: unknown): Result<Policy, PolicyError[]> =>
  parsePolicyWith(data, policyPatternProblem);

/**
 * `parsePolicy` with the pattern check chosen by the caller. Only a reader that never matches a
 * pattern may pass a lighter check (see loadCompiledPolicyWithoutPatterns): the RE2 engine that
 * compiles them is 147 KiB of a Lambda bundle, and this module alone does not pull it in.
 */
export const parsePolicyWith = (
  data: unknown,
  patternProblem: PatternProblem,
): Result<Policy, PolicyError[]> => {
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
    );
  }
  const policy = withDefaultApprovers(parsed.data);
  const errors = crossFieldErrors(policy, patternProblem);
  return errors.length === 0 ? ok(policy) : err(errors);
};

const withDefaultApprovers = (document: PolicyDocument): Policy => ({
  ...document,
  rules: document.rules.map((rule) => ({
    ...rule,
    approverGroups: rule.approverGroups ?? document.groups.reviewers,
    humanApprovalsRequired:
      rule.approvalsRequired > 0
        ? rule.approvalsRequired
        : rule.approverGroups === undefined
          ? 0
          : 1,
  })),
});

const crossFieldErrors = (policy: Policy, patternProblem: PatternProblem): PolicyError[] => [
  ...duplicates(
    policy.accounts.map((account) => account.id),
    (i) => `accounts[${i}].id`,
    'duplicate account id',
  ),
  ...duplicates(
    policy.accounts.map((account) => account.name),
    (i) => `accounts[${i}].name`,
    'duplicate account name',
  ),
  ...duplicates(
    policy.rules.map((rule) => rule.id),
    (i) => `rules[${i}].id`,
    'duplicate rule id',
  ),
  ...policy.rules.flatMap((rule, index) =>
    ruleErrors(policy, rule, `rules[${index}]`, patternProblem),
  ),
  ...overlapErrors(policy),
];

const duplicates = (
  values: readonly string[],
  pathOf: (index: number) => string,
  message: string,
): PolicyError[] =>
  values.flatMap((value, index) =>
    values.indexOf(value) < index
      ? [{ path: pathOf(index), message: `${message} "${value}"` }]
      : [],
  );

const ruleErrors = (
  policy: Policy,
  rule: PolicyRule,
  path: string,
  patternProblem: PatternProblem,
): PolicyError[] => {
  const errors: PolicyError[] = [];
  if (rule.defaultDurationMinutes > rule.maxDurationMinutes) {
    errors.push({
      path: `${path}.defaultDurationMinutes`,
      message: `must not exceed maxDurationMinutes (${rule.maxDurationMinutes})`,
    });
  }
  if (rule.justification.minLength > rule.justification.maxLength) {
    errors.push({
      path: `${path}.justification.minLength`,
      message: `must not exceed maxLength (${rule.justification.maxLength})`,
    });
  }
  if (rule.selfApproval && rule.approvalsRequired < 2) {
    errors.push({
      path: `${path}.selfApproval`,
      message: "needs approvalsRequired ≥ 2: a requester's own approval never suffices on its own",
    });
  }
  if (rule.approvalsRequired === 0 && rule.autoApproval === undefined) {
    errors.push({
      path: `${path}.approvalsRequired`,
      message: '0 needs autoApproval conditions: say when a request may approve itself',
    });
  }
  if (
    rule.autoApproval !== undefined &&
    rule.autoApproval.maxDurationMinutes > rule.maxDurationMinutes
  ) {
    errors.push({
      path: `${path}.autoApproval.maxDurationMinutes`,
      message: `must not exceed maxDurationMinutes (${rule.maxDurationMinutes})`,
    });
  }
  const extensionTotal = rule.extension?.maxTotalMinutes;
  if (extensionTotal !== undefined && extensionTotal < rule.maxDurationMinutes) {
    errors.push({
      path: `${path}.extension.maxTotalMinutes`,
      message: `must be at least maxDurationMinutes (${rule.maxDurationMinutes})`,
    });
  }
  for (const [field, pattern] of [
    ['justification.pattern', rule.justification.pattern],
    ['ticketPattern', rule.ticketPattern],
    ['autoApproval.justificationPattern', rule.autoApproval?.justificationPattern],
    ['autoApproval.ticketPattern', rule.autoApproval?.ticketPattern],
  ] as const) {
    if (pattern === undefined) continue;
    // Compiled by the linear-time engine the API and the SPA run them with (policy-pattern.ts).
    const problem = patternProblem(pattern);
    if (problem !== undefined) errors.push({ path: `${path}.${field}`, message: problem });
  }
  const knownIds = new Set(policy.accounts.map((account) => account.id));
  (rule.accounts.ids ?? []).forEach((id, index) => {
    if (!knownIds.has(id))
      errors.push({
        path: `${path}.accounts.ids[${index}]`,
        message: `account ${id} is not in the accounts catalog`,
      });
  });
  if (
    rule.accounts.tags !== undefined &&
    selectedAccounts(rule.accounts, policy.accounts).length === 0
  ) {
    errors.push({ path: `${path}.accounts.tags`, message: 'selects no account in the catalog' });
  }
  return errors;
};

/**
 * Rules that can both apply to one account × role must route to the same approver groups, so
 * "who reviews this" always has one answer and a request's reviewers never depend on which of the
 * requester's groups matched.
 */
const overlapErrors = (policy: Policy): PolicyError[] => {
  const errors: PolicyError[] = [];
  const targets = policy.rules.map((rule) => ({
    accountIds: new Set(
      selectedAccounts(rule.accounts, policy.accounts).map((account) => account.id),
    ),
    roles: new Set(rule.roles),
    approvers: JSON.stringify([...new Set(rule.approverGroups)].sort()),
  }));
  policy.rules.forEach((rule, later) => {
    for (let earlier = 0; earlier < later; earlier += 1) {
      const a = targets[earlier];
      const b = targets[later];
      if (a === undefined || b === undefined || a.approvers === b.approvers) continue;
      const account = [...b.accountIds].find((id) => a.accountIds.has(id));
      const role = [...b.roles].find((name) => a.roles.has(name));
      if (account !== undefined && role !== undefined) {
        errors.push({
          path: `rules[${later}].approverGroups`,
          message: `overlaps rules[${earlier}] (${policy.rules[earlier]?.id ?? ''}) on ${account}/${role}; overlapping rules must name the same approver groups`,
        });
      }
    }
  });
  return errors;
};
