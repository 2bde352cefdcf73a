import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import type { NotificationMessage } from '@elevate/domain';
import {
  audiencesFor,
  composeNotification,
  composeSelfServiceDigest,
  deriveNotificationEvents,
} from '@elevate/domain';
import * as z from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alice, pendingSandbox, rita, lifecycleScenarios } from '@elevate/domain/testing';
import { InMemorySuppressionList } from '../people/in-memory-people';
import { InMemoryChatPostStore } from './in-memory-chat-post-store';
import { CachedSecret } from './secret-cache';
import { SesEmailChannel } from './ses-email-channel';
import { SlackApi } from './slack-api';
import { SlackDirectChannel, SlackRoomChannel } from './slack-app-channels';
import { TeamsWorkflowChannel } from './teams-workflow-channel';

const ses = mockClient(SESv2Client);
const secrets = mockClient(SecretsManagerClient);
afterEach(() => {
  ses.reset();
  secrets.reset();
});

const messagesOf = (type: string): NotificationMessage[] => {
  const scenario =
    type === 'REQUEST_CREATED'
      ? { before: undefined, after: pendingSandbox(alice) }
      : lifecycleScenarios().find((candidate) => candidate.expected === type);
  if (scenario === undefined) throw new Error(type);
  return deriveNotificationEvents(scenario.before, scenario.after).flatMap((event) =>
    audiencesFor(event).map((audience) =>
      composeNotification(event, audience, { appUrl: 'https://elevate.example.com' }),
    ),
  );
};
const first = (type: string): NotificationMessage => {
  const [message] = messagesOf(type);
  if (message === undefined) throw new Error(type);
  return message;
};
const ritaRef = { sub: rita.sub, email: rita.email, name: rita.name };

/** A local stand-in for slack.com/api and the Teams webhook: records each call, answers as told. */
interface Call {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
const calls: Call[] = [];
let answer: (path: string) => { status: number; json: unknown } = () => ({
  status: 200,
  json: { ok: true },
});
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    calls.push({ path: req.url ?? '', headers: req.headers, body });
    const { status, json } = answer(req.url ?? '');
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  calls.length = 0;
  answer = () => ({ status: 200, json: { ok: true } });
});

describe('SesEmailChannel', () => {
  it('sends one person the HTML and text e-mail through the configuration set', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const channel = new SesEmailChannel({
      from: 'Elevate <elevate@example.com>',
      configurationSet: 'elevate',
      suppressions: new InMemorySuppressionList(),
      client: new SESv2Client({ region: 'eu-west-1' }),
    });
    await channel.deliver(first('REQUEST_CREATED'), ritaRef);
    const [call] = ses.commandCalls(SendEmailCommand);
    const input = call?.args[0].input;
    expect(input?.Destination?.ToAddresses).toEqual(['rita@example.com']);
    expect(input?.ConfigurationSetName).toBe('elevate');
    expect(input?.Content?.Simple?.Subject?.Data).toMatch(/^\[Elevate\] Review: Alice/u);
    expect(input?.Content?.Simple?.Body?.Html?.Data).toContain(
      'href="https://elevate.example.com/requests/req-1?decide=1"',
    );
    expect(input?.Content?.Simple?.Body?.Text?.Data).toContain('Justification:');
  });

  it('does not mail an address that bounced or complained', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const suppressions = new InMemorySuppressionList();
    await suppressions.suppress('Rita@example.com', 'bounce', '2025-03-03T09:00:00.000Z');
    const skipped: string[] = [];
    const channel = new SesEmailChannel({
      from: 'elevate@example.com',
      suppressions,
      client: new SESv2Client({ region: 'eu-west-1' }),
      onSuppressed: (person) => skipped.push(person.email),
    });
    await channel.deliver(first('REQUEST_CREATED'), ritaRef);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expect(skipped).toEqual(['rita@example.com']);
  });

  it('throws when SES refuses, so the delivery is retried', async () => {
    ses
      .on(SendEmailCommand)
      .rejects(
        Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' }),
      );
    const channel = new SesEmailChannel({
      from: 'elevate@example.com',
      suppressions: new InMemorySuppressionList(),
      client: new SESv2Client({ region: 'eu-west-1', maxAttempts: 1 }),
    });
    await expect(channel.deliver(first('REQUEST_CREATED'), ritaRef)).rejects.toThrow(
      'not verified',
    );
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it("sends the reviewers' daily digest through the same configuration set and suppression list", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const channel = new SesEmailChannel({
      from: 'elevate@example.com',
      configurationSet: 'elevate',
      suppressions: new InMemorySuppressionList(),
      client: new SESv2Client({ region: 'eu-west-1' }),
    });
    const digest = composeSelfServiceDigest(
      [{ ...pendingSandbox(alice), approvedByPolicy: true }],
      '2025-03-03',
      { appUrl: 'https://elevate.example.com', accountNameOf: () => undefined },
    );
    await channel.deliverDigest(digest, ritaRef);
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input?.ConfigurationSetName).toBe('elevate');
    expect(input?.Content?.Simple?.Subject?.Data).toBe(digest.subject);
    expect(input?.EmailTags).toContainEqual({ Name: 'eventType', Value: 'SELF_SERVICE_DIGEST' });
  });

  /** A clock that only moves when the channel sleeps, recording each wait. */
  const fakeTime = () => {
    let now = 1_000_000;
    const waits: number[] = [];
    return {
      waits,
      nowMs: () => now,
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
    };
  };
  const throttled = () =>
    Object.assign(new Error('Maximum sending rate exceeded.'), {
      name: 'TooManyRequestsException',
    });

  it('keeps to the configured maximum send rate', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const time = fakeTime();
    const channel = new SesEmailChannel({
      from: 'elevate@example.com',
      suppressions: new InMemorySuppressionList(),
      client: new SESv2Client({ region: 'eu-west-1' }),
      maxSendRatePerSecond: 4,
      ...time,
    });
    for (let index = 0; index < 5; index += 1)
      await channel.deliver(first('REQUEST_CREATED'), {
        ...ritaRef,
        email: `r${index}@example.com`,
      });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(5);
    // Five sends at 4 per second: the first at once, each next one 250 ms after the one before.
    expect(time.waits).toEqual([250, 250, 250, 250]);
  });

  it('backs off and sends again when SES throttles, so no mail is lost', async () => {
    ses
      .on(SendEmailCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .resolves({ MessageId: 'm-1' });
    const time = fakeTime();
    const channel = new SesEmailChannel({
      from: 'elevate@example.com',
      suppressions: new InMemorySuppressionList(),
      client: new SESv2Client({ region: 'eu-west-1', maxAttempts: 1 }),
      maxSendRatePerSecond: 1000,
      ...time,
    });
    await channel.deliver(first('REQUEST_CREATED'), ritaRef);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(3);
    expect(time.waits.filter((ms) => ms >= 1000)).toEqual([1000, 2000]);
  });

  it('gives a still-throttled send back to the ledger (throws) after its backoff, for a later retry', async () => {
    ses.on(SendEmailCommand).rejects(throttled());
    const time = fakeTime();
    const channel = new SesEmailChannel({
      from: 'elevate@example.com',
      suppressions: new InMemorySuppressionList(),
      client: new SESv2Client({ region: 'eu-west-1', maxAttempts: 1 }),
      ...time,
    });
    await expect(channel.deliver(first('REQUEST_CREATED'), ritaRef)).rejects.toThrow(
      'Maximum sending rate exceeded',
    );
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(3);
  });
});

describe('Slack app channels (local HTTP server for slack.com/api)', () => {
  const api = () => new SlackApi({ token: async () => 'test-bot-token', baseUrl: base });

  it('posts a new request to the account channel with URL buttons, then updates it in place after the decision', async () => {
    answer = (path) => ({
      status: 200,
      json: path.endsWith('chat.postMessage')
        ? { ok: true, channel: 'C-ROOM', ts: '171.01' }
        : { ok: true },
    });
    const posts = new InMemoryChatPostStore();
    const room = new SlackRoomChannel({
      api: api(),
      routes: { byAccount: { '111111111111': 'C-SANDBOX' }, default: 'C-DEFAULT' },
      posts,
    });
    await room.deliver(first('REQUEST_CREATED'));
    await room.deliver(first('REQUEST_APPROVED'));
    expect(calls.map((call) => call.path)).toEqual(['/chat.postMessage', '/chat.update']);
    expect(calls[0]?.headers['authorization']).toBe('Bearer test-bot-token');
    const posted = JSON.parse(calls[0]?.body ?? '{}') as { channel: string; blocks: unknown[] };
    expect(posted.channel).toBe('C-SANDBOX');
    const postedText = JSON.stringify(posted.blocks);
    expect(postedText).toContain('"url":"https://elevate.example.com/requests/req-1?decide=1"');
    expect(postedText).toContain('Approve…');
    expect(postedText).not.toContain('"value"');
    const updated = JSON.parse(calls[1]?.body ?? '{}') as {
      channel: string;
      ts: string;
      blocks: unknown[];
    };
    expect([updated.channel, updated.ts]).toEqual(['C-ROOM', '171.01']);
    expect(JSON.stringify(updated.blocks)).toContain('*Approved* by Rita Reviewer');
    expect(JSON.stringify(updated.blocks)).not.toContain('Approve…');
  });

  it('posts nothing for events a room does not take, and nothing without a channel', async () => {
    const room = new SlackRoomChannel({
      api: api(),
      routes: {},
      posts: new InMemoryChatPostStore(),
    });
    await room.deliver(first('REQUEST_CREATED'));
    await room.deliver(first('ACCESS_ENDED_EARLY'));
    expect(calls).toHaveLength(0);
  });

  it('DMs a person found by e-mail, and skips someone without a Slack account', async () => {
    answer = (path) => ({
      status: 200,
      json: path.endsWith('users.lookupByEmail')
        ? { ok: true, user: { id: 'U-RITA' } }
        : { ok: true },
    });
    const dm = new SlackDirectChannel({ api: api() });
    await dm.deliver(first('REQUEST_CREATED'), ritaRef);
    expect(calls.map((call) => call.path)).toEqual(['/users.lookupByEmail', '/chat.postMessage']);
    expect(calls[0]?.body).toBe('email=rita%40example.com');
    expect((JSON.parse(calls[1]?.body ?? '{}') as { channel: string }).channel).toBe('U-RITA');
    calls.length = 0;
    answer = () => ({ status: 200, json: { ok: false, error: 'users_not_found' } });
    await dm.deliver(first('REQUEST_CREATED'), ritaRef);
    expect(calls).toHaveLength(1);
  });

  it("throws Slack's error code (never the token) when a call fails", async () => {
    answer = () => ({ status: 200, json: { ok: false, error: 'channel_not_found' } });
    const room = new SlackRoomChannel({
      api: api(),
      routes: { default: 'C-GONE' },
      posts: new InMemoryChatPostStore(),
    });
    const failure = room.deliver(first('REQUEST_CREATED'));
    await expect(failure).rejects.toThrow('Slack chat.postMessage failed: channel_not_found');
    await expect(failure).rejects.not.toThrow(/test-bot-token/u);
  });
});

describe('TeamsWorkflowChannel (local HTTP server for the workflow webhook)', () => {
  it('posts an Adaptive Card with the same link', async () => {
    const teams = new TeamsWorkflowChannel({ webhookUrl: async () => `${base}/workflows/1` });
    await teams.deliver(first('REQUEST_CREATED'));
    const payload = JSON.parse(calls[0]?.body ?? '{}') as {
      attachments: { contentType: string; content: { actions: { url: string }[] } }[];
    };
    expect(payload.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(payload.attachments[0]?.content.actions[0]?.url).toBe(
      'https://elevate.example.com/requests/req-1?decide=1',
    );
  });

  it('throws naming the status only when the webhook refuses', async () => {
    answer = () => ({ status: 400, json: {} });
    const teams = new TeamsWorkflowChannel({
      webhookUrl: async () => `${base}/workflows/secret-sig`,
    });
    const failure = teams.deliver(first('REQUEST_CREATED'));
    await expect(failure).rejects.toThrow('Teams workflow webhook answered 400');
    await expect(failure).rejects.not.toThrow(/secret-sig/u);
  });
});

describe('CachedSecret', () => {
  it('reads the secret once within its TTL and again after it', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: '{"botToken":"t1","signingSecret":"s"}' });
    let now = 0;
    const secret = new CachedSecret({
      secretId: 'elevate/slack',
      schema: z.object({ botToken: z.string() }),
      ttlSeconds: 60,
      client: new SecretsManagerClient({ region: 'eu-west-1' }),
      now: () => now,
    });
    expect(await Promise.all([secret.get(), secret.get()])).toEqual([
      { botToken: 't1' },
      { botToken: 't1' },
    ]);
    now = 59_000;
    await secret.get();
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    now = 61_000;
    await secret.get();
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('names missing fields, never values', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '{"other":"hunter2"}' });
    const secret = new CachedSecret({
      secretId: 'elevate/slack',
      schema: z.object({ botToken: z.string() }),
      client: new SecretsManagerClient({ region: 'eu-west-1' }),
    });
    await expect(secret.get()).rejects.toThrow('Secret elevate/slack lacks fields: botToken');
    await expect(secret.get()).rejects.not.toThrow(/hunter2/u);
  });
});
