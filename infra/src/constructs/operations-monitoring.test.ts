import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, logicalIdOf, resourcesOf, type TestApp } from '../testing/test-app';
import { ELEVATE_METRICS } from './elevate-metrics';
import { OPERATIONS_ALARMS } from './operations-monitoring';

let built: TestApp;
let api: Template;

beforeAll(() => {
  built = buildTestApp();
  api = Template.fromStack(built.stacks.api);
});

const alarmsById = () =>
  Object.fromEntries(
    Object.entries(resourcesOf(api, 'AWS::CloudWatch::Alarm')).map(([id, alarm]) => [
      id,
      alarm.Properties ?? {},
    ]),
  );

describe('the operators’ view', () => {
  it('has one alarm per documented failure, each pointing at its section of docs/operations.md', () => {
    for (const name of OPERATIONS_ALARMS) {
      const alarm = built.stacks.api.operations.alarms[name];
      const props = alarmsById()[logicalIdOf(alarm)];
      expect(props?.['AlarmDescription']).toContain(`docs/operations.md#${name.toLowerCase()}`);
    }
  });

  it('sends every alarm, and its recovery, to the operators’ encrypted topic', () => {
    const topicId = logicalIdOf(built.stacks.api.operations.topic);
    const topic = resourcesOf(api, 'AWS::SNS::Topic')[topicId];
    expect(topic?.Properties?.['KmsMasterKeyId']).toBeDefined();
    const alarms = alarmsById();
    // The six here and the notifier queue alarms defined with the queues.
    expect(Object.keys(alarms)).toHaveLength(OPERATIONS_ALARMS.length + 2);
    for (const props of Object.values(alarms)) {
      expect(props['AlarmActions']).toEqual([{ Ref: topicId }]);
      expect(props['OKActions']).toEqual([{ Ref: topicId }]);
    }
  });

  it('lets CloudWatch use the topic’s key, and nothing else new', () => {
    const keys = resourcesOf(api, 'AWS::KMS::Key');
    const policy = JSON.stringify(Object.values(keys).map((key) => key.Properties?.['KeyPolicy']));
    expect(policy).toContain('cloudwatch.amazonaws.com');
  });

  it('alarms on the Elevate metrics the API emits (namespace, service dimension, names)', () => {
    const metricAlarm = (name: (typeof OPERATIONS_ALARMS)[number]) =>
      alarmsById()[logicalIdOf(built.stacks.api.operations.alarms[name])];
    for (const [alarm, metricName] of [
      ['StsFailover', 'StsFailovers'],
      ['BreakGlassUsed', 'BreakGlassRequests'],
    ] as const) {
      const props = metricAlarm(alarm);
      expect(props?.['Threshold']).toBe(1);
      // A labelled metric is written as a one-metric query (MetricStat).
      expect(JSON.stringify(props?.['Metrics'])).toContain(
        JSON.stringify({
          Dimensions: [{ Name: 'service', Value: ELEVATE_METRICS.service }],
          MetricName: metricName,
          Namespace: ELEVATE_METRICS.namespace,
        }),
      );
      expect(JSON.stringify(props?.['Metrics'])).toContain('"Stat":"Sum"');
    }
  });

  it('draws a dashboard of the API, the functions, the queues and the Elevate counters', () => {
    const dashboards = Object.values(resourcesOf(api, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.Properties?.['DashboardBody']);
    for (const metric of ['RequestsCreated', 'SessionsIssued', 'Refusals', 'NotificationFailures'])
      expect(body).toContain(metric);
    expect(body).toContain('AWS/ApiGateway');
    expect(body).toContain('Throttles');
  });

  it('traces every function with X-Ray and names the Powertools service and namespace', () => {
    for (const fn of Object.values(resourcesOf(api, 'AWS::Lambda::Function'))) {
      expect(fn.Properties?.['TracingConfig']).toEqual({ Mode: 'Active' });
      const env = (fn.Properties?.['Environment'] as { Variables: Record<string, string> })
        .Variables;
      expect(env).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'elevate',
        POWERTOOLS_METRICS_NAMESPACE: 'Elevate',
      });
    }
  });
});
