import { Hono } from 'hono';
import { federateBodySchema } from '@elevate/contracts';
import type { AuthedEnv } from '../app-env';
import { clientOf } from '../http/client-of';
import { parseJsonBody } from '../http/validate';
import { reusingVerified, tokensOf } from '../middleware/authenticate';
import { startSession } from '../use-cases/start-session';
import type { StartSessionDeps } from '../use-cases/start-session';

/**
 * `POST /requests/{id}/sessions`: the federate route. In AWS only the federate function serves it
 * (its role alone may call sts:AssumeRole); locally the one server serves everything.
 */
export const SESSIONS_PATH = '/requests/:id/sessions';

export function sessionRoutes(deps: StartSessionDeps): Hono<AuthedEnv> {
  return new Hono<AuthedEnv>().post(SESSIONS_PATH, async (c) => {
    const tokens = tokensOf(c);
    const { response, record } = await startSession(
      // The use case verifies the tokens itself; the same strings were verified by the
      // authenticate middleware moments ago in this very call, so that answer is reused.
      { ...deps, verifier: reusingVerified(deps.verifier, tokens, c.var.actor) },
      {
        tokens,
        requestId: c.req.param('id'),
        body: await parseJsonBody(c, federateBodySchema),
        client: clientOf(c),
      },
    );
    // The record's identifiers only: the response carries credentials or a sign-in URL.
    c.var.logger.info('session issued', {
      requestId: record.requestId,
      sessionId: record.id,
      kind: record.kind,
      roleArn: record.roleArn,
      accessKeyId: record.accessKeyId,
      stsRegion: record.region,
      expiresAt: record.expiresAt,
    });
    c.header('pragma', 'no-cache');
    return c.json(response, 201);
  });
}
