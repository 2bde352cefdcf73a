import type { Actor } from '../actor';
import { isMemberOfAny } from '../actor';
import type { DomainError } from '../domain-error';
import { domainError } from '../domain-error';
import type { Result } from '../result';
import { err, ok } from '../result';
import { selectsAccount } from './account-selector';
import type { EffectiveRule } from './effective-rule';
import { combineRules } from './effective-rule';
import type { Policy, PolicyAccount, PolicyRule } from './policy-schema';
import { routingKeyOf } from './routing-key';

export const isAdmin = (policy: Policy, actor: Actor): boolean =>
  isMemberOfAny(actor, policy.groups.admins);

export const isAuditor = (policy: Policy, actor: Actor): boolean =>
  isMemberOfAny(actor, policy.groups.auditors);

export const isSecurityLead = (policy: Policy, actor: Actor): boolean =>
  isMemberOfAny(actor, policy.groups.securityLeads);

/** Someone any rule routes requests to (or in the reviewers group). */
export const isReviewer = (policy: Policy, actor: Actor): boolean =>
  isMemberOfAny(actor, policy.groups.reviewers) ||
  policy.rules.some((rule) => isMemberOfAny(actor, rule.approverGroups));

export const findAccount = (policy: Policy, accountId: string): PolicyAccount | undefined =>
  policy.accounts.find((account) => account.id === accountId);

const rulesFor = (policy: Policy, account: PolicyAccount, roleName: string): PolicyRule[] =>
  policy.rules.filter(
    (rule) => rule.roles.includes(roleName) && selectsAccount(rule.accounts, account),
  );

/** The account and the rules that offer `roleName` there, or why there are none. */
const offeringOf = (
  policy: Policy,
  accountId: string,
  roleName: string,
): Result<{ account: PolicyAccount; offering: PolicyRule[] }, DomainError> => {
  const account = findAccount(policy, accountId);
  if (account === undefined)
    return err(domainError('UNKNOWN_ACCOUNT', `Account ${accountId} is not managed by Elevate.`));
  const offering = rulesFor(policy, account, roleName);
  if (offering.length === 0) {
    return err(
      domainError(
        'UNKNOWN_ROLE',
        `No rule offers the role ${roleName} in ${account.name} (${account.id}).`,
      ),
    );
  }
  return ok({ account, offering });
};

/**
 * The limits for `actor` requesting `roleName` in `accountId`, or why they may not: the account is
 * not in the catalog, no rule offers that role there, or none of the actor's groups is named.
 */
export const effectiveRuleFor = (
  policy: Policy,
  actor: Actor,
  accountId: string,
  roleName: string,
): Result<EffectiveRule, DomainError> => {
  const found = offeringOf(policy, accountId, roleName);
  if (!found.ok) return found;
  const { account, offering } = found.value;
  const matching = offering.filter((rule) => isMemberOfAny(actor, rule.groups));
  if (matching.length === 0) {
    const groups = [...new Set(offering.flatMap((rule) => rule.groups))].sort();
    return err(
      domainError(
        'NOT_ELIGIBLE',
        `${roleName} in ${account.name} is for members of ${groups.join(', ')}; you are in none of these groups.`,
      ),
    );
  }
  return combineRules(matching, account, roleName);
};

/**
 * The limits of `roleName` in `accountId` for anyone at all: every rule that offers it, combined to
 * the strictest. An invitation is checked against this when it is sent (the inviter cannot know the
 * invitee's groups) and against the invitee's own rule when they accept.
 */
export const offeredRuleFor = (
  policy: Policy,
  accountId: string,
  roleName: string,
): Result<EffectiveRule, DomainError> => {
  const found = offeringOf(policy, accountId, roleName);
  if (!found.ok) return found;
  const { account, offering } = found.value;
  return combineRules(offering, account, roleName);
};

/** Everything `actor` may request, one entry per account × role, in catalog then rule order. */
export const eligibilityOf = (policy: Policy, actor: Actor): EffectiveRule[] => {
  const mine = policy.rules.filter((rule) => isMemberOfAny(actor, rule.groups));
  return policy.accounts.flatMap((account) => {
    const roles = [
      ...new Set(
        mine.filter((rule) => selectsAccount(rule.accounts, account)).flatMap((rule) => rule.roles),
      ),
    ];
    return roles.flatMap((roleName) => {
      const combined = combineRules(
        mine.filter(
          (rule) => rule.roles.includes(roleName) && selectsAccount(rule.accounts, account),
        ),
        account,
        roleName,
      );
      return combined.ok ? [combined.value] : [];
    });
  });
};

/**
 * The routing keys of the pending queues `actor` reviews: one per distinct approver-group set in
 * the policy that includes one of their groups. The store queries each.
 */
export const routingKeysFor = (policy: Policy, actor: Actor): string[] => [
  ...new Set(
    policy.rules
      .filter((rule) => isMemberOfAny(actor, rule.approverGroups))
      .map((rule) => routingKeyOf(rule.approverGroups)),
  ),
];
