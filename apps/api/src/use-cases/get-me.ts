import type { MeResponse } from '@elevate/contracts';
import type { Actor } from '@elevate/domain';
import { elevateRolesOf, eligibilityEntriesOf } from './eligibility-view';
import type { UseCaseDeps } from './use-case-deps';

/** Who the API takes the caller to be, and what the policy lets them request and do. */
export function getMe(deps: Pick<UseCaseDeps, 'policy'>, actor: Actor): MeResponse {
  return {
    sub: actor.sub,
    email: actor.email,
    name: actor.name,
    groups: [...actor.groups],
    amr: [...actor.amr],
    ...(actor.authTime === undefined ? {} : { authTime: actor.authTime }),
    eligibility: {
      entries: eligibilityEntriesOf(deps.policy, actor),
      roles: elevateRolesOf(deps.policy, actor),
    },
  };
}
