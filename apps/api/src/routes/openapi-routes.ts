import { buildOpenApiDocument } from '@elevate/contracts';
import { Hono } from 'hono';
import type { AuthedEnv } from '../app-env';

/**
 * The OpenAPI 3.1 description of this API, for signed-in callers: anonymous callers cannot map
 * routes (see app.ts). Built on first use from the operations table in contracts.
 */
export function openApiRoutes(): Hono<AuthedEnv> {
  let document: Record<string, unknown> | undefined;
  return new Hono<AuthedEnv>().get('/openapi.json', (c) => {
    document ??= buildOpenApiDocument();
    return c.json(document);
  });
}
