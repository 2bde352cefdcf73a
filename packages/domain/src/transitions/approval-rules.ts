import type { AccessRequest } from '../access-request';
import { approvalsOf } from '../access-request';
import { STATUS_IN_WORDS } from '../vocabulary';
import type { Actor } from '../actor';
import { isMemberOfAny } from '../actor';
import type { DomainError } from '../domain-error';
import { domainError } from '../domain-error';
import type { Result } from '../result';
import { err, ok } from '../result';
import { isBefore } from '../time';
import { isInvitee } from '../invitation';
import { isRequester } from './transition';

/** The requester, or the engineer an unanswered invitation names: they never decide it. */
const isOwnRequest = (request: AccessRequest, actor: Actor): boolean =>
  isRequester(request, actor) || isInvitee(request, actor);

const refuse = (code: DomainError['code'], message: string): Result<never, DomainError> =>
  err(domainError(code, message));

/** Whether the request's routing (fixed at creation) names one of the actor's groups. */
export const isRoutedTo = (request: AccessRequest, actor: Actor): boolean =>
  isMemberOfAny(actor, request.routing.approverGroups);

const reviewersText = (request: AccessRequest): string => request.routing.approverGroups.join(', ');

/** A pending request that outlived its pending limit can no longer be decided, even before the sweeper runs. */
const checkDecidable = (request: AccessRequest, now: string): Result<void, DomainError> => {
  if (request.status !== 'PENDING')
    return refuse(
      'INVALID_STATE',
      `This request is ${STATUS_IN_WORDS[request.status]}; only pending requests can be decided.`,
    );
  if (request.pendingExpiresAt !== undefined && !isBefore(now, request.pendingExpiresAt)) {
    return refuse(
      'INVALID_STATE',
      `This request expired at ${request.pendingExpiresAt} without a decision.`,
    );
  }
  return ok(undefined);
};

const checkNotDecidedYet = (request: AccessRequest, actor: Actor): Result<void, DomainError> =>
  request.decisions.some((decision) => decision.approver.sub === actor.sub)
    ? refuse(
        'ALREADY_DECIDED_BY_ACTOR',
        'You already decided this request; each person counts once.',
      )
    : ok(undefined);

/**
 * May `actor` approve? Only reviewers the request is routed to. The requester never may — unless
 * the rule allows self-approval, in which case their approval (as a routed reviewer) counts as one
 * of N ≥ 2 and the others must still come from other people (see `quorumReached`).
 */
export const checkCanApprove = (
  request: AccessRequest,
  actor: Actor,
  now: string,
): Result<void, DomainError> => {
  const decidable = checkDecidable(request, now);
  if (!decidable.ok) return decidable;
  if (isInvitee(request, actor))
    return refuse('SELF_DECISION', 'You cannot approve an invitation made out to you.');
  if (isRequester(request, actor) && !request.routing.selfApproval) {
    return refuse('SELF_DECISION', 'You cannot approve your own request.');
  }
  if (!isRoutedTo(request, actor)) {
    return refuse(
      'NOT_ROUTED_TO_REVIEWER',
      `Only members of ${reviewersText(request)} may decide this request.`,
    );
  }
  return checkNotDecidedYet(request, actor);
};

/** May `actor` reject? Routed reviewers other than the requester (who cancels instead). */
export const checkCanReject = (
  request: AccessRequest,
  actor: Actor,
  now: string,
): Result<void, DomainError> => {
  const decidable = checkDecidable(request, now);
  if (!decidable.ok) return decidable;
  if (isOwnRequest(request, actor))
    return refuse(
      'SELF_DECISION',
      'You cannot reject your own request; cancel it (or decline the invitation) instead.',
    );
  if (!isRoutedTo(request, actor)) {
    return refuse(
      'NOT_ROUTED_TO_REVIEWER',
      `Only members of ${reviewersText(request)} may decide this request.`,
    );
  }
  return checkNotDecidedYet(request, actor);
};

/**
 * Quorum: N distinct approvers, at least one of whom is not the requester. With self-approval the
 * requester's approval is one of the N; without it they never have one (refused above).
 */
export const quorumReached = (request: AccessRequest): boolean => {
  const approvers = new Set(approvalsOf(request).map((decision) => decision.approver.sub));
  const others = [...approvers].filter((sub) => sub !== request.requester.sub).length;
  return approvers.size >= request.routing.approvalsRequired && others >= 1;
};
