import type { AccessRequest, Decision } from '../access-request';
import type { Actor } from '../actor';
import { isMemberOfAny, personOf } from '../actor';
import { fail } from '../domain-error';
import { canonicalEmail } from '../federation/sts-identifier';
import { inviteePersonOf } from '../invitation';
import { isAdmin, offeredRuleFor } from '../policy/policy-evaluator';
import { ok } from '../result';
import { addMinutes } from '../time';
import { checkAsk } from './create-request';
import type { CreateRequestInput } from './create-request';
import type { TransitionContext, TransitionResult } from './transition';
import { eventOf } from './transition';

/** What an inviter fills in: the engineer's address and the request, never break-glass. */
export interface InviteRequestInput extends Omit<CreateRequestInput, 'breakGlass'> {
  readonly inviteeEmail: string;
}

// Deliberately loose: the IdP owns addresses; this only refuses what cannot be one.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/u;

const invitationComment = (inviter: Actor, inviteeEmail: string): string =>
  `Invited ${inviteeEmail} on their behalf (${inviter.name}).`;

/**
 * A reviewer routed to the account × role (or an admin) opens a request on an engineer's behalf.
 * The inviter cannot know the engineer's groups, so the request is checked against every rule that
 * offers the role there, combined to the strictest, and again against the engineer's own rule when
 * they accept (`acceptInvitation`), with their verified token. It waits for that acceptance in
 * PENDING and expires like any pending request. A routed inviter's invitation counts as their
 * approval — the one they could have given had the engineer asked — and the quorum still applies;
 * an admin who is not routed approves nothing by inviting.
 */
export const inviteRequest = (
  input: InviteRequestInput,
  ctx: TransitionContext,
): TransitionResult => {
  const inviteeEmail = canonicalEmail(input.inviteeEmail);
  if (!EMAIL_SHAPE.test(inviteeEmail))
    return fail('NOT_ELIGIBLE', 'The engineer must be named by an e-mail address.');
  if (inviteeEmail === canonicalEmail(ctx.actor.email))
    return fail('SELF_INVITATION', 'You cannot invite yourself; submit a request instead.');
  const ruleResult = offeredRuleFor(ctx.policy, input.accountId, input.roleName);
  if (!ruleResult.ok) return ruleResult;
  const rule = ruleResult.value;
  const routed = isMemberOfAny(ctx.actor, rule.approverGroups);
  if (!routed && !isAdmin(ctx.policy, ctx.actor)) {
    return fail(
      'NOT_ROUTED_TO_REVIEWER',
      `Only members of ${rule.approverGroups.join(', ')} or admins may invite someone to ${rule.roleName} in ${rule.account.name}.`,
    );
  }
  const ask = checkAsk(input, rule, false, ctx.now);
  if (!ask.ok) return ask;

  const comment = invitationComment(ctx.actor, inviteeEmail);
  const inviterApproval: Decision[] = routed
    ? [{ approver: personOf(ctx.actor), decision: 'APPROVE', at: ctx.now, comment }]
    : [];
  const event = eventOf('CREATED', ctx, 'PENDING', comment);
  const request: AccessRequest = {
    id: input.id,
    requester: inviteePersonOf(inviteeEmail),
    accountId: rule.account.id,
    roleName: rule.roleName,
    ...ask.value,
    status: 'PENDING',
    breakGlass: false,
    pendingExpiresAt: addMinutes(ctx.now, rule.pendingExpiryMinutes),
    routing: {
      approverGroups: rule.approverGroups,
      routingKey: rule.routingKey,
      approvalsRequired: rule.approvalsRequired,
      selfApproval: rule.selfApproval,
      ruleIds: rule.ruleIds,
    },
    decisions: inviterApproval,
    invitation: {
      inviter: personOf(ctx.actor),
      inviteeEmail,
      state: 'AWAITING',
      invitedAt: ctx.now,
    },
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
    history: [event],
  };
  return ok({ request, event });
};
