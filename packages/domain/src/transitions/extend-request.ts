import type { AccessRequest, Extension } from '../access-request';
import { grantedExtensionMinutes, pendingExtensionOf } from '../access-request';
import { STATUS_IN_WORDS } from '../vocabulary';
import { fail } from '../domain-error';
import { effectiveRuleFor } from '../policy/policy-evaluator';
import { accessPhase } from '../window';
import { GRANTED_BY_POLICY } from './extension-text';
import type { TransitionContext, TransitionResult } from './transition';
import { MIN_EXTENSION_MINUTES } from '../vocabulary';
import { advance, isRequester, requireComment } from './transition';

export interface ExtendInput {
  readonly minutes: number;
  readonly reason?: string;
}

/** Why a window that is not open cannot be extended. */
const notOpen = (request: AccessRequest, ctx: TransitionContext): TransitionResult | undefined => {
  if (request.status !== 'APPROVED')
    return fail(
      'INVALID_STATE',
      `This request is ${STATUS_IN_WORDS[request.status]}; only an open window can be extended.`,
    );
  switch (accessPhase(request, ctx.now)) {
    case 'active':
      return undefined;
    case 'scheduled':
      return fail(
        'WINDOW_NOT_OPEN',
        'The window has not opened yet; change nothing until it does.',
      );
    case 'over':
    case undefined:
      return fail('WINDOW_OVER', 'The access window is already over; submit a new request.');
  }
};

/**
 * The requester asks for more time while the window is open. The total never exceeds the rule's
 * maximum (checked against the policy as it is now); within the rule's policy allowance the
 * extension is granted at once, otherwise it waits for the rule's extension approvers.
 */
export const extendRequest = (
  request: AccessRequest,
  input: ExtendInput,
  ctx: TransitionContext,
): TransitionResult => {
  if (!isRequester(request, ctx.actor))
    return fail('NOT_REQUESTER', 'Only the requester can ask for more time.');
  const closed = notOpen(request, ctx);
  if (closed !== undefined) return closed;
  if (pendingExtensionOf(request) !== undefined)
    return fail('EXTENSION_PENDING', 'An extension is already waiting for a decision.');
  const rule = effectiveRuleFor(ctx.policy, ctx.actor, request.accountId, request.roleName);
  if (!rule.ok) return rule;
  const { extension } = rule.value;
  const granted = grantedExtensionMinutes(request);
  const room = extension.maxTotalMinutes - request.requestedDurationMinutes - granted;
  if (!Number.isInteger(input.minutes) || input.minutes < MIN_EXTENSION_MINUTES)
    return fail(
      'DURATION_OUT_OF_RANGE',
      `An extension is at least ${MIN_EXTENSION_MINUTES} minutes.`,
    );
  if (input.minutes > room)
    return fail(
      'EXTENSION_LIMIT',
      room < MIN_EXTENSION_MINUTES
        ? `This window is already at the rule's maximum of ${extension.maxTotalMinutes} minutes.`
        : `At most ${room} more minutes: the rule allows ${extension.maxTotalMinutes} minutes in all.`,
    );
  const reason = requireComment(input.reason, 'ask for more time');
  if (!reason.ok) return reason;
  const byPolicy = granted + input.minutes <= extension.grantedByPolicyUpToMinutes;
  const next: Extension = {
    minutes: input.minutes,
    reason: reason.value,
    requestedAt: ctx.now,
    state: byPolicy ? 'GRANTED' : 'PENDING',
    grantedByPolicy: byPolicy,
    approverGroups: extension.approverGroups,
    approvalsRequired: extension.approvalsRequired,
    decisions: [],
    ...(byPolicy ? { decidedAt: ctx.now } : {}),
  };
  return advance(
    request,
    { extensions: [...(request.extensions ?? []), next] },
    'EXTENSION_REQUEST',
    ctx,
    `${byPolicy ? `${GRANTED_BY_POLICY}: ` : ''}+${input.minutes} minutes: ${reason.value}`,
  );
};
