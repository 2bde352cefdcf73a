import { Hono } from 'hono';
import {
  breakGlassReviewsQuerySchema,
  decidedReviewsQuerySchema,
  pendingReviewsQuerySchema,
} from '@elevate/contracts';
import type { AuthedEnv } from '../app-env';
import { parseQuery } from '../http/validate';
import { listBreakGlassReviews } from '../use-cases/list-break-glass-reviews';
import { listMyDecisions } from '../use-cases/list-my-decisions';
import { listPendingReviews } from '../use-cases/list-pending-reviews';
import type { UseCaseDeps } from '../use-cases/use-case-deps';

/** A reviewer's queues (pending decisions, break-glass access awaiting review) and past decisions. */
export function reviewRoutes(deps: UseCaseDeps): Hono<AuthedEnv> {
  return new Hono<AuthedEnv>()
    .get('/reviews/pending', async (c) =>
      c.json(await listPendingReviews(deps, c.var.actor, parseQuery(c, pendingReviewsQuerySchema))),
    )
    .get('/reviews/break-glass', async (c) =>
      c.json(
        await listBreakGlassReviews(deps, c.var.actor, parseQuery(c, breakGlassReviewsQuerySchema)),
      ),
    )
    .get('/reviews/decided', async (c) =>
      c.json(await listMyDecisions(deps, c.var.actor, parseQuery(c, decidedReviewsQuerySchema))),
    );
}
