import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { METRIC, type OperationalMetrics } from './operational-metrics';

const DECISION = /^\/requests\/[^/]+\/(approve|reject)$/u;
const SESSIONS = /^\/requests\/[^/]+\/sessions$/u;

/** The one field of an answer a counter needs; never more of the body (sessions carry secrets). */
async function fieldOf(response: Response, field: string): Promise<unknown> {
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null ? Reflect.get(body, field) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Counts what operators watch from the API's answers: requests created (and break-glass ones),
 * decisions, sessions issued by kind, refusals by error code. One place, after the route answered,
 * so use cases stay free of instrumentation.
 */
export function countOutcomes(metrics: OperationalMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const { status } = c.res;
    const path = c.req.path;
    const code = c.var.errorCode;
    // A caller who hung up was refused nothing.
    if (code !== undefined && c.var.callerGone !== true)
      metrics.count(METRIC.refusals, { name: 'code', value: code });
    if (c.req.method !== 'POST' || status >= 300) return;
    if (path === '/requests' && status === 201) {
      metrics.count(METRIC.requestsCreated);
      if ((await fieldOf(c.res, 'breakGlass')) === true) metrics.count(METRIC.breakGlassRequests);
      return;
    }
    const decision = DECISION.exec(path)?.[1];
    if (decision !== undefined) {
      metrics.count(METRIC.decisions, { name: 'decision', value: decision });
      return;
    }
    if (SESSIONS.test(path)) {
      const kind = await fieldOf(c.res, 'kind');
      metrics.count(METRIC.sessionsIssued, {
        name: 'kind',
        value: typeof kind === 'string' ? kind : 'unknown',
      });
    }
  };
}
