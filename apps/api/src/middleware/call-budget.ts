import type { MiddlewareHandler } from 'hono';
import { REQUEST_BUDGET_MS, withinCallBudget } from '@elevate/adapters';
import type { AppEnv } from '../app-env';
import { callerGoneOf } from '../http/caller-gone';

/**
 * Gives the request a budget: every outbound call made while serving it ends when the budget
 * runs out or the caller goes away (the request's own signal: the client closed the connection),
 * so nothing keeps working for a caller who is no longer there.
 */
export function callBudget(budgetMs: number = REQUEST_BUDGET_MS): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const signal = AbortSignal.any([callerGoneOf(c.req.raw, c.env), AbortSignal.timeout(budgetMs)]);
    await withinCallBudget(signal, next);
  };
}
