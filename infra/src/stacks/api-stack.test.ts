import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTBOUND_DEADLINES, REQUEST_BUDGET_MS } from '@elevate/adapters';
import {
  actionsOf,
  buildTestApp,
  exampleConfig,
  exampleConfigData,
  logicalIdOf,
  resourcesOf,
  resourcesOfStatement,
  statementsOfRole,
  type PolicyStatementJson,
  type TestApp,
} from '../testing/test-app';

let built: TestApp;
let api: Template;
let allTemplates: Template[];

beforeAll(() => {
  built = buildTestApp();
  const { stacks } = built;
  api = Template.fromStack(stacks.api);
  allTemplates = [stacks.data, stacks.notifications, stacks.api, stacks.web, stacks.targetRoles]
    .filter((stack) => stack !== undefined)
    .map((stack) => Template.fromStack(stack));
});

const partitionArn = (account: string, role: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${account}:role/${role}`]],
});

/** Every identity-policy statement in a template (roles' inline policies, policies, managed policies). */
function identityStatements(template: Template): PolicyStatementJson[] {
  const inline = Object.values(resourcesOf(template, 'AWS::IAM::Role')).flatMap((role) =>
    (
      (role.Properties?.Policies ?? []) as {
        PolicyDocument: { Statement: PolicyStatementJson[] };
      }[]
    ).flatMap((policy) => policy.PolicyDocument.Statement),
  );
  const attached = [
    ...Object.values(resourcesOf(template, 'AWS::IAM::Policy')),
    ...Object.values(resourcesOf(template, 'AWS::IAM::ManagedPolicy')),
  ].flatMap(
    (policy) =>
      (policy.Properties?.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement,
  );
  return [...inline, ...attached];
}

/** What Lambda's active tracing adds to every function role (X-Ray accepts no resource ARN). */
const X_RAY_ACTIONS = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];

describe('the federate function', () => {
  it('is the only role with STS actions: exactly AssumeRole, SetSourceIdentity and TagSession on the policy’s target roles', () => {
    const federateRole = logicalIdOf(built.stacks.api.functions.federate.role);
    const sts = statementsOfRole(api, federateRole).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('sts:')),
    );
    expect(sts).toHaveLength(1);
    const [statement] = sts;
    expect(statement?.Effect).toBe('Allow');
    expect(actionsOf(statement as PolicyStatementJson).sort()).toEqual([
      'sts:AssumeRole',
      'sts:SetSourceIdentity',
      'sts:TagSession',
    ]);
    // config/policy.example.yaml: dev+staging × ReadOnly/PowerUser, production × ReadOnly/Administrator,
    // data-lake × ReadOnly/PowerUser.
    expect(resourcesOfStatement(statement as PolicyStatementJson)).toEqual([
      partitionArn('111111111111', 'PowerUser'),
      partitionArn('111111111111', 'ReadOnly'),
      partitionArn('222222222222', 'PowerUser'),
      partitionArn('222222222222', 'ReadOnly'),
      partitionArn('333333333333', 'Administrator'),
      partitionArn('333333333333', 'ReadOnly'),
      partitionArn('444444444444', 'PowerUser'),
      partitionArn('444444444444', 'ReadOnly'),
    ]);
  });

  it('has a fixed role name that target roles can trust before it exists', () => {
    const federateRole = logicalIdOf(built.stacks.api.functions.federate.role);
    const role = resourcesOf(api, 'AWS::IAM::Role')[federateRole];
    expect(role?.Properties?.RoleName).toBe('elevate-federate');
  });

  it('answers POST /requests/{id}/sessions and nothing else; the API function answers the rest, behind the authorizer', () => {
    const integrationTarget = (name: 'api' | 'federate') =>
      logicalIdOf(built.stacks.api.functions[name].function);
    const integrations = resourcesOf(api, 'AWS::ApiGatewayV2::Integration');
    const integrationFor = (functionId: string) =>
      Object.entries(integrations).find(
        ([, integration]) =>
          JSON.stringify(integration.Properties?.IntegrationUri) ===
          JSON.stringify({ 'Fn::GetAtt': [functionId, 'Arn'] }),
      )?.[0];
    const routes = Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Route')).map((route) => ({
      key: route.Properties?.RouteKey,
      target: route.Properties?.Target,
      authorization: route.Properties?.AuthorizationType,
    }));
    expect(routes.map((route) => route.key).sort()).toEqual([
      'ANY /{proxy+}',
      'GET /health',
      'POST /requests/{id}/sessions',
    ]);
    const targetOf = (key: string) =>
      JSON.stringify(routes.find((route) => route.key === key)?.target);
    const federateIntegration = integrationFor(integrationTarget('federate'));
    const apiIntegration = integrationFor(integrationTarget('api'));
    expect(federateIntegration).toBeDefined();
    expect(apiIntegration).toBeDefined();
    expect(targetOf('POST /requests/{id}/sessions')).toContain(`"Ref":"${federateIntegration}"`);
    expect(targetOf('ANY /{proxy+}')).toContain(`"Ref":"${apiIntegration}"`);
    expect(targetOf('GET /health')).toContain(`"Ref":"${apiIntegration}"`);
    // Every route but the liveness probe goes through the token authorizer.
    expect(
      routes.filter((route) => route.authorization !== 'CUSTOM').map((route) => route.key),
    ).toEqual(['GET /health']);
  });
});

describe('least privilege', () => {
  it('gives no role other than the federate role any sts: action, in any stack (the revoker only its revoker roles)', () => {
    const federatePolicy = JSON.stringify(
      statementsOfRole(api, logicalIdOf(built.stacks.api.functions.federate.role)),
    );
    const revokerStatements = statementsOfRole(
      api,
      logicalIdOf(built.stacks.api.functions.revoker.role),
    ).filter((statement) => actionsOf(statement).some((action) => /^sts:/i.test(action)));
    expect(revokerStatements.map(actionsOf)).toEqual([['sts:AssumeRole']]);
    expect(JSON.stringify(revokerStatements)).toContain('-revocation-writer');
    const revokerPolicy = JSON.stringify(revokerStatements);
    const offenders = allTemplates
      .flatMap(identityStatements)
      .filter((statement) => actionsOf(statement).some((action) => /^sts:/i.test(action)))
      .filter((statement) => !federatePolicy.includes(JSON.stringify(statement)))
      .filter((statement) => !revokerPolicy.includes(JSON.stringify(statement)));
    expect(offenders).toEqual([]);
    // And the one allowed statement is really there, so the filter above is not vacuous.
    expect(
      allTemplates
        .flatMap(identityStatements)
        .filter((s) => actionsOf(s).includes('sts:AssumeRole')),
    ).toHaveLength(2);
  });

  it('limits the API role’s DynamoDB actions to its table and the table’s indexes', () => {
    const data = Template.fromStack(built.stacks.data);
    const tableId = logicalIdOf(built.stacks.data.table);
    const tableArnExport = Object.values(
      data.toJSON().Outputs as Record<string, { Value: unknown; Export: { Name: string } }>,
    ).find(
      (output) =>
        JSON.stringify(output.Value) === JSON.stringify({ 'Fn::GetAtt': [tableId, 'Arn'] }),
    )?.Export.Name;
    expect(tableArnExport).toBeDefined();
    const tableArn = { 'Fn::ImportValue': tableArnExport };
    const indexArn = (name: string) => ({ 'Fn::Join': ['', [tableArn, `/index/${name}`]] });

    const statements = statementsOfRole(api, logicalIdOf(built.stacks.api.functions.api.role));
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.length).toBeGreaterThan(0);
    for (const statement of dynamo) {
      expect(resourcesOfStatement(statement)).toEqual([
        tableArn,
        ...['GSI1', 'GSI2', 'GSI3', 'GSI4', 'GSI5', 'GSI6', 'GSI7', 'GSI8', 'GSI9', 'GSI10'].map(
          indexArn,
        ),
      ]);
      expect(actionsOf(statement).every((a) => a.startsWith('dynamodb:') && !a.includes('*'))).toBe(
        true,
      );
      expect(actionsOf(statement)).not.toContain('dynamodb:Scan');
      expect(actionsOf(statement)).not.toContain('dynamodb:DeleteItem');
    }
    // Nothing but its log group, its X-Ray traces, the table, and reading the audit digests and their public key.
    const others = statements.filter((s) => !dynamo.includes(s));
    const otherActions = others.flatMap(actionsOf);
    expect(otherActions).toContain('kms:GetPublicKey');
    expect(otherActions).not.toContain('kms:Sign');
    expect(otherActions.filter((a) => a.startsWith('s3:') && !/^s3:(Get|List)/.test(a))).toEqual(
      [],
    );
    expect(otherActions.filter((a) => !/^(s3|kms):/.test(a)).sort()).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      ...X_RAY_ACTIONS,
    ]);
  });

  it('lets the federate role only read requests and write session records: GetItem and PutItem on the table', () => {
    const statements = statementsOfRole(api, logicalIdOf(built.stacks.api.functions.federate.role));
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.flatMap(actionsOf).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    for (const statement of dynamo) {
      const resources = JSON.stringify(resourcesOfStatement(statement));
      expect(resources).not.toContain('/index/');
      expect(resourcesOfStatement(statement)).toHaveLength(1);
    }
  });

  it('gives the authorizer no permission beyond writing its own logs and traces', () => {
    const statements = statementsOfRole(
      api,
      logicalIdOf(built.stacks.api.functions.authorizer.role),
    );
    expect(statements.flatMap(actionsOf).sort()).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      ...X_RAY_ACTIONS,
    ]);
  });
});

describe('every function', () => {
  it('runs Node.js 22 with JSON logs in its own log group with the configured retention', () => {
    const functions = resourcesOf(api, 'AWS::Lambda::Function');
    const logGroups = resourcesOf(api, 'AWS::Logs::LogGroup');
    expect(Object.keys(functions)).toHaveLength(6);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties?.Runtime).toBe('nodejs22.x');
      const logging = fn.Properties?.LoggingConfig as {
        LogFormat: string;
        LogGroup: { Ref: string };
      };
      expect(logging.LogFormat).toBe('JSON');
      const group = logGroups[logging.LogGroup.Ref];
      expect(group?.Properties?.RetentionInDays).toBe(built.config.logs.retentionDays);
      expect(group?.DeletionPolicy).toBe('Retain');
    }
  });

  it('verifies tokens with the same IdP settings in the API, authorizer and federate functions', () => {
    const envOf = (
      template: Template,
      stack: TestApp['stacks']['api'],
      name: 'api' | 'authorizer' | 'federate',
    ) => {
      const fn = resourcesOf(template, 'AWS::Lambda::Function')[
        logicalIdOf(stack.functions[name].function)
      ];
      return (fn?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
    };
    for (const name of ['api', 'authorizer', 'federate'] as const) {
      expect(envOf(api, built.stacks.api, name)).toMatchObject({
        ELEVATE_IDP_PROVIDER: 'okta',
        ELEVATE_IDP_ISSUER: 'https://example.okta.com/oauth2/default',
        ELEVATE_API_AUDIENCE: 'api://elevate',
        ELEVATE_ACCESS_TOKEN_IDENTITY_CLAIM: 'uid',
        ELEVATE_ID_TOKEN_IDENTITY_CLAIM: 'sub',
        ELEVATE_MFA_AMR: 'mfa',
        ELEVATE_REQUIRE_AT_JWT: 'false',
        ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM: 'aud',
        ELEVATE_ACCESS_TOKEN_CLAIM: 'scp',
        ELEVATE_EMAIL_CLAIM: 'email',
        ELEVATE_REQUIRE_EMAIL_VERIFIED: 'true',
      });
    }
    // A Cognito user pool: its access tokens name the app client in client_id, not aud.
    const cognito = buildTestApp({
      config: exampleConfig({
        idp: {
          ...(exampleConfigData().idp as Record<string, unknown>),
          provider: undefined,
          issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz',
          audience: undefined,
          groupsClaim: undefined,
          mfa: { enforcedByIdp: true },
        },
      }),
    });
    const cognitoApi = Template.fromStack(cognito.stacks.api);
    expect(envOf(cognitoApi, cognito.stacks.api, 'authorizer')).toMatchObject({
      ELEVATE_API_AUDIENCE: '0oa-elevate-example',
      ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM: 'client_id',
      ELEVATE_IDP_PROVIDER: 'cognito',
      ELEVATE_GROUPS_CLAIM: 'cognito:groups',
      ELEVATE_MFA_ENFORCED_BY_IDP: 'true',
    });
  });

  it('refuses to synthesize when a step-up rule can never be met with the configured IdP', () => {
    expect(() =>
      buildTestApp({
        config: exampleConfig({
          idp: {
            ...(exampleConfigData().idp as Record<string, unknown>),
            provider: 'cognito',
          },
        }),
      }),
    ).toThrow(/idp\.mfa: policy rules .* ask for step-up/);
  });

  it('keeps the API access log with the configured retention too', () => {
    const stage = Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Stage'))[0];
    const destination = (
      stage?.Properties?.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] } }
    ).DestinationArn['Fn::GetAtt'][0];
    expect(resourcesOf(api, 'AWS::Logs::LogGroup')[destination]?.Properties?.RetentionInDays).toBe(
      built.config.logs.retentionDays,
    );
  });
});

describe('the HTTP API', () => {
  it('allows CORS from the SPA origin only and throttles the stage', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['https://elevate.example.com'],
        // The same lists the API's own CORS answers on a laptop (@elevate/contracts, http-edge.ts).
        AllowHeaders: [
          'authorization',
          'content-type',
          'x-elevate-id-token',
          'x-correlation-id',
          'idempotency-key',
        ],
        ExposeHeaders: ['x-correlation-id', 'retry-after', 'idempotent-replayed'],
      },
    });
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });

  it('authorizes with a simple-response Lambda authorizer on both tokens, uncached', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 0,
      IdentitySource: ['$request.header.Authorization', '$request.header.x-elevate-id-token'],
    });
  });
});

describe('the notifier and the sweeper', () => {
  it('reads the table stream with retries, bisection, partial failures and an encrypted failure queue', () => {
    const mapping = Object.values(resourcesOf(api, 'AWS::Lambda::EventSourceMapping')).find(
      (candidate) => candidate.Properties?.StartingPosition !== undefined,
    );
    expect(mapping?.Properties).toMatchObject({
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      StartingPosition: 'TRIM_HORIZON',
    });
    const destination = (
      mapping?.Properties?.DestinationConfig as {
        OnFailure: { Destination: { 'Fn::GetAtt': [string, string] } };
      }
    ).OnFailure.Destination['Fn::GetAtt'][0];
    const queue = resourcesOf(api, 'AWS::SQS::Queue')[destination];
    expect(queue?.Properties?.SqsManagedSseEnabled).toBe(true);
    expect(queue?.Properties?.RedrivePolicy).toBeDefined();
  });

  it('redrives the failure queue through the notifier and alarms while it or its DLQ is not empty', () => {
    const notifierId = logicalIdOf(built.stacks.api.functions.notifier.function);
    const queues = resourcesOf(api, 'AWS::SQS::Queue');
    const fromQueue = Object.values(resourcesOf(api, 'AWS::Lambda::EventSourceMapping')).find(
      (mapping) =>
        mapping.Properties?.EventSourceArn !== undefined &&
        JSON.stringify(mapping.Properties.EventSourceArn).includes('NotifierFailures'),
    );
    expect(fromQueue?.Properties).toMatchObject({
      FunctionName: { Ref: notifierId },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const failuresId = Object.keys(queues).find(
      (id) => id.startsWith('NotifierFailures') && !id.startsWith('NotifierFailuresDlq'),
    );
    // Six times the notifier's 30 s timeout, as Lambda advises for SQS sources.
    expect(queues[failuresId ?? '']?.Properties?.VisibilityTimeout).toBe(180);
    const alarms = Object.entries(resourcesOf(api, 'AWS::CloudWatch::Alarm'))
      .filter(([id]) => id.startsWith('NotifierFailures'))
      .map(([, alarm]) => alarm);
    expect(alarms).toHaveLength(2);
    for (const alarm of alarms) {
      expect(alarm.Properties).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });

  it('gives the notifier more time than a delivery lease, and the API more than a request budget', () => {
    const fn = built.stacks.api.functions;
    const timeoutOf = (f: typeof fn.api) => f.function.timeout?.toSeconds() ?? 3;
    expect(timeoutOf(fn.notifier)).toBeGreaterThan(OUTBOUND_DEADLINES.deliveryLeaseSeconds);
    expect(timeoutOf(fn.api) * 1000).toBeGreaterThan(REQUEST_BUDGET_MS);
    expect(timeoutOf(fn.federate) * 1000).toBeGreaterThan(REQUEST_BUDGET_MS);
    // And API Gateway's 29 s integration limit is above both.
    expect(REQUEST_BUDGET_MS).toBeLessThan(29_000);
  });

  it('runs the sweeper every five minutes on EventBridge Scheduler', () => {
    api.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalIdOf(built.stacks.api.functions.sweeper.function), 'Arn'] },
      },
    });
  });
});
