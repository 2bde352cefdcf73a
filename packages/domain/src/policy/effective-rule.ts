import type { DomainError } from '../domain-error';
import { domainError } from '../domain-error';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { AutoApprovalRule, PolicyAccount, PolicyRule, StepUpRule } from './policy-schema';
import { routingKeyOf } from './routing-key';

export interface PatternRule {
  readonly pattern: string;
  readonly hint?: string;
}

/** The limits that apply to one actor for one account × role, after combining matching rules. */
export interface EffectiveRule {
  readonly ruleIds: readonly string[];
  readonly account: PolicyAccount;
  readonly roleName: string;
  readonly maxDurationMinutes: number;
  readonly defaultDurationMinutes: number;
  readonly pendingExpiryMinutes: number;
  readonly maxStartDelayMinutes: number;
  readonly justification: {
    readonly minLength: number;
    readonly maxLength: number;
    /** Every pattern must match. */
    readonly patterns: readonly PatternRule[];
  };
  readonly ticketRequired: boolean;
  /** Every pattern must match a given ticket. */
  readonly ticketPatterns: readonly PatternRule[];
  readonly approvalsRequired: number;
  readonly approverGroups: readonly string[];
  readonly routingKey: string;
  readonly selfApproval: boolean;
  readonly breakGlass: boolean;
  readonly stepUp?: StepUpRule;
  /** Self-service conditions, one set per matching rule (all must hold); absent unless every rule has some. */
  readonly autoApproval?: readonly AutoApprovalRule[];
  /** Brokered sessions may assume other roles only when every matching rule allows it. */
  readonly allowRoleChaining: boolean;
  readonly extension: EffectiveExtensionRule;
}

/** How a window of this rule may be extended. */
export interface EffectiveExtensionRule {
  /** The window's total length, extensions included, never exceeds this. */
  readonly maxTotalMinutes: number;
  /** Extensions adding up to this are granted by policy. */
  readonly grantedByPolicyUpToMinutes: number;
  readonly approvalsRequired: number;
  readonly approverGroups: readonly string[];
}

const min = (values: readonly number[]): number => Math.min(...values);
const max = (values: readonly number[]): number => Math.max(...values);

/**
 * Combines every rule that makes an actor eligible for one account × role into the strictest
 * limits, field by field, so belonging to one more group never lowers the bar: shortest durations
 * and expiry, tightest justification bounds, every pattern, ticket if any rule wants one, the most
 * approvals, self-service only if every rule offers it (all their conditions), step-up if any rule wants it (shortest auth age), self-approval and break-glass only if
 * every rule allows them, and approvers that every rule names.
 */
export const combineRules = (
  rules: readonly PolicyRule[],
  account: PolicyAccount,
  roleName: string,
): Result<EffectiveRule, DomainError> => {
  const first = rules[0];
  if (first === undefined)
    return err(
      domainError('NOT_ELIGIBLE', `No rule makes you eligible for ${roleName} in ${account.name}.`),
    );
  const approverGroups = rules.reduce<readonly string[]>(
    (common, rule) => common.filter((group) => rule.approverGroups.includes(group)),
    [...new Set(first.approverGroups)],
  );
  const justification = {
    minLength: max(rules.map((rule) => rule.justification.minLength)),
    maxLength: min(rules.map((rule) => rule.justification.maxLength)),
    patterns: rules.flatMap((rule) =>
      patternOf(rule.justification.pattern, rule.justification.patternHint),
    ),
  };
  const ruleIds = rules.map((rule) => rule.id);
  if (approverGroups.length === 0 || justification.minLength > justification.maxLength) {
    return err(
      domainError(
        'POLICY_CONFLICT',
        `The rules ${ruleIds.join(', ')} disagree on ${roleName} in ${account.name}; ask an Elevate admin to align them.`,
      ),
    );
  }
  const maxDurationMinutes = min(rules.map((rule) => rule.maxDurationMinutes));
  // A self-service rule's human fallback counts with its own number; others with `approvalsRequired`.
  const approvalsRequired = max(
    rules.map((rule) =>
      rule.approvalsRequired > 0 ? rule.approvalsRequired : rule.humanApprovalsRequired,
    ),
  );
  const extensionApprovers = rules.reduce<readonly string[]>(
    (common, rule) =>
      common.filter((group) =>
        (rule.extension?.approverGroups ?? rule.approverGroups).includes(group),
      ),
    [...new Set(first.extension?.approverGroups ?? first.approverGroups)],
  );
  const autoApprovals = rules.flatMap((rule) =>
    rule.autoApproval === undefined ? [] : [rule.autoApproval],
  );
  const stepUps = rules.flatMap((rule) => (rule.stepUp === undefined ? [] : [rule.stepUp]));
  return ok({
    ruleIds,
    account,
    roleName,
    maxDurationMinutes,
    defaultDurationMinutes: Math.min(
      maxDurationMinutes,
      min(rules.map((rule) => rule.defaultDurationMinutes)),
    ),
    pendingExpiryMinutes: min(rules.map((rule) => rule.pendingExpiryMinutes)),
    maxStartDelayMinutes: min(rules.map((rule) => rule.maxStartDelayMinutes)),
    justification,
    ticketRequired: rules.some((rule) => rule.ticketRequired),
    ticketPatterns: rules.flatMap((rule) => patternOf(rule.ticketPattern, rule.ticketPatternHint)),
    approvalsRequired,
    approverGroups,
    routingKey: routingKeyOf(approverGroups),
    selfApproval: rules.every((rule) => rule.selfApproval),
    breakGlass: rules.every((rule) => rule.breakGlass),
    ...(autoApprovals.length === rules.length ? { autoApproval: autoApprovals } : {}),
    allowRoleChaining: rules.every((rule) => rule.allowRoleChaining),
    extension: {
      maxTotalMinutes: min(
        rules.map((rule) => rule.extension?.maxTotalMinutes ?? rule.maxDurationMinutes),
      ),
      grantedByPolicyUpToMinutes: min(
        rules.map((rule) => rule.extension?.grantedByPolicyUpToMinutes ?? 0),
      ),
      approvalsRequired: Math.max(
        1,
        max(rules.map((rule) => rule.extension?.approvalsRequired ?? rule.humanApprovalsRequired)),
      ),
      approverGroups: extensionApprovers.length === 0 ? approverGroups : extensionApprovers,
    },
    ...(stepUps.length === 0
      ? {}
      : { stepUp: { mfa: true, maxAuthAgeMinutes: min(stepUps.map((s) => s.maxAuthAgeMinutes)) } }),
  });
};

const patternOf = (pattern: string | undefined, hint: string | undefined): PatternRule[] =>
  pattern === undefined ? [] : [hint === undefined ? { pattern } : { pattern, hint }];
