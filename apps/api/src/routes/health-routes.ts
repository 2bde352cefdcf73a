import { Hono } from 'hono';
import type { AppEnv } from '../app-env';

/** Liveness, unauthenticated: says nothing about configuration or dependencies. */
export function healthRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', (c) => c.json({ status: 'ok' }));
}
