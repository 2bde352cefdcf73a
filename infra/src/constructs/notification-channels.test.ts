import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import {
  buildTestApp,
  exampleConfig,
  exampleConfigData,
  resourcesOf,
  type CfnResourceJson,
} from '../testing/test-app';

/** A function's environment variables: none when it has no `Environment`. */
const variablesOf = (fn: CfnResourceJson): Record<string, unknown> =>
  (fn.Properties?.['Environment'] as { Variables?: Record<string, unknown> } | undefined)
    ?.Variables ?? {};

const withChannels = (ses: Record<string, unknown> = {}) => {
  const notifications = {
    ...(exampleConfigData()['notifications'] as Record<string, unknown>),
    ses: { identity: 'example.com', from: 'Elevate <elevate@example.com>', ...ses },
    slack: { channels: { default: 'C0123456789' } },
    teams: { enabled: true },
    escalateAfterMinutes: 600,
  };
  return buildTestApp({ config: exampleConfig({ notifications }) });
};

describe('personal notification channels in CDK', () => {
  it('create the SES identity, a configuration set that suppresses bounces and complaints and reports them, and the two secrets', () => {
    const template = Template.fromStack(withChannels().stacks.notifications);
    template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: { MatchingEventTypes: ['bounce', 'complaint'], Enabled: true },
    });
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
  });

  it('tell the notifier and sweeper how to send, let them, subscribe the notifier to feedback, and route Slack without an authorizer', () => {
    const { stacks } = withChannels();
    const template = Template.fromStack(stacks.api);
    const functions = Object.values(resourcesOf(template, 'AWS::Lambda::Function'));
    const withSes = functions.filter(
      (fn) => variablesOf(fn)['ELEVATE_SES_FROM'] === 'Elevate <elevate@example.com>',
    );
    expect(withSes).toHaveLength(2);
    const escalation = functions.filter(
      (fn) => variablesOf(fn)['ELEVATE_ESCALATE_AFTER_MINUTES'] === '600',
    );
    expect(escalation).toHaveLength(2);
    expect(JSON.stringify(template.toJSON())).toContain('ses:SendEmail');
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /integrations/slack/interactions',
      AuthorizationType: 'NONE',
    });
    // No token or secret value is in any environment: only the secrets' ARNs.
    const env = JSON.stringify(functions.map((fn) => fn.Properties?.['Environment']));
    expect(env).not.toMatch(/xoxb-|botToken|signingSecret|webhookUrl/u);
  });

  it('keep reputation metrics on, TLS required and sending enabled on the configuration set', () => {
    const template = Template.fromStack(withChannels().stacks.notifications);
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
  });

  it('give both senders the maximum send rate (default 1 per second, as in the SES sandbox)', () => {
    const rates = (config: Record<string, unknown>) =>
      Object.values(
        resourcesOf(Template.fromStack(withChannels(config).stacks.api), 'AWS::Lambda::Function'),
      ).flatMap((fn) => {
        const rate = variablesOf(fn)['ELEVATE_SES_MAX_SEND_RATE'];
        return rate === undefined ? [] : [rate];
      });
    expect(rates({})).toEqual(['1', '1']);
    expect(rates({ maxSendRatePerSecond: 7 })).toEqual(['7', '7']);
  });

  it("alarm on SES's bounce and complaint rates, and on a day's sends near the daily quota, paging the operators", () => {
    const template = Template.fromStack(withChannels({ dailyQuota: 50_000 }).stacks.api);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Threshold: 0.05,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.ComplaintRate',
      Threshold: 0.001,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SES',
      MetricName: 'Send',
      Statistic: 'Sum',
      Period: 86_400,
      Threshold: 40_000,
    });
    const sesAlarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).filter(
      (alarm) => alarm.Properties?.['Namespace'] === 'AWS/SES',
    );
    expect(sesAlarms).toHaveLength(3);
    for (const alarm of sesAlarms)
      expect(alarm.Properties?.['AlarmActions']).toEqual([expect.anything()]);
    // Without a quota, no quota alarm.
    const noQuota = Template.fromStack(withChannels().stacks.api);
    expect(
      Object.values(resourcesOf(noQuota, 'AWS::CloudWatch::Alarm')).filter(
        (alarm) => alarm.Properties?.['MetricName'] === 'Send',
      ),
    ).toHaveLength(0);
  });

  it('leave cdk-nag with nothing unacknowledged', () => {
    const { app } = withChannels();
    const report = new AwsSolutionsChecks(app).validateScope(app);
    expect(
      report.violations.flatMap((violation) =>
        violation.violatingResources.map(
          (resource) => `${violation.ruleName} at ${resource.resourceLogicalId}`,
        ),
      ),
    ).toEqual([]);
  });
});
