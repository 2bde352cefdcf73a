import type { DecidedReviewsQuery, RequestPage } from '@elevate/contracts';
import { DEFAULT_DECIDED_RANGE_DAYS, MAX_AUDIT_RANGE_DAYS } from '@elevate/contracts';
import { canSee, isAdmin, isReviewer } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { readPage, toRequestPage } from './request-page';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';
import { UseCaseError } from './use-case-error';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The actor's past decisions — requests they approved, rejected, revoked or reviewed after
 * break-glass — created in [from, to), newest first. `to` defaults to now and `from` to 90 days
 * before it. Only reviewers and admins decide; anyone else gets an empty page without a read.
 * Requests the actor may no longer see (they left the routed group) are dropped.
 */
export async function listMyDecisions(
  deps: UseCaseDeps,
  actor: Actor,
  query: DecidedReviewsQuery,
): Promise<RequestPage> {
  if (!isReviewer(deps.policy, actor) && !isAdmin(deps.policy, actor)) return { items: [] };
  const { cursor, limit } = query;
  // `to` is exclusive: by default just past now, so a request created this millisecond counts.
  const to = query.to ?? new Date(Date.parse(deps.clock.now()) + 1).toISOString();
  const from =
    query.from ?? new Date(Date.parse(to) - DEFAULT_DECIDED_RANGE_DAYS * DAY_MS).toISOString();
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0 || span > MAX_AUDIT_RANGE_DAYS * DAY_MS) {
    throw new UseCaseError('VALIDATION_FAILED', 'The time range is empty or too long.', [
      {
        path: query.from === undefined ? 'to' : 'from',
        message: `must make a range of at most ${MAX_AUDIT_RANGE_DAYS} days ending after from`,
      },
    ]);
  }
  const page = await readPage(() =>
    deps.repository.listDecidedBy({
      sub: actor.sub,
      from,
      to,
      limit,
      ...(cursor === undefined ? {} : { cursor }),
    }),
  );
  return toRequestPage(
    page,
    contextOf(deps, actor),
    (request) => canSee(deps.policy, actor, request).allowed,
  );
}
