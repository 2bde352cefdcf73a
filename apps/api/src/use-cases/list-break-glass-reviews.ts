import type { BreakGlassReviewsQuery, RequestPage } from '@elevate/contracts';
import { actionVerdict } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { readPage, toRequestPage } from './request-page';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';

/** Break-glass access awaiting the post-access review that the actor may record, oldest first. */
export async function listBreakGlassReviews(
  deps: UseCaseDeps,
  actor: Actor,
  query: BreakGlassReviewsQuery,
): Promise<RequestPage> {
  const ctx = contextOf(deps, actor);
  const page = await readPage(() => deps.repository.listBreakGlassAwaitingReview(query));
  return toRequestPage(
    page,
    ctx,
    (request) => actionVerdict('reviewBreakGlass', request, ctx).allowed,
  );
}
