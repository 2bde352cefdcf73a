import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildTestApp, exampleConfig, exampleConfigData, resourcesOf } from '../testing/test-app';

const withChannels = () => {
  const notifications = {
    ...(exampleConfigData()['notifications'] as Record<string, unknown>),
    ses: { identity: 'example.com', from: 'Elevate <elevate@example.com>' },
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
    const withSes = functions.filter((fn) => {
      const variables = (fn.Properties?.['Environment'] as { Variables?: Record<string, unknown> })
        ?.Variables;
      return variables?.['ELEVATE_SES_FROM'] === 'Elevate <elevate@example.com>';
    });
    expect(withSes).toHaveLength(2);
    const escalation = functions.filter(
      (fn) =>
        (fn.Properties?.['Environment'] as { Variables?: Record<string, unknown> })?.Variables?.[
          'ELEVATE_ESCALATE_AFTER_MINUTES'
        ] === '600',
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
