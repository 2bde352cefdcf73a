import type { FullPolicyView, PolicyView } from '@elevate/contracts';
import { isAdmin, isAuditor } from '@elevate/domain';
import type { Actor, Policy } from '@elevate/domain';
import { elevateRolesOf, eligibilityEntriesOf } from './eligibility-view';
import type { UseCaseDeps } from './use-case-deps';

/** What the actor may request and who reviews it; the whole policy only for admins and auditors. */
export function getPolicyView(
  deps: Pick<UseCaseDeps, 'policy' | 'mfaEvidence'>,
  actor: Actor,
): PolicyView {
  const { policy } = deps;
  const mayReadPolicy = isAdmin(policy, actor) || isAuditor(policy, actor);
  return {
    eligibility: eligibilityEntriesOf(policy, actor),
    roles: elevateRolesOf(policy, actor),
    ...(mayReadPolicy ? { policy: fullPolicyView(policy) } : {}),
    ...(deps.mfaEvidence?.enforcedByIdp === true ? { idpEnforcesMfa: true } : {}),
  };
}

function fullPolicyView(policy: Policy): FullPolicyView {
  return {
    accounts: policy.accounts.map((account) => ({ ...account, tags: { ...account.tags } })),
    groups: {
      reviewers: [...policy.groups.reviewers],
      auditors: [...policy.groups.auditors],
      admins: [...policy.groups.admins],
    },
    rules: policy.rules.map((rule) => ({
      ...rule,
      groups: [...rule.groups],
      roles: [...rule.roles],
      approverGroups: [...rule.approverGroups],
    })),
  };
}
