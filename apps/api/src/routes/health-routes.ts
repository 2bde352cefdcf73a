import { Hono } from 'hono';
import { API_OPERATIONS } from '@elevate/contracts';
import type { AppEnv } from '../app-env';

/** Liveness, unauthenticated: says nothing about configuration or dependencies. */
export function healthRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get(API_OPERATIONS.getHealth.path, (c) => c.json({ status: 'ok' }));
}
