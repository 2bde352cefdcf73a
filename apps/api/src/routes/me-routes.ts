import { Hono } from 'hono';
import type { AuthedEnv } from '../app-env';
import { getMe } from '../use-cases/get-me';
import type { UseCaseDeps } from '../use-cases/use-case-deps';

/** `GET /me`: who the API takes the caller to be, and what they may request. */
export function meRoutes(deps: Pick<UseCaseDeps, 'policy'>): Hono<AuthedEnv> {
  return new Hono<AuthedEnv>().get('/me', (c) => c.json(getMe(deps, c.var.actor)));
}
