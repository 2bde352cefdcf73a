// The operators' view of a running broker: one dashboard, six alarms, one SNS topic they go to.
// docs/operations.md says what each alarm means and what to do. The Elevate metric names are the
// API's (apps/api/src/observability/operational-metrics.ts, METRIC): change both together.
import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionName } from '../stacks/function-specs';
import type { ElevateFunction } from './elevate-function';
import { ELEVATE_METRICS } from './elevate-metrics';

/** The alarms, by construct id; docs/operations.md has a section for each. */
export const OPERATIONS_ALARMS = [
  'Api5xxRate',
  'LambdaThrottles',
  'FailureQueueDepth',
  'StsFailover',
  'BreakGlassUsed',
  'AuthorizerErrors',
] as const;

export interface OperationsMonitoringProps {
  readonly httpApi: apigw.HttpApi;
  readonly functions: Readonly<Record<FunctionName, ElevateFunction>>;
  /** Queues that hold work which failed after its retries: anything in them is late. */
  readonly failureQueues: Readonly<Record<string, sqs.IQueue>>;
  /** Alarms defined elsewhere that should page the same people. */
  readonly otherAlarms?: readonly cloudwatch.IAlarm[];
}

const FIVE_MINUTES = Duration.minutes(5);

const elevateMetric = (metricName: string, label: string): cloudwatch.Metric =>
  new cloudwatch.Metric({
    namespace: ELEVATE_METRICS.namespace,
    metricName,
    dimensionsMap: { service: ELEVATE_METRICS.service },
    statistic: cloudwatch.Stats.SUM,
    period: FIVE_MINUTES,
    label,
  });

export class OperationsMonitoring extends Construct {
  /** Subscribe the on-call address or chat integration here (output `OperatorsTopicArn`). */
  readonly topic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: Readonly<Record<(typeof OPERATIONS_ALARMS)[number], cloudwatch.Alarm>>;

  constructor(scope: Construct, id: string, props: OperationsMonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // Encrypted with a key CloudWatch may use: alarms cannot publish to a topic under the AWS
    // managed SNS key.
    const key = new kms.Key(this, 'TopicKey', {
      description: 'Elevate operators topic',
      enableKeyRotation: true,
    });
    key.grant(
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Elevate operators',
      masterKey: key,
      enforceSSL: true,
    });

    const fns = Object.entries(props.functions) as [FunctionName, ElevateFunction][];
    const api = props.httpApi;
    const requests = api.metricCount({ period: FIVE_MINUTES, statistic: cloudwatch.Stats.SUM });
    const serverErrors = api.metricServerError({
      period: FIVE_MINUTES,
      statistic: cloudwatch.Stats.SUM,
    });
    const clientErrors = api.metricClientError({
      period: FIVE_MINUTES,
      statistic: cloudwatch.Stats.SUM,
    });
    const fiveXxRate = new cloudwatch.MathExpression({
      expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      period: FIVE_MINUTES,
      label: '5xx %',
    });
    const throttles = new cloudwatch.MathExpression({
      expression: fns.map(([name]) => `t_${name}`).join(' + '),
      usingMetrics: Object.fromEntries(
        fns.map(([name, fn]) => [
          `t_${name}`,
          fn.function.metricThrottles({ period: FIVE_MINUTES, statistic: cloudwatch.Stats.SUM }),
        ]),
      ),
      period: FIVE_MINUTES,
      label: 'throttles, all functions',
    });
    const queueEntries = Object.entries(props.failureQueues);
    const queueDepth = new cloudwatch.MathExpression({
      expression: queueEntries.map((_, i) => `v${i} + f${i}`).join(' + '),
      usingMetrics: Object.fromEntries(
        queueEntries.flatMap(([, queue], i) => [
          [
            `v${i}`,
            queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
          ],
          [
            `f${i}`,
            queue.metricApproximateNumberOfMessagesNotVisible({ period: Duration.minutes(1) }),
          ],
        ]),
      ),
      period: Duration.minutes(1),
      label: 'messages in failure queues',
    });
    const stsFailovers = elevateMetric('StsFailovers', 'STS failovers');
    const breakGlass = elevateMetric('BreakGlassRequests', 'break-glass requests');
    const authorizerErrors = props.functions.authorizer.function.metricErrors({
      period: FIVE_MINUTES,
      statistic: cloudwatch.Stats.SUM,
    });

    const alarm = (
      alarmId: (typeof OPERATIONS_ALARMS)[number],
      metric: cloudwatch.IMetric,
      threshold: number,
      description: string,
      evaluationPeriods = 1,
    ): cloudwatch.Alarm =>
      new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: `${description} See docs/operations.md#${alarmId.toLowerCase()}.`,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    this.alarms = {
      Api5xxRate: alarm(
        'Api5xxRate',
        fiveXxRate,
        5,
        'Elevate API: 5% or more of calls answered 5xx for 10 minutes (at least 20 calls per 5 minutes).',
        2,
      ),
      LambdaThrottles: alarm(
        'LambdaThrottles',
        throttles,
        1,
        'Elevate: Lambda throttled an invocation (account concurrency or a reserved limit).',
      ),
      FailureQueueDepth: alarm(
        'FailureQueueDepth',
        queueDepth,
        1,
        'Elevate: notifications or revocations failed after their retries and wait in a failure queue.',
      ),
      StsFailover: alarm(
        'StsFailover',
        stsFailovers,
        1,
        'Elevate federate: an STS region failed and sessions were issued from the next one.',
      ),
      BreakGlassUsed: alarm(
        'BreakGlassUsed',
        breakGlass,
        1,
        'Elevate: someone opened a break-glass request (access without prior approval).',
      ),
      AuthorizerErrors: alarm(
        'AuthorizerErrors',
        authorizerErrors,
        1,
        'Elevate authorizer: the function failed (not a refused token): API Gateway answers 500.',
      ),
    };
    const notify = new actions.SnsAction(this.topic);
    for (const each of [...Object.values(this.alarms), ...(props.otherAlarms ?? [])]) {
      if (each instanceof cloudwatch.Alarm) {
        each.addAlarmAction(notify);
        each.addOkAction(notify);
      }
    }

    const perFunction = (
      label: string,
      metricOf: (fn: ElevateFunction) => cloudwatch.IMetric,
    ): cloudwatch.GraphWidget =>
      new cloudwatch.GraphWidget({
        title: label,
        width: 8,
        left: fns.map(([, fn]) => metricOf(fn)),
      });
    const counts = (title: string, names: [string, string][]): cloudwatch.GraphWidget =>
      new cloudwatch.GraphWidget({
        title,
        width: 8,
        left: names.map(([metricName, label]) => elevateMetric(metricName, label)),
      });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${stack.stackName}-operations`,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({
        title: 'Alarms (docs/operations.md)',
        width: 24,
        height: 3,
        alarms: Object.values(this.alarms),
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API calls and errors',
        width: 8,
        left: [requests, clientErrors, serverErrors],
        right: [fiveXxRate],
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency (p50, p99)',
        width: 8,
        left: [
          api.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }),
          api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
        ],
      }),
      new cloudwatch.GraphWidget({
        title: 'Failure queues, throttles',
        width: 8,
        left: [queueDepth],
        right: [throttles],
      }),
    );
    this.dashboard.addWidgets(
      counts('Requests', [
        ['RequestsCreated', 'created'],
        ['BreakGlassRequests', 'break-glass'],
        ['Decisions', 'decisions'],
      ]),
      counts('Sessions and STS', [
        ['SessionsIssued', 'sessions issued'],
        ['StsFailovers', 'STS failovers'],
      ]),
      counts('Refusals and notifications', [
        ['Refusals', 'refusals (any code)'],
        ['NotificationsDelivered', 'notifications delivered'],
        ['NotificationFailures', 'notification failures'],
      ]),
    );
    this.dashboard.addWidgets(
      perFunction('Invocations', (fn) =>
        fn.function.metricInvocations({ period: FIVE_MINUTES, statistic: cloudwatch.Stats.SUM }),
      ),
      perFunction('Errors', (fn) =>
        fn.function.metricErrors({ period: FIVE_MINUTES, statistic: cloudwatch.Stats.SUM }),
      ),
      perFunction('Duration p99', (fn) =>
        fn.function.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' }),
      ),
    );
  }
}
