import { Hono } from 'hono';
import { insightsQuerySchema } from '@elevate/contracts';
import type { AuthedEnv } from '../app-env';
import { parseQuery } from '../http/validate';
import { getInsights } from '../use-cases/get-insights';
import type { UseCaseDeps } from '../use-cases/use-case-deps';

/** Insights: human access summarised from the daily aggregates. */
export function insightsRoutes(deps: UseCaseDeps): Hono<AuthedEnv> {
  return new Hono<AuthedEnv>().get('/insights', async (c) =>
    c.json(await getInsights(deps, c.var.actor, parseQuery(c, insightsQuerySchema))),
  );
}
