import type { RequestSummary, RequestView } from '@elevate/contracts';
import { accessPhase, allowedActions, approvalsOf, findAccount, windowOf } from '@elevate/domain';
import type { AccessRequest, ListedRequest, TransitionContext } from '@elevate/domain';

/**
 * A request as a listing shows it to `ctx.actor`: phase and buttons computed now, no history (lists
 * read requests without one).
 */
export function toRequestSummary(request: ListedRequest, ctx: TransitionContext): RequestSummary {
  const accountName = findAccount(ctx.policy, request.accountId)?.name;
  return {
    id: request.id,
    requester: { ...request.requester },
    accountId: request.accountId,
    ...(accountName === undefined ? {} : { accountName }),
    roleName: request.roleName,
    justification: request.justification,
    ...(request.ticket === undefined ? {} : { ticket: request.ticket }),
    requestedDurationMinutes: request.requestedDurationMinutes,
    ...(request.scheduledStart === undefined ? {} : { scheduledStart: request.scheduledStart }),
    status: request.status,
    breakGlass: request.breakGlass,
    ...(request.postAccessReview === undefined
      ? {}
      : { postAccessReview: { ...request.postAccessReview } }),
    approverGroups: [...request.routing.approverGroups],
    approvalsRequired: request.routing.approvalsRequired,
    approvalsCount: approvalsOf(request).length,
    decisions: request.decisions.map((decision) => ({ ...decision })),
    ...(request.approvedByPolicy === true ? { approvedByPolicy: true } : {}),
    ...(request.extensions === undefined
      ? {}
      : {
          extensions: request.extensions.map((extension) => ({
            ...extension,
            approverGroups: [...extension.approverGroups],
            decisions: extension.decisions.map((decision) => ({ ...decision })),
          })),
        }),
    ...(request.invitation === undefined
      ? {}
      : { invitation: { ...request.invitation, inviter: { ...request.invitation.inviter } } }),
    ...(request.approvedAt === undefined ? {} : { approvedAt: request.approvedAt }),
    ...(request.closedAt === undefined ? {} : { closedAt: request.closedAt }),
    ...(request.pendingExpiresAt === undefined
      ? {}
      : { pendingExpiresAt: request.pendingExpiresAt }),
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    version: request.version,
    phase: accessPhase(request, ctx.now) ?? null,
    window: windowOf(request) ?? null,
    allowedActions: allowedActions(request, ctx),
  };
}

/** One request with its history, as `GET /requests/{id}` and every transition answer. */
export function toRequestView(request: AccessRequest, ctx: TransitionContext): RequestView {
  return {
    ...toRequestSummary(request, ctx),
    // The correlation id is for operators' logs, not part of the view.
    history: request.history.map(({ correlationId: _, ...event }) => event),
  };
}
