import { Hono } from 'hono';
import type { AuthedEnv } from '../app-env';
import { getPolicyView } from '../use-cases/get-policy-view';
import type { UseCaseDeps } from '../use-cases/use-case-deps';

/** `GET /policy`: my eligibility and reviewers; the whole policy for admins and auditors. */
export function policyRoutes(deps: Pick<UseCaseDeps, 'policy'>): Hono<AuthedEnv> {
  return new Hono<AuthedEnv>().get('/policy', (c) => c.json(getPolicyView(deps, c.var.actor)));
}
