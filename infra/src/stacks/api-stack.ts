import { join } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpLambdaAuthorizer,
  HttpLambdaResponseType,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  API_OPERATIONS,
  CORS_ALLOW_HEADERS,
  CORS_EXPOSE_HEADERS,
  ID_TOKEN_HEADER,
  SLACK_INTERACTIONS_PATH,
} from '@elevate/contracts';
import type { DeployConfig } from '../config/deploy-config-schema';
import type { PolicyTarget } from '../config/load-policy-targets';
import type { NotificationChannels } from '../constructs/notification-channels';
import { ElevateFunction } from '../constructs/elevate-function';
import { OperationsMonitoring } from '../constructs/operations-monitoring';
import { acknowledge, arnReference } from '../nag/acknowledge';
import {
  FUNCTION_SPECS,
  type FunctionContext,
  type FunctionName,
  type FunctionSpec,
} from './function-specs';

/** The only route without tokens: a liveness probe that returns no data. */
const HEALTH_ROUTE_PATH = API_OPERATIONS.getHealth.path;

/** The one route the federate function answers; every other route goes to the API function. */
const FEDERATE_ROUTE_PATH = API_OPERATIONS.startSession.path;

export interface ApiStackProps extends StackProps {
  readonly config: DeployConfig;
  readonly table: dynamodb.ITable;
  readonly topic: sns.ITopic;
  /** Personal channels (SES, Slack app, Teams) from the notifications stack. */
  readonly channels?: NotificationChannels;
  readonly targets: readonly PolicyTarget[];
  readonly auditDigests: FunctionContext['auditDigests'];
  /** Where the notifier writes the JSON Lines exports (the analytics stack's bucket). */
  readonly exportsBucket?: s3.IBucket;
  /** The workspace root (where pnpm-lock.yaml is). */
  readonly repoRoot: string;
  /** The validated policy compiled to JSON, shipped inside the bundles that evaluate it. */
  readonly compiledPolicyFile: string;
}

/** The HTTP API, its authorizer and every function, built from FUNCTION_SPECS. */
export class ApiStack extends Stack {
  readonly httpApi: apigw.HttpApi;
  readonly functions: Readonly<Record<FunctionName, ElevateFunction>>;
  /** Dashboard, alarms and the operators' topic (docs/operations.md). */
  readonly operations: OperationsMonitoring;
  /** Filled while wiring the notifier and revoker: what the operations alarms watch. */
  private readonly failureQueues: Record<string, sqs.IQueue> = {};
  private readonly queueAlarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, repoRoot } = props;
    const context: FunctionContext = {
      config,
      table: props.table,
      topic: props.topic,
      auditDigests: props.auditDigests,
      targets: props.targets,
      ...(props.exportsBucket === undefined ? {} : { exportsBucket: props.exportsBucket }),
    };

    const build = (spec: FunctionSpec): ElevateFunction => {
      const roleName = spec.roleName?.(config);
      const fn = new ElevateFunction(this, spec.id, {
        entry: join(repoRoot, spec.entry),
        description: spec.description,
        projectRoot: repoRoot,
        depsLockFilePath: join(repoRoot, 'pnpm-lock.yaml'),
        tsconfig: join(repoRoot, 'apps/api/tsconfig.json'),
        environment: spec.environment(context),
        memorySizeMb: spec.memorySizeMb,
        timeout: spec.timeout,
        logRetention: config.logs.retentionDays,
        loadSourceMaps: config.logs.sourceMaps,
        ...(spec.needsPolicy ? { compiledPolicyFile: props.compiledPolicyFile } : {}),
        ...(roleName === undefined ? {} : { roleName }),
      });
      spec.grant(fn.role, context);
      return fn;
    };
    const functions = Object.fromEntries(
      FUNCTION_SPECS.map((spec) => [spec.name, build(spec)]),
    ) as Record<FunctionName, ElevateFunction>;
    this.functions = functions;

    this.httpApi = this.buildHttpApi(config, functions);
    if (props.channels !== undefined) this.wireChannels(functions, props.channels);
    this.wireNotifier(functions.notifier, props.table);
    this.wireSweeper(functions.sweeper);
    this.wireRevoker(functions.revoker, props.table);
    this.operations = new OperationsMonitoring(this, 'Operations', {
      httpApi: this.httpApi,
      functions,
      failureQueues: this.failureQueues,
      otherAlarms: this.queueAlarms,
    });
    new CfnOutput(this, 'OperatorsTopicArn', {
      description: 'Alarms publish here: subscribe the on-call address (docs/operations.md)',
      value: this.operations.topic.topicArn,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'FederateRoleArn', {
      description: 'Target roles trust this role (BrokerRoleArn of templates/target-role.yaml)',
      value: functions.federate.role.roleArn,
    });
  }

  private buildHttpApi(
    config: DeployConfig,
    functions: Record<FunctionName, ElevateFunction>,
  ): apigw.HttpApi {
    const authorizer = new HttpLambdaAuthorizer('TokenAuthorizer', functions.authorizer.function, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization', `$request.header.${ID_TOKEN_HEADER}`],
      // No caching: a revoked or expired token must stop working on the next call.
      resultsCacheTtl: Duration.seconds(0),
    });

    const httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Elevate API',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: [config.spa.origin],
        allowMethods: [
          apigw.CorsHttpMethod.GET,
          apigw.CorsHttpMethod.POST,
          apigw.CorsHttpMethod.PUT,
          apigw.CorsHttpMethod.PATCH,
          apigw.CorsHttpMethod.DELETE,
        ],
        allowHeaders: [...CORS_ALLOW_HEADERS],
        exposeHeaders: [...CORS_EXPOSE_HEADERS],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: config.logs.retentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new apigw.HttpStage(this, 'DefaultStage', {
      httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.api.rateLimit, burstLimit: config.api.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            method: '$context.httpMethod',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const apiIntegration = new HttpLambdaIntegration('ApiIntegration', functions.api.function);
    const health = httpApi.addRoutes({
      path: HEALTH_ROUTE_PATH,
      methods: [apigw.HttpMethod.GET],
      integration: apiIntegration,
      authorizer: new apigw.HttpNoneAuthorizer(),
    });
    for (const route of health) {
      acknowledge(
        route,
        ['AwsSolutions-APIG4'],
        'GET /health is the unauthenticated liveness probe operators and monitors call; it returns no data and the API function serves nothing else without tokens.',
      );
    }
    httpApi.addRoutes({
      path: FEDERATE_ROUTE_PATH,
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('FederateIntegration', functions.federate.function),
    });
    httpApi.addRoutes({
      path: '/{proxy+}',
      methods: [apigw.HttpMethod.ANY],
      integration: apiIntegration,
    });
    return httpApi;
  }

  /**
   * Personal channels: the notifier and sweeper send through them, the notifier records SES's
   * bounces and complaints from the feedback topic, and the API serves Slack's interactive
   * endpoint (no authorizer: Slack signs its requests, and the API verifies the signature).
   */
  private wireChannels(
    functions: Record<FunctionName, ElevateFunction>,
    channels: NotificationChannels,
  ): void {
    channels.grantAndConfigure(functions.notifier.function);
    channels.grantAndConfigure(functions.sweeper.function);
    channels.configureApi(functions.api.function);
    // SES's bounce, complaint and quota alarms page the operators like the queue alarms.
    this.queueAlarms.push(...channels.sendingAlarms(this));
    if (channels.feedbackTopic !== undefined) {
      // In this stack (not the topic's): the subscription names the function, so no cycle.
      new sns.Subscription(this, 'EmailFeedbackToNotifier', {
        topic: channels.feedbackTopic,
        protocol: sns.SubscriptionProtocol.LAMBDA,
        endpoint: functions.notifier.function.functionArn,
      });
      functions.notifier.function.addPermission('EmailFeedbackInvoke', {
        principal: new iam.ServicePrincipal('sns.amazonaws.com'),
        sourceArn: channels.feedbackTopic.topicArn,
      });
    }
    if (channels.slackSecret !== undefined) {
      const routes = this.httpApi.addRoutes({
        path: SLACK_INTERACTIONS_PATH,
        methods: [apigw.HttpMethod.POST],
        integration: new HttpLambdaIntegration('SlackIntegration', functions.api.function),
        authorizer: new apigw.HttpNoneAuthorizer(),
      });
      for (const route of routes)
        acknowledge(
          route,
          ['AwsSolutions-APIG4'],
          "Slack's interactive endpoint: Slack cannot send Elevate tokens; the API verifies Slack's signature (signing secret, 5-minute window, replay refused) and decides nothing on it.",
        );
    }
  }

  private wireNotifier(notifier: ElevateFunction, table: dynamodb.ITable): void {
    // Where a batch goes after its retries; it has a dead-letter queue of its own (AwsSolutions-SQS3).
    const failuresDlq = new sqs.Queue(this, 'NotifierFailuresDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    // Redriven by the notifier itself: each message points at a failed stream batch, which it reads
    // back and handles again (the stream keeps 24 h). A message waits a few minutes between tries
    // (visibility: 6 × the function timeout, as Lambda advises) and after 5 goes to the DLQ.
    const failures = new sqs.Queue(this, 'NotifierFailures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      visibilityTimeout: Duration.seconds(6 * (notifier.function.timeout?.toSeconds() ?? 30)),
      deliveryDelay: Duration.minutes(1),
      deadLetterQueue: { queue: failuresDlq, maxReceiveCount: 5 },
    });
    notifier.function.addEventSource(
      new SqsEventSource(failures, { batchSize: 1, reportBatchItemFailures: true }),
    );
    // Not empty = notifications are late: an operator looks (docs/operations.md).
    this.failureQueues['notifier failures'] = failures;
    this.failureQueues['notifier dead letters'] = failuresDlq;
    const notEmpty = new cloudwatch.Alarm(this, 'NotifierFailuresNotEmpty', {
      alarmDescription:
        'Elevate notifications failed after the stream retries and are being redriven (docs/operations.md).',
      metric: new cloudwatch.MathExpression({
        expression: 'visible + inFlight',
        usingMetrics: {
          visible: failures.metricApproximateNumberOfMessagesVisible(),
          inFlight: failures.metricApproximateNumberOfMessagesNotVisible(),
        },
        period: Duration.minutes(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const dlqNotEmpty = new cloudwatch.Alarm(this, 'NotifierFailuresDlqNotEmpty', {
      alarmDescription:
        'Elevate notifications could not be redriven and need an operator (docs/operations.md).',
      metric: failuresDlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.queueAlarms.push(notEmpty, dlqNotEmpty);
    notifier.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        retryAttempts: 5,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(failures),
      }),
    );
  }

  /**
   * The table stream's second consumer. One at a time: each revocation rewrites a role's whole
   * policy (read, add, write), so two concurrent runs could drop each other's entry.
   */
  private wireRevoker(revoker: ElevateFunction, table: dynamodb.ITable): void {
    const cfn = revoker.function.node.defaultChild as lambda.CfnFunction;
    cfn.reservedConcurrentExecutions = 1;
    const failures = new sqs.Queue(this, 'RevokerFailures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.failureQueues['revoker failures'] = failures;
    acknowledge(
      failures,
      ['AwsSolutions-SQS3'],
      'This queue is itself the dead-letter destination of the revoker stream; operators read it after an alarm.',
    );
    revoker.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        retryAttempts: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        maxRecordAge: Duration.hours(2),
        onFailure: new SqsDlq(failures),
      }),
    );
    new CfnOutput(this, 'RevokerRoleArn', {
      description: 'Revoker roles in target accounts trust this role (templates/revoker-role.yaml)',
      value: revoker.role.roleArn,
    });
  }

  private wireSweeper(sweeper: ElevateFunction): void {
    // A role of its own, rather than the shared one the target would create, to keep findings local.
    const invoker = new iam.Role(this, 'SweeperScheduleRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
      description: 'Lets EventBridge Scheduler invoke the Elevate sweeper',
    });
    new scheduler.Schedule(this, 'SweeperSchedule', {
      description: 'Runs the Elevate sweeper every five minutes',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(5)),
      target: new schedulerTargets.LambdaInvoke(sweeper.function, {
        role: invoker,
        retryAttempts: 2,
        maxEventAge: Duration.minutes(5),
      }),
    });
    const cfnFunction = sweeper.function.node.defaultChild as lambda.CfnFunction;
    acknowledge(
      invoker,
      [`AwsSolutions-IAM5[Resource::${arnReference(cfnFunction)}:*]`],
      'grantInvoke covers the sweeper function and its versions/aliases (`<arn>:*`); no other function.',
    );
  }
}
