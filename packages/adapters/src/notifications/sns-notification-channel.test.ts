import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import type { AccessRequest, NotificationMessage } from '@elevate/domain';
import { audiencesFor, composeNotification, deriveNotificationEvents } from '@elevate/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { alice, pendingSandbox, lifecycleScenarios } from '@elevate/domain/testing';
import { SNS_MAX_MESSAGE_BYTES, SnsNotificationChannel } from './sns-notification-channel';

const sns = mockClient(SNSClient);
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:elevate-request-events';
const context = {
  appUrl: 'https://elevate.example.com',
  account: { name: 'sandbox', tags: { environment: 'dev' } },
};

afterEach(() => sns.reset());

const messagesOf = (
  before: AccessRequest | undefined,
  after: AccessRequest,
): NotificationMessage[] =>
  deriveNotificationEvents(before, after).flatMap((event) =>
    audiencesFor(event).map((audience) => composeNotification(event, audience, context)),
  );

const publish = async (messages: readonly NotificationMessage[]) => {
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  const channel = new SnsNotificationChannel({
    client: new SNSClient({ region: 'eu-west-1' }),
    topicArn: TOPIC,
  });
  for (const message of messages) await channel.deliver(message);
  return sns.commandCalls(PublishCommand).map((call) => call.args[0].input);
};

const bodyOf = (input: { Message?: string | undefined }) =>
  JSON.parse(input.Message ?? '') as Record<string, string>;

describe('SnsNotificationChannel', () => {
  it('publishes a new request for the routed reviewer groups with filterable attributes', async () => {
    const [input] = await publish(messagesOf(undefined, pendingSandbox()));
    expect(input).toMatchObject({
      TopicArn: TOPIC,
      MessageStructure: 'json',
      Subject: '[Elevate] Review: Alice Requester requests PowerUser in sandbox (111111111111)',
      MessageAttributes: {
        eventType: { DataType: 'String', StringValue: 'REQUEST_CREATED' },
        audience: { DataType: 'String', StringValue: 'reviewers' },
        accountId: { DataType: 'String', StringValue: '111111111111' },
        environment: { DataType: 'String', StringValue: 'dev' },
        reviewerGroups: { DataType: 'String.Array', StringValue: '["reviewers"]' },
        urgent: { DataType: 'String', StringValue: 'false' },
      },
    });
    expect(input?.MessageAttributes?.['recipient']).toBeUndefined();
  });

  it('gives e-mail a text body and machine subscribers the same facts as JSON', async () => {
    const [input] = await publish(messagesOf(undefined, pendingSandbox()));
    const body = bodyOf(input ?? {});
    expect(Object.keys(body).sort()).toEqual([
      'default',
      'email',
      'email-json',
      'https',
      'lambda',
      'sqs',
    ]);
    expect(body['email']).toContain(
      'Review it in Elevate: https://elevate.example.com/requests/req-1?decide=1',
    );
    const machine = JSON.parse(body['sqs'] ?? '') as Record<string, unknown>;
    expect(machine).toMatchObject({
      schema: 'elevate.notification/v1',
      eventType: 'REQUEST_CREATED',
      requestId: 'req-1',
      link: 'https://elevate.example.com/requests/req-1?decide=1',
    });
  });

  it('addresses a decision to the requester by a recipient attribute', async () => {
    const scenario = lifecycleScenarios().find(
      (candidate) => candidate.expected === 'REQUEST_REJECTED',
    );
    if (scenario === undefined) throw new Error('no scenario');
    const [input] = await publish(messagesOf(scenario.before, scenario.after));
    expect(input?.MessageAttributes?.['audience']?.StringValue).toBe('requester');
    expect(input?.MessageAttributes?.['recipient']?.StringValue).toBe(alice.email);
    expect(bodyOf(input ?? {})['email']).toContain('https://elevate.example.com/requests/req-1');
  });

  it('sends break-glass use to reviewers and security, marked urgent', async () => {
    const scenario = lifecycleScenarios().find(
      (candidate) => candidate.expected === 'BREAK_GLASS_USED',
    );
    if (scenario === undefined) throw new Error('no scenario');
    const inputs = await publish(messagesOf(scenario.before, scenario.after));
    expect(
      inputs.map((input) => [
        input.MessageAttributes?.['audience']?.StringValue,
        input.MessageAttributes?.['urgent']?.StringValue,
      ]),
    ).toEqual([
      ['reviewers', 'true'],
      ['security', 'true'],
    ]);
  });

  it('keeps every subject printable ASCII on one line within 100 characters', async () => {
    const inputs = await publish(
      lifecycleScenarios().flatMap((scenario) => messagesOf(scenario.before, scenario.after)),
    );
    expect(inputs.length).toBeGreaterThanOrEqual(12);
    for (const input of inputs) {
      expect(input.Subject?.length).toBeLessThanOrEqual(100);
      expect(input.Subject).toMatch(/^[\x20-\x7E]+$/u);
    }
  });

  it('neutralises a hostile justification and stays far under the size limit whatever the store holds', async () => {
    const hostile = `x\r\nSubject: pwned\u0000\u202E</script><img src=x onerror=alert(1)>"},"default":"forged${'\u{1F600}'.repeat(100_000)}`;
    const tampered: AccessRequest = {
      ...pendingSandbox(),
      justification: hostile,
      requester: { ...alice, name: `Eve\nBcc: all@example.com${'n'.repeat(5000)}` },
    };
    const [input] = await publish(messagesOf(undefined, tampered));
    const body = bodyOf(input ?? {});
    // The JSON structure holds (no forged keys) and the e-mail body has no injected lines or controls.
    expect(Object.keys(body).sort()).toEqual([
      'default',
      'email',
      'email-json',
      'https',
      'lambda',
      'sqs',
    ]);
    expect(body['email']).not.toMatch(/^(Subject|Bcc):/mu);
    expect(body['email']).not.toMatch(/[\u202E\r]/u);
    expect([...(body['email'] ?? '')].some((char) => char !== '\n' && /\p{Cc}/u.test(char))).toBe(
      false,
    );
    expect(input?.Subject).toMatch(/^[\x20-\x7E]{1,100}$/u);
    const size = Buffer.byteLength(input?.Message ?? '');
    expect(size).toBeLessThan(SNS_MAX_MESSAGE_BYTES / 8);
  });

  it('refuses to publish a message over the SNS limit rather than have it rejected', async () => {
    const [message] = messagesOf(undefined, pendingSandbox());
    if (message === undefined) throw new Error('no message');
    const oversized: NotificationMessage = { ...message, text: 'x'.repeat(SNS_MAX_MESSAGE_BYTES) };
    const channel = new SnsNotificationChannel({
      client: new SNSClient({ region: 'eu-west-1' }),
      topicArn: TOPIC,
    });
    await expect(channel.deliver(oversized)).rejects.toThrow(/size limit/u);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it('lets a publish failure reach the caller, which decides about retries', async () => {
    sns.on(PublishCommand).rejects(new Error('Throttled'));
    const channel = new SnsNotificationChannel({
      client: new SNSClient({ region: 'eu-west-1' }),
      topicArn: TOPIC,
    });
    const [message] = messagesOf(undefined, pendingSandbox());
    if (message === undefined) throw new Error('no message');
    await expect(channel.deliver(message)).rejects.toThrow('Throttled');
  });
});
