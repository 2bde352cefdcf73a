import { Hono } from 'hono';
import {
  approveBodySchema,
  approveExtensionBodySchema,
  extendBodySchema,
  rejectExtensionBodySchema,
  cancelBodySchema,
  createRequestBodySchema,
  endEarlyBodySchema,
  myRequestsQuerySchema,
  openWindowsQuerySchema,
  rejectBodySchema,
  reviewBreakGlassBodySchema,
  revokeBodySchema,
} from '@elevate/contracts';
import type * as z from 'zod/mini';
import type { RequestView } from '@elevate/contracts';
import type { Actor } from '@elevate/domain';
import type { AuthedEnv } from '../app-env';
import { parseJsonBody, parseQuery } from '../http/validate';
import { approveRequest } from '../use-cases/approve-request';
import { cancelRequest } from '../use-cases/cancel-request';
import { createRequest } from '../use-cases/create-request';
import { approveExtension, rejectExtension } from '../use-cases/decide-extension';
import { endRequestEarly } from '../use-cases/end-request-early';
import { extendRequest } from '../use-cases/extend-request';
import { getRequest } from '../use-cases/get-request';
import { listOpenWindows } from '../use-cases/list-open-windows';
import { listMyRequests } from '../use-cases/list-my-requests';
import { markBreakGlassReviewed } from '../use-cases/mark-break-glass-reviewed';
import { rejectRequest } from '../use-cases/reject-request';
import { revokeRequest } from '../use-cases/revoke-request';
import type { UseCaseDeps } from '../use-cases/use-case-deps';

type TransitionUseCase<B> = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: B,
) => Promise<RequestView>;

/** `POST /requests/:id/<action>`: parse the body with its schema, run the one transition. */
function addTransition<B>(
  routes: Hono<AuthedEnv>,
  deps: UseCaseDeps,
  action: string,
  schema: z.ZodMiniType<B>,
  useCase: TransitionUseCase<B>,
): void {
  routes.post(`/requests/:id/${action}`, async (c) =>
    c.json(await useCase(deps, c.var.actor, c.req.param('id'), await parseJsonBody(c, schema))),
  );
}

/** Access requests: create, list mine, read one, and every transition. */
export function requestRoutes(deps: UseCaseDeps): Hono<AuthedEnv> {
  const routes = new Hono<AuthedEnv>();
  addTransition(routes, deps, 'approve', approveBodySchema, approveRequest);
  addTransition(routes, deps, 'reject', rejectBodySchema, rejectRequest);
  addTransition(routes, deps, 'cancel', cancelBodySchema, cancelRequest);
  addTransition(routes, deps, 'revoke', revokeBodySchema, revokeRequest);
  addTransition(routes, deps, 'end', endEarlyBodySchema, endRequestEarly);
  addTransition(routes, deps, 'review', reviewBreakGlassBodySchema, markBreakGlassReviewed);
  addTransition(routes, deps, 'extend', extendBodySchema, extendRequest);
  addTransition(routes, deps, 'extension/approve', approveExtensionBodySchema, approveExtension);
  addTransition(routes, deps, 'extension/reject', rejectExtensionBodySchema, rejectExtension);
  return (
    routes
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
      .get('/requests/open', async (c) =>
        c.json(await listOpenWindows(deps, c.var.actor, parseQuery(c, openWindowsQuerySchema))),
      )
      .get('/requests/:id', async (c) =>
        c.json(await getRequest(deps, c.var.actor, c.req.param('id'))),
      )
  );
}
