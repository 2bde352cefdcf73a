import type { Duration } from 'aws-cdk-lib';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag/acknowledge';
import { ELEVATE_METRICS } from './elevate-metrics';
import { BUNDLED_POLICY_FILE, FUNCTION_BUNDLING } from './function-bundling';

/** Lambda runs the bundle from here; files copied next to it are readable at this path. */
export const LAMBDA_TASK_ROOT = '/var/task';

export { BUNDLED_POLICY_FILE };

export interface ElevateFunctionProps {
  /** The TypeScript entry module exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  /** The workspace root: esbuild runs there (`pnpm exec esbuild`) and the lockfile lives there. */
  readonly projectRoot: string;
  /** The workspace's pnpm-lock.yaml; tells CDK the package manager and the project root. */
  readonly depsLockFilePath: string;
  /** The tsconfig the entry compiles with. */
  readonly tsconfig: string;
  readonly environment: Record<string, string>;
  readonly memorySizeMb: number;
  readonly timeout: Duration;
  readonly logRetention: logs.RetentionDays;
  /** When set, this compiled policy JSON is copied into the bundle as `policy.json`. */
  readonly compiledPolicyFile?: string;
  /** Load the source maps at start-up for TypeScript stack traces (slower cold starts). */
  readonly loadSourceMaps?: boolean;
  /** A fixed role name, only where another account's trust policy must name the role. */
  readonly roleName?: string;
}

/**
 * A Lambda function with Elevate's defaults: Node.js 22 on arm64, an ESM bundle built by the
 * workspace's esbuild (never Docker), JSON logs in a log group with set retention, and a role of
 * its own that starts with nothing but writing to that log group.
 */
export class ElevateFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ElevateFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      // Logs are audit evidence: keep them when the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the Elevate ${id} function`,
      ...(props.roleName === undefined ? {} : { roleName: props.roleName }),
    });
    // Instead of AWSLambdaBasicExecutionRole (any log group): only this function's own.
    this.logGroup.grantWrite(this.role);

    const policyFile = props.compiledPolicyFile;
    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySizeMb,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      // X-Ray: a trace per invocation, joined to API Gateway's, its id on every log line.
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment: {
        ...(props.loadSourceMaps === true ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        // Powertools Logger and Metrics (apps/api/src/observability): one service, one namespace.
        POWERTOOLS_SERVICE_NAME: ELEVATE_METRICS.service,
        POWERTOOLS_METRICS_NAMESPACE: ELEVATE_METRICS.namespace,
        ...props.environment,
      },
      projectRoot: props.projectRoot,
      depsLockFilePath: props.depsLockFilePath,
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: FUNCTION_BUNDLING.target,
        mainFields: [...FUNCTION_BUNDLING.mainFields],
        banner: FUNCTION_BUNDLING.banner,
        tsconfig: props.tsconfig,
        minify: FUNCTION_BUNDLING.minify,
        sourceMap: FUNCTION_BUNDLING.sourcemap,
        externalModules: [...FUNCTION_BUNDLING.external],
        // One `--alias:<package>=<replacement>` per entry (CDK joins an array's items with `:`).
        esbuildArgs: {
          '--alias': Object.entries(FUNCTION_BUNDLING.alias).map(([from, to]) => `${from}=${to}`),
        },
        logLevel: LogLevel.WARNING,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) =>
            policyFile === undefined
              ? []
              : [
                  `cp ${shellQuote(policyFile)} ${shellQuote(`${outputDir}/${BUNDLED_POLICY_FILE}`)}`,
                ],
        },
      },
    });
    acknowledge(
      this.role,
      ['AwsSolutions-IAM5[Resource::*]'],
      'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords take no resource ARN (api-stack.test.ts pins every role to its actions, so no other wildcard hides behind this).',
    );
    acknowledge(
      this.function,
      ['AwsSolutions-L1'],
      'Pinned to Node.js 22 deliberately: the bundle targets node22 and is tested on that major; newer runtimes are adopted by a reviewed bump, not by whatever is latest at synth time.',
    );
  }
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}
