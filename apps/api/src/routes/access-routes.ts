import { Hono } from 'hono';
import { activeAccessQuerySchema } from '@elevate/contracts';
import type { AuthedEnv } from '../app-env';
import { parseQuery } from '../http/validate';
import { listActiveAccess, listSelfApproved } from '../use-cases/list-active-access';
import type { UseCaseDeps } from '../use-cases/use-case-deps';

/** What is open now, and what self-service approved lately: for reviewers and admins. */
export function accessRoutes(deps: UseCaseDeps): Hono<AuthedEnv> {
  return new Hono<AuthedEnv>()
    .get('/access/active', async (c) => {
      parseQuery(c, activeAccessQuerySchema);
      return c.json(await listActiveAccess(deps, c.var.actor));
    })
    .get('/access/self-approved', async (c) => {
      parseQuery(c, activeAccessQuerySchema);
      return c.json(await listSelfApproved(deps, c.var.actor));
    });
}
