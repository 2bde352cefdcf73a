import { InMemoryReplayGuard } from '@elevate/testing';
import { slackSignatureOf } from '@elevate/adapters';
import { describe, expect, it } from 'vitest';
import { testApp as createTestApp } from '../testing/api-world';
import { SLACK_INTERACTIONS_PATH } from '@elevate/contracts';

const SECRET = 'test-signing-secret';
const NOW_MS = Date.parse('2025-03-03T09:00:00.000Z');
const ts = String(NOW_MS / 1000);
const body = 'payload=%7B%22type%22%3A%22block_actions%22%7D';

const post = (
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  headers: Record<string, string>,
  payload = body,
) =>
  app.request(SLACK_INTERACTIONS_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: payload,
  });

describe('Slack interactive endpoint', () => {
  const appWithSlack = () =>
    createTestApp({
      slackInteractions: {
        signingSecret: async () => SECRET,
        replays: new InMemoryReplayGuard(() => NOW_MS),
        nowMs: () => NOW_MS,
      },
    }).app;

  it('acknowledges a signed request once, without user tokens, and refuses its replay', async () => {
    const app = appWithSlack();
    const headers = {
      'x-slack-request-timestamp': ts,
      'x-slack-signature': slackSignatureOf(SECRET, ts, body),
    };
    expect((await post(app, headers)).status).toBe(200);
    const replay = await post(app, headers);
    expect(replay.status).toBe(401);
    expect(replay.headers.get('content-type')).toContain('application/problem+json');
    expect(await replay.json()).toMatchObject({ code: 'SLACK_SIGNATURE_INVALID', status: 401 });
  });

  it.each([
    ['no signature', {}],
    [
      'an expired timestamp',
      {
        'x-slack-request-timestamp': String(NOW_MS / 1000 - 600),
        'x-slack-signature': slackSignatureOf(SECRET, String(NOW_MS / 1000 - 600), body),
      },
    ],
    [
      'another secret',
      { 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignatureOf('wrong', ts, body) },
    ],
  ])('refuses a request with %s (401 problem+json)', async (_name, headers) => {
    const response = await post(appWithSlack(), headers as Record<string, string>);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'SLACK_SIGNATURE_INVALID' });
  });

  it('is not served when the Slack app is not configured', async () => {
    const response = await post(createTestApp().app, {});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'TOKEN_MISSING' });
  });
});
