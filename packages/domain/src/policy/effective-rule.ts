import type { DomainError } from '../domain-error';
import { domainError } from '../domain-error';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { PolicyAccount, PolicyRule, StepUpRule } from './policy-schema';
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
}

const min = (values: readonly number[]): number => Math.min(...values);
const max = (values: readonly number[]): number => Math.max(...values);

/**
 * Combines every rule that makes an actor eligible for one account × role into the strictest
 * limits, field by field, so belonging to one more group never lowers the bar: shortest durations
 * and expiry, tightest justification bounds, every pattern, ticket if any rule wants one, the most
 * approvals, step-up if any rule wants it (shortest auth age), self-approval and break-glass only if
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
    approvalsRequired: max(rules.map((rule) => rule.approvalsRequired)),
    approverGroups,
    routingKey: routingKeyOf(approverGroups),
    selfApproval: rules.every((rule) => rule.selfApproval),
    breakGlass: rules.every((rule) => rule.breakGlass),
    ...(stepUps.length === 0
      ? {}
      : { stepUp: { mfa: true, maxAuthAgeMinutes: min(stepUps.map((s) => s.maxAuthAgeMinutes)) } }),
  });
};

const patternOf = (pattern: string | undefined, hint: string | undefined): PatternRule[] =>
  pattern === undefined ? [] : [hint === undefined ? { pattern } : { pattern, hint }];
