import type { EligibilityEntry, ElevateRoles } from '@elevate/contracts';
import { eligibilityOf, isAdmin, isAuditor, isReviewer, isSecurityLead } from '@elevate/domain';
import type { Actor, EffectiveRule, Policy } from '@elevate/domain';

/** One account × role the actor may request, as the SPA's form and `GET /policy` show it. */
function toEligibilityEntry(rule: EffectiveRule): EligibilityEntry {
  return {
    accountId: rule.account.id,
    accountName: rule.account.name,
    accountTags: { ...rule.account.tags },
    roleName: rule.roleName,
    maxDurationMinutes: rule.maxDurationMinutes,
    defaultDurationMinutes: rule.defaultDurationMinutes,
    pendingExpiryMinutes: rule.pendingExpiryMinutes,
    maxStartDelayMinutes: rule.maxStartDelayMinutes,
    justification: {
      minLength: rule.justification.minLength,
      maxLength: rule.justification.maxLength,
      patterns: rule.justification.patterns.map((pattern) => ({ ...pattern })),
    },
    ticketRequired: rule.ticketRequired,
    ticketPatterns: rule.ticketPatterns.map((pattern) => ({ ...pattern })),
    approvalsRequired: rule.approvalsRequired,
    approverGroups: [...rule.approverGroups],
    selfApproval: rule.selfApproval,
    breakGlassAllowed: rule.breakGlass,
    ...(rule.stepUp === undefined ? {} : { stepUp: { ...rule.stepUp } }),
  };
}

export const eligibilityEntriesOf = (policy: Policy, actor: Actor): EligibilityEntry[] =>
  eligibilityOf(policy, actor).map(toEligibilityEntry);

export const elevateRolesOf = (policy: Policy, actor: Actor): ElevateRoles => ({
  reviewer: isReviewer(policy, actor),
  auditor: isAuditor(policy, actor),
  admin: isAdmin(policy, actor),
  securityLead: isSecurityLead(policy, actor),
});
