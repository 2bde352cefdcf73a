import type { AccessRequest, Extension } from '../access-request';
import { pendingExtensionOf } from '../access-request';
import { STATUS_IN_WORDS } from '../vocabulary';
import { isMemberOfAny, personOf } from '../actor';
import type { DomainError } from '../domain-error';
import { domainError } from '../domain-error';
import type { Result } from '../result';
import { err, ok } from '../result';
import { accessPhase } from '../window';
import type { CommentInput, TransitionContext, TransitionResult } from './transition';
import { advance, cleanComment, isRequester, requireComment } from './transition';

/** Who may decide the pending extension: its approvers other than the requester, once each, while the window is open. */
const checkCanDecide = (
  request: AccessRequest,
  ctx: TransitionContext,
): Result<Extension, DomainError> => {
  const pending = pendingExtensionOf(request);
  if (pending === undefined)
    return err(domainError('INVALID_STATE', 'No extension is waiting for a decision.'));
  if (isRequester(request, ctx.actor))
    return err(domainError('SELF_DECISION', 'You cannot decide your own extension.'));
  if (!isMemberOfAny(ctx.actor, pending.approverGroups))
    return err(
      domainError(
        'NOT_ROUTED_TO_REVIEWER',
        `Only members of ${pending.approverGroups.join(', ')} may decide this extension.`,
      ),
    );
  if (request.status !== 'APPROVED')
    return err(
      domainError(
        'INVALID_STATE',
        `This request is ${STATUS_IN_WORDS[request.status]}; the extension is moot.`,
      ),
    );
  if (accessPhase(request, ctx.now) !== 'active')
    return err(domainError('WINDOW_OVER', 'The window closed before the extension was decided.'));
  if (pending.decisions.some((decision) => decision.approver.sub === ctx.actor.sub))
    return err(domainError('ALREADY_DECIDED_BY_ACTOR', 'You already decided this extension.'));
  return ok(pending);
};

const replacePending = (request: AccessRequest, next: Extension): readonly Extension[] =>
  (request.extensions ?? []).map((extension) => (extension.state === 'PENDING' ? next : extension));

/** One approval of the pending extension; it is granted (the window lengthens) at its quorum. */
export const approveExtension = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
): TransitionResult => {
  const allowed = checkCanDecide(request, ctx);
  if (!allowed.ok) return allowed;
  const comment = cleanComment(input.comment);
  const decisions = [
    ...allowed.value.decisions,
    {
      approver: personOf(ctx.actor),
      decision: 'APPROVE' as const,
      at: ctx.now,
      ...(comment === undefined ? {} : { comment }),
    },
  ];
  const granted =
    new Set(decisions.map((d) => d.approver.sub)).size >= allowed.value.approvalsRequired;
  const next: Extension = {
    ...allowed.value,
    decisions,
    ...(granted ? { state: 'GRANTED' as const, decidedAt: ctx.now } : {}),
  };
  return advance(
    request,
    { extensions: replacePending(request, next) },
    granted ? 'EXTENSION_GRANT' : 'EXTENSION_APPROVAL',
    ctx,
    comment,
  );
};

/** A reviewer refuses the pending extension (with a reason); the window keeps its end. */
export const rejectExtension = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
): TransitionResult => {
  const allowed = checkCanDecide(request, ctx);
  if (!allowed.ok) return allowed;
  const comment = requireComment(input.comment, 'refuse an extension');
  if (!comment.ok) return comment;
  const next: Extension = {
    ...allowed.value,
    state: 'REFUSED',
    decidedAt: ctx.now,
    decisions: [
      ...allowed.value.decisions,
      { approver: personOf(ctx.actor), decision: 'REJECT', at: ctx.now, comment: comment.value },
    ],
  };
  return advance(
    request,
    { extensions: replacePending(request, next) },
    'EXTENSION_REFUSAL',
    ctx,
    comment.value,
  );
};
