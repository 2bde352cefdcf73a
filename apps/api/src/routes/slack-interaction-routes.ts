import type { ReplayGuard } from '@elevate/adapters';
import { verifySlackRequest } from '@elevate/adapters';
import { Hono } from 'hono';
import { SLACK_INTERACTIONS_PATH } from '@elevate/contracts';
import type { AppEnv } from '../app-env';
import { ApiError } from '../http/api-error';

export interface SlackInteractionDeps {
  /** The app's signing secret (from Secrets Manager, cached). */
  readonly signingSecret: () => Promise<string>;
  readonly replays: ReplayGuard;
  readonly nowMs?: () => number;
}

const MESSAGES: Record<string, string> = {
  'missing-headers': 'The request carries no Slack signature.',
  'stale-timestamp': "The request's Slack timestamp is outside the five-minute window.",
  'bad-signature': 'The Slack signature does not match the request.',
  replayed: 'This signed Slack request was already received.',
};

/**
 * Slack's interactive endpoint. Elevate's buttons are URL buttons that open the request page, so
 * Slack's callback only needs an acknowledgement: nothing is ever decided here, on Slack's word.
 * The request is verified first (signing secret, five-minute window, replay refused); anything
 * else is answered 401 problem+json.
 */
export function slackInteractionRoutes(deps: SlackInteractionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(SLACK_INTERACTIONS_PATH, async (c) => {
    const body = await c.req.text();
    const verdict = await verifySlackRequest(
      {
        timestamp: c.req.header('x-slack-request-timestamp'),
        signature: c.req.header('x-slack-signature'),
        body,
      },
      await deps.signingSecret(),
      (deps.nowMs ?? Date.now)(),
      deps.replays,
    );
    if (!verdict.ok) {
      c.var.logger.warn('slack request refused', { reason: verdict.reason });
      throw new ApiError('SLACK_SIGNATURE_INVALID', MESSAGES[verdict.reason] ?? 'Refused.');
    }
    return c.body(null, 200);
  });
  return app;
}
