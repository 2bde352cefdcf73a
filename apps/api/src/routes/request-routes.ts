import { Hono } from 'hono';
import {
  approveBodySchema,
  cancelBodySchema,
  createRequestBodySchema,
  endEarlyBodySchema,
  myRequestsQuerySchema,
  rejectBodySchema,
  reviewBreakGlassBodySchema,
  revokeBodySchema,
} from '@elevate/contracts';
import type { AuthedEnv } from '../app-env';
import { parseJsonBody, parseQuery } from '../http/validate';
import { approveRequest } from '../use-cases/approve-request';
import { cancelRequest } from '../use-cases/cancel-request';
import { createRequest } from '../use-cases/create-request';
import { endRequestEarly } from '../use-cases/end-request-early';
import { getRequest } from '../use-cases/get-request';
import { listMyRequests } from '../use-cases/list-my-requests';
import { markBreakGlassReviewed } from '../use-cases/mark-break-glass-reviewed';
import { rejectRequest } from '../use-cases/reject-request';
import { revokeRequest } from '../use-cases/revoke-request';
import type { UseCaseDeps } from '../use-cases/use-case-deps';

/** Access requests: create, list mine, read one, and every transition. */
export function requestRoutes(deps: UseCaseDeps): Hono<AuthedEnv> {
  return (
    new Hono<AuthedEnv>()
      .post('/requests', async (c) => {
        const view = await createRequest(
          deps,
          c.var.actor,
          await parseJsonBody(c, createRequestBodySchema),
        );
        c.header('location', `/requests/${encodeURIComponent(view.id)}`);
        return c.json(view, 201);
      })
      // Before `/requests/:id`, which would otherwise take "mine" for an id.
      .get('/requests/mine', async (c) =>
        c.json(await listMyRequests(deps, c.var.actor, parseQuery(c, myRequestsQuerySchema))),
      )
      .get('/requests/:id', async (c) =>
        c.json(await getRequest(deps, c.var.actor, c.req.param('id'))),
      )
      .post('/requests/:id/approve', async (c) =>
        c.json(
          await approveRequest(
            deps,
            c.var.actor,
            c.req.param('id'),
            await parseJsonBody(c, approveBodySchema),
          ),
        ),
      )
      .post('/requests/:id/reject', async (c) =>
        c.json(
          await rejectRequest(
            deps,
            c.var.actor,
            c.req.param('id'),
            await parseJsonBody(c, rejectBodySchema),
          ),
        ),
      )
      .post('/requests/:id/cancel', async (c) =>
        c.json(
          await cancelRequest(
            deps,
            c.var.actor,
            c.req.param('id'),
            await parseJsonBody(c, cancelBodySchema),
          ),
        ),
      )
      .post('/requests/:id/revoke', async (c) =>
        c.json(
          await revokeRequest(
            deps,
            c.var.actor,
            c.req.param('id'),
            await parseJsonBody(c, revokeBodySchema),
          ),
        ),
      )
      .post('/requests/:id/end', async (c) =>
        c.json(
          await endRequestEarly(
            deps,
            c.var.actor,
            c.req.param('id'),
            await parseJsonBody(c, endEarlyBodySchema),
          ),
        ),
      )
      .post('/requests/:id/review', async (c) =>
        c.json(
          await markBreakGlassReviewed(
            deps,
            c.var.actor,
            c.req.param('id'),
            await parseJsonBody(c, reviewBreakGlassBodySchema),
          ),
        ),
      )
  );
}
