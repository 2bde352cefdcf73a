import { describe, expect, it } from 'vitest';
import { loadNotificationsConfig } from '../config';

const base = {
  ELEVATE_WEB_ORIGIN: 'https://elevate.example.com',
  ELEVATE_POLICY_FILE: '/var/task/policy.yaml',
};

describe('loadNotificationsConfig', () => {
  it('links to the SPA origin infra passes, with defaults for the reminder and the local sweep', () => {
    expect(
      loadNotificationsConfig({
        ...base,
        ELEVATE_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:elevate-RequestEvents-1A2B',
      }),
    ).toMatchObject({
      appUrl: 'https://elevate.example.com',
      topicArn: 'arn:aws:sns:eu-west-1:123456789012:elevate-RequestEvents-1A2B',
      slackWebhookUrl: undefined,
      reminderAfterMinutes: 240,
      sweepIntervalSeconds: 60,
      dynamodb: { tableName: 'elevate', endpoint: undefined },
    });
  });

  it('prefers ELEVATE_APP_URL and drops a trailing slash', () => {
    expect(
      loadNotificationsConfig({ ...base, ELEVATE_APP_URL: 'https://access.example.com/elevate/' })
        .appUrl,
    ).toBe('https://access.example.com/elevate');
  });

  it('refuses to start without a base for deep links', () => {
    expect(() => loadNotificationsConfig({ ELEVATE_POLICY_FILE: 'p.yaml' })).toThrow(
      /ELEVATE_APP_URL/u,
    );
  });

  it('names each bad variable, and never echoes the Slack webhook URL', () => {
    const attempt = () =>
      loadNotificationsConfig({
        ...base,
        ELEVATE_TOPIC_ARN: 'not-an-arn',
        ELEVATE_SLACK_WEBHOOK_URL: 'http://hooks.slack.test/secret-part',
        ELEVATE_REMINDER_AFTER_MINUTES: '1',
      });
    expect(attempt).toThrow(
      /ELEVATE_TOPIC_ARN[\s\S]*ELEVATE_SLACK_WEBHOOK_URL[\s\S]*ELEVATE_REMINDER_AFTER_MINUTES/u,
    );
    expect(attempt).not.toThrow(/secret-part/u);
  });
});
