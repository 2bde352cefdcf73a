import { type AccessRequest, type Invitation } from '../access-request';
import { STATUS_IN_WORDS } from '../vocabulary';
import { personOf } from '../actor';
import { fail } from '../domain-error';
import { isInvitee } from '../invitation';
import { selfServiceRefusals } from '../policy/auto-approval';
import { effectiveRuleFor } from '../policy/policy-evaluator';
import type { Result } from '../result';
import { ok } from '../result';
import type { DomainError } from '../domain-error';
import { isBefore } from '../time';
import { quorumReached } from './approval-rules';
import { checkDuration, checkJustification, checkTicket } from './create-request';
import type { CommentInput, TransitionContext, TransitionResult } from './transition';
import { advance, cleanComment } from './transition';

/**
 * The invitation to answer: only the invited engineer answers, only once, and only while it is
 * still pending.
 */
const answerableInvitation = (
  request: AccessRequest,
  ctx: TransitionContext,
): Result<Invitation, DomainError> => {
  const { invitation } = request;
  if (invitation === undefined) return fail('INVALID_STATE', 'This request is not an invitation.');
  if (invitation.state !== 'AWAITING')
    return fail('INVALID_STATE', `This invitation was ${invitation.state.toLowerCase()} already.`);
  if (!isInvitee(request, ctx.actor))
    return fail('NOT_INVITEE', 'Only the engineer this invitation names can answer it.');
  if (request.status !== 'PENDING')
    return fail(
      'INVALID_STATE',
      `This invitation is ${STATUS_IN_WORDS[request.status]}; only pending invitations can be answered.`,
    );
  if (request.pendingExpiresAt !== undefined && !isBefore(ctx.now, request.pendingExpiresAt))
    return fail('INVALID_STATE', `This invitation expired at ${request.pendingExpiresAt}.`);
  return ok(invitation);
};

/**
 * The invited engineer accepts. Their eligibility is checked now, from their verified token: the
 * policy must let their own groups request this account × role with this justification, ticket and
 * duration (an invitation grants no eligibility). The request becomes theirs (their IdP identity
 * replaces the address), its routing becomes their rule's, and it is APPROVED at once if the
 * approvals so far meet that rule (or it is self-service for them); otherwise it waits for the rest.
 */
export const acceptInvitation = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
): TransitionResult => {
  const answerable = answerableInvitation(request, ctx);
  if (!answerable.ok) return answerable;
  const invitation = answerable.value;
  // One person under two addresses still cannot invite themselves past the approvers.
  if (invitation.inviter.sub === ctx.actor.sub)
    return fail('SELF_INVITATION', 'You cannot accept an invitation you sent.');
  // Someone who approved it as a reviewer (under another address) would count for themselves.
  if (request.decisions.some((decision) => decision.approver.sub === ctx.actor.sub))
    return fail(
      'SELF_DECISION',
      'You decided this invitation as a reviewer; you cannot also accept it for yourself.',
    );
  const ruleResult = effectiveRuleFor(ctx.policy, ctx.actor, request.accountId, request.roleName);
  if (!ruleResult.ok) return ruleResult;
  const rule = ruleResult.value;
  const justification = checkJustification(request.justification, rule);
  if (!justification.ok) return justification;
  const ticket = checkTicket(request.ticket, rule);
  if (!ticket.ok) return ticket;
  const duration = checkDuration(request.requestedDurationMinutes, rule);
  if (!duration.ok) return duration;

  const refusals = selfServiceRefusals(rule.autoApproval, {
    durationMinutes: duration.value,
    justification: justification.value,
    ...(ticket.value === undefined ? {} : { ticket: ticket.value }),
    breakGlass: false,
    startsAt: request.scheduledStart ?? ctx.now,
  });
  const selfService = rule.autoApproval !== undefined && refusals.length === 0;
  if (!selfService && rule.approvalsRequired === 0) {
    return fail(
      'SELF_SERVICE_CONDITIONS_UNMET',
      `${rule.roleName} in ${rule.account.name} is self-service only, and this invitation is outside its conditions: ${refusals.join('; ')}.`,
    );
  }
  const requester = personOf(ctx.actor);
  const routing = {
    approverGroups: rule.approverGroups,
    routingKey: rule.routingKey,
    approvalsRequired: rule.approvalsRequired,
    selfApproval: rule.selfApproval,
    ruleIds: rule.ruleIds,
  };
  const accepted = { ...request, requester, routing };
  const approved = selfService || quorumReached(accepted);
  return advance(
    request,
    {
      requester,
      routing,
      invitation: { ...invitation, state: 'ACCEPTED', answeredAt: ctx.now },
      ...(approved ? { status: 'APPROVED' as const, approvedAt: ctx.now } : {}),
      ...(selfService ? { approvedByPolicy: true } : {}),
    },
    'INVITATION_ACCEPTANCE',
    ctx,
    selfService
      ? `Approved by policy (${rule.ruleIds.join(', ')}): within its self-service conditions.`
      : cleanComment(input.comment),
  );
};

/** The invited engineer declines: the request ends CANCELLED and never opens a window. */
export const declineInvitation = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
): TransitionResult => {
  const answerable = answerableInvitation(request, ctx);
  if (!answerable.ok) return answerable;
  const invitation = answerable.value;
  return advance(
    request,
    {
      status: 'CANCELLED',
      invitation: { ...invitation, state: 'DECLINED', answeredAt: ctx.now },
    },
    'INVITATION_DECLINE',
    ctx,
    cleanComment(input.comment),
  );
};
