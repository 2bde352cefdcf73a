import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { CallClient } from '../use-cases/call';

const IP = /^[0-9A-Fa-f:.%]{2,64}$/;
const MAX_USER_AGENT = 512;

// API Gateway HTTP API (payload v2) as Hono's aws-lambda adapter hands it over in `c.env.event`.
const lambdaEnv = z.object({
  event: z.object({ requestContext: z.object({ http: z.object({ sourceIp: z.string() }) }) }),
});
// @hono/node-server puts the Node request in `c.env.incoming`.
const nodeEnv = z.object({
  incoming: z.object({ socket: z.object({ remoteAddress: z.optional(z.string()) }) }),
});

/**
 * The caller's address and user agent. On Lambda the address API Gateway saw; locally the socket's
 * peer. `x-forwarded-for` is never read: a client could write anything there.
 */
export function clientOf(c: Context): CallClient {
  const env: unknown = c.env;
  const lambda = lambdaEnv.safeParse(env);
  const node = lambda.success ? undefined : nodeEnv.safeParse(env);
  const address = lambda.success
    ? lambda.data.event.requestContext.http.sourceIp
    : node?.success
      ? node.data.incoming.socket.remoteAddress
      : undefined;
  // Printable ASCII only (headers are Latin-1 anyway): nothing that could forge a log or CSV line.
  const userAgent = c.req.header('user-agent')?.replace(/[^\x20-\x7e]/g, '');
  return {
    ...(address !== undefined && IP.test(address) ? { sourceIp: address } : {}),
    ...(userAgent === undefined || userAgent === ''
      ? {}
      : { userAgent: userAgent.slice(0, MAX_USER_AGENT) }),
  };
}
