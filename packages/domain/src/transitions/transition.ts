import type { AccessRequest, HistoryEvent, Transitioned } from '../access-request';
import type { HistoryEventType, RequestStatus } from '../vocabulary';
import type { Actor } from '../actor';
import { personOf } from '../actor';
import type { DomainError } from '../domain-error';
import { domainError } from '../domain-error';
import type { Policy } from '../policy/policy-schema';
import type { Result } from '../result';
import { err, ok } from '../result';

/** What every transition is given: the clock's `now` (ISO-8601 UTC), who acts, and the policy. */
export interface TransitionContext {
  readonly now: string;
  readonly actor: Actor;
  readonly policy: Policy;
  /** The call making the change (API Gateway's request id), recorded on its history event. */
  readonly correlationId?: string;
}

export type TransitionResult = Result<Transitioned, DomainError>;

/** Input of decisions and other transitions that carry an optional comment. */
export interface CommentInput {
  readonly comment?: string;
}

export const eventOf = (
  type: HistoryEventType,
  ctx: TransitionContext,
  statusAfter: RequestStatus,
  comment?: string,
): HistoryEvent => ({
  type,
  actor: personOf(ctx.actor),
  at: ctx.now,
  statusAfter,
  ...(comment === undefined ? {} : { comment }),
  ...(ctx.correlationId === undefined ? {} : { correlationId: ctx.correlationId }),
});

/** Builds the next state: a new object, version + 1, the event appended. The input is untouched. */
export const advance = (
  request: AccessRequest,
  changes: Partial<Omit<AccessRequest, 'id' | 'version' | 'history' | 'updatedAt'>>,
  type: HistoryEventType,
  ctx: TransitionContext,
  comment?: string,
): TransitionResult => {
  const status = changes.status ?? request.status;
  const event = eventOf(type, ctx, status, comment);
  return ok({
    request: {
      ...request,
      ...changes,
      updatedAt: ctx.now,
      version: request.version + 1,
      history: [...request.history, event],
    },
    event,
  });
};

/** A comment trimmed, or undefined when blank. */
export const cleanComment = (comment: string | undefined): string | undefined => {
  const trimmed = comment?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
};

export const requireComment = (
  comment: string | undefined,
  what: string,
): Result<string, DomainError> => {
  const cleaned = cleanComment(comment);
  return cleaned === undefined
    ? err(domainError('COMMENT_REQUIRED', `A comment is required to ${what}.`))
    : ok(cleaned);
};

export const isRequester = (request: AccessRequest, actor: Actor): boolean =>
  request.requester.sub === actor.sub;
