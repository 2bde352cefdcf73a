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
      localJobs: true,
      dynamodb: { tableName: 'elevate', endpoint: undefined },
    });
  });

  it('turns the local server\'s sweeper and digest off only when told "off"', () => {
    expect(loadNotificationsConfig({ ...base, ELEVATE_LOCAL_JOBS: 'off' }).localJobs).toBe(false);
    expect(() => loadNotificationsConfig({ ...base, ELEVATE_LOCAL_JOBS: 'no' })).toThrow(
      /ELEVATE_LOCAL_JOBS/,
    );
  });

  it('prefers ELEVATE_APP_URL and drops a trailing slash', () => {
    expect(
      loadNotificationsConfig({ ...base, ELEVATE_APP_URL: 'https://access.example.com/elevate/' })
        .appUrl,
    ).toBe('https://access.example.com/elevate');
  });

  it('reads the SES sender, configuration set and maximum send rate (default 1 per second)', () => {
    const ses = { ...base, ELEVATE_SES_FROM: 'elevate@example.com' };
    expect(loadNotificationsConfig(ses).ses).toEqual({
      from: 'elevate@example.com',
      configurationSet: undefined,
      maxSendRatePerSecond: 1,
    });
    expect(
      loadNotificationsConfig({
        ...ses,
        ELEVATE_SES_CONFIGURATION_SET: 'elevate-email',
        ELEVATE_SES_MAX_SEND_RATE: '12.5',
      }).ses,
    ).toEqual({
      from: 'elevate@example.com',
      configurationSet: 'elevate-email',
      maxSendRatePerSecond: 12.5,
    });
    expect(() => loadNotificationsConfig({ ...ses, ELEVATE_SES_MAX_SEND_RATE: '0' })).toThrow();
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
