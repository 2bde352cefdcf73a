import { Hono } from 'hono';
import { meResponseSchema } from '@elevate/contracts';
import type { AuthedEnv } from '../app-env';

/** `GET /me`: who the API takes the caller to be. */
export function meRoutes(): Hono<AuthedEnv> {
  return new Hono<AuthedEnv>().get('/me', (c) => c.json(meResponseSchema.parse(c.var.actor)));
}
