import type { AccessRequest } from '../access-request';
import type { Actor } from '../actor';
import { isMemberOfAny } from '../actor';
import type { Verdict } from './verdict';
import { ALLOWED } from './verdict';
import { isAdmin, isAuditor } from './policy-evaluator';
import type { Policy } from './policy-schema';

/** A request is seen by its requester, the reviewers it is routed to, auditors and admins. */
export const canSee = (policy: Policy, actor: Actor, request: AccessRequest): Verdict =>
  request.requester.sub === actor.sub ||
  isMemberOfAny(actor, request.routing.approverGroups) ||
  isAuditor(policy, actor) ||
  isAdmin(policy, actor)
    ? ALLOWED
    : {
        allowed: false,
        code: 'NOT_VISIBLE',
        reason: 'This request is not yours and not routed to you.',
      };
