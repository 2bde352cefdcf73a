import type { ListedRequest } from '../access-request';
import type { Actor } from '../actor';
import { isMemberOfAny } from '../actor';
import { canonicalEmail } from '../federation/sts-identifier';
import type { Verdict } from './verdict';
import { ALLOWED } from './verdict';
import { isAdmin, isAuditor } from './policy-evaluator';
import type { Policy } from './policy-schema';

/** The engineer an invitation names (also after declining it), by their verified address. */
const isNamedInvitee = (actor: Actor, request: ListedRequest): boolean =>
  request.invitation !== undefined &&
  request.invitation.inviteeEmail === canonicalEmail(actor.email);

/**
 * A request is seen by its requester (or the engineer it invites), the reviewers it is routed to,
 * its inviter, auditors and admins.
 */
export const canSee = (policy: Policy, actor: Actor, request: ListedRequest): Verdict =>
  request.requester.sub === actor.sub ||
  isNamedInvitee(actor, request) ||
  request.invitation?.inviter.sub === actor.sub ||
  isMemberOfAny(actor, request.routing.approverGroups) ||
  isAuditor(policy, actor) ||
  isAdmin(policy, actor)
    ? ALLOWED
    : {
        allowed: false,
        code: 'NOT_VISIBLE',
        reason: 'This request is not yours and not routed to you.',
      };
