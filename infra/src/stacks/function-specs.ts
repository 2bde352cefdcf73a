import { Aws, Duration } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { DeployConfig } from '../config/deploy-config-schema';
import type { PolicyTarget } from '../config/load-policy-targets';
import { BUNDLED_POLICY_FILE, LAMBDA_TASK_ROOT } from '../constructs/elevate-function';
import { acknowledge, crossStackArnReferences } from '../nag/acknowledge';
import { EXPORT_DATASETS } from '@elevate/adapters';
import { TABLE_INDEX_NAMES } from './data-stack';

/** The actions the federate role, and no other, holds on target roles. */
export const FEDERATE_STS_ACTIONS = [
  'sts:AssumeRole',
  'sts:SetSourceIdentity',
  'sts:TagSession',
] as const;

/**
 * Item reads and conditional writes. No Scan (every access pattern is a Query), no DeleteItem and
 * no batch writes (nothing is deleted: audit history is the product).
 */
export const TABLE_DATA_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DescribeTable',
] as const;

/**
 * The federate role's only table access: read the request (GetItem, strongly consistent, before
 * and after AssumeRole) and write the session record (a conditional PutItem). No indexes, no
 * updates: the role that can assume target roles must not be able to change a request.
 */
const FEDERATE_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem'] as const;

function grantFederateTableAccess(role: iam.IRole, table: dynamodb.ITable): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee: role,
    actions: [...FEDERATE_TABLE_ACTIONS],
    resourceArns: [table.tableArn],
  });
}

/** Grants item access on the table and its named indexes only (no `index/*` wildcard). */
function grantTableData(role: iam.IRole, table: dynamodb.ITable): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee: role,
    actions: [...TABLE_DATA_ACTIONS],
    resourceArns: [
      table.tableArn,
      ...TABLE_INDEX_NAMES.map((indexName) => `${table.tableArn}/index/${indexName}`),
    ],
  });
}

/** What a spec may grant its function: resources of the other stacks. */
export interface FunctionContext {
  readonly config: DeployConfig;
  readonly table: dynamodb.ITable;
  readonly topic: sns.ITopic;
  readonly targets: readonly PolicyTarget[];
  /** The Object Lock bucket of signed audit digests and the KMS key that signs them. */
  readonly auditDigests: { readonly bucket: s3.IBucket; readonly signingKey: kms.IKey };
  /** The analytics stack's exports bucket; the notifier writes JSON Lines to it. */
  readonly exportsBucket?: s3.IBucket;
}

/** How cdk-nag names a bucket of another stack in a finding: both spellings (crossStackArnReferences). */
function bucketArnsOf(bucket: s3.IBucket): string[] {
  return crossStackArnReferences(bucket.node.defaultChild as CfnElement, bucket.bucketArn);
}

/** Reading the signed digests (the API verifies them, the sweeper finds a day's before signing). */
function grantDigestReads(role: iam.IRole, auditDigests: FunctionContext['auditDigests']): void {
  auditDigests.bucket.grantRead(role);
  acknowledge(
    role,
    [
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
    ],
    'Reading the audit digests (grantRead): read actions on the one digest bucket and its objects only.',
  );
}

/** Where digests are and which key signs them: the API verifies, the sweeper signs. */
function auditEnvironment({ auditDigests }: FunctionContext): Record<string, string> {
  return {
    ELEVATE_AUDIT_DIGEST_BUCKET: auditDigests.bucket.bucketName,
    ELEVATE_AUDIT_SIGNING_KEY_ID: auditDigests.signingKey.keyArn,
  };
}

export type FunctionName = 'api' | 'authorizer' | 'federate' | 'notifier' | 'sweeper' | 'revoker';

/** One Lambda function: where its code is, what it may touch, what it is told. */
export interface FunctionSpec {
  readonly name: FunctionName;
  /** Construct id; also names the log group's owner in the console. */
  readonly id: string;
  /** Entry module, relative to the workspace root. */
  readonly entry: string;
  readonly description: string;
  readonly memorySizeMb: number;
  readonly timeout: Duration;
  /** Whether the policy file ships in the bundle (for functions that evaluate it). */
  readonly needsPolicy: boolean;
  /** A fixed role name, only where other accounts' trust policies must name it. */
  readonly roleName?: (config: DeployConfig) => string;
  readonly environment: (context: FunctionContext) => Record<string, string>;
  /** Grants via the resources' grant* methods; nothing else gives a function permissions. */
  readonly grant: (role: iam.IRole, context: FunctionContext) => void;
}

/** The settings every function that verifies tokens or answers the SPA reads (see apps/api config). */
function idpEnvironment(config: DeployConfig): Record<string, string> {
  const { idp } = config;
  const { settings } = idp;
  // Every setting written out, so the functions never depend on a default of another version.
  return {
    ELEVATE_IDP_PROVIDER: settings.provider,
    ELEVATE_IDP_ISSUER: idp.issuer,
    ELEVATE_CLIENT_ID: idp.clientId,
    ...(idp.nativeClientId === undefined ? {} : { ELEVATE_NATIVE_CLIENT_ID: idp.nativeClientId }),
    ELEVATE_API_AUDIENCE: idp.audience,
    ELEVATE_GROUPS_CLAIM: settings.groups.claim,
    ELEVATE_GROUPS_SOURCE: settings.groups.source,
    ...(settings.groups.separator === undefined
      ? {}
      : { ELEVATE_GROUPS_SEPARATOR: settings.groups.separator }),
    ELEVATE_REQUIRE_AT_JWT: String(settings.requireAccessTokenType),
    ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM: settings.accessTokenAudienceClaim,
    ELEVATE_ACCESS_TOKEN_CLAIM: settings.accessTokenClaim,
    ELEVATE_ACCESS_TOKEN_FORMAT: settings.accessTokenFormat,
    ELEVATE_ACCESS_TOKEN_IDENTITY_CLAIM: settings.identityClaims.accessToken,
    ELEVATE_ID_TOKEN_IDENTITY_CLAIM: settings.identityClaims.idToken,
    ELEVATE_EMAIL_CLAIM: settings.emailClaim,
    ELEVATE_REQUIRE_EMAIL_VERIFIED: String(idp.requireEmailVerified),
    ELEVATE_MFA_AMR: settings.mfa.amr.join(','),
    ELEVATE_MFA_ACR: settings.mfa.acr.join(','),
    ELEVATE_MFA_ACRS: settings.mfa.acrs.join(','),
    ELEVATE_MFA_ENFORCED_BY_IDP: String(settings.mfa.enforcedByIdp),
  };
}

function storeEnvironment({ config, table }: FunctionContext): Record<string, string> {
  return {
    ELEVATE_TABLE_NAME: table.tableName,
    ELEVATE_POLICY_FILE: `${LAMBDA_TASK_ROOT}/${BUNDLED_POLICY_FILE}`,
    ELEVATE_WEB_ORIGIN: config.spa.origin,
  };
}

/** `arn:<partition>:iam::<account>:role/<name>` for every account × role the policy names. */
function targetRoleArns(targets: readonly PolicyTarget[]): string[] {
  return targets.map(
    ({ accountId, roleName }) => `arn:${Aws.PARTITION}:iam::${accountId}:role/${roleName}`,
  );
}

/** The role name target roles trust; fixed because other accounts' trust policies name it. */
export function federateRoleName(config: DeployConfig): string {
  return `${config.name}-federate`;
}

/** The revoker function's role name; revoker roles in target accounts trust it by this ARN. */
export function revokerFunctionRoleName(config: DeployConfig): string {
  return `${config.name}-revoker`;
}

/** The revoker role in every target account (templates/revoker-role.yaml, ElevateRevokerRole). */
export function targetRevokerRoleName(config: DeployConfig): string {
  return `${config.name}-revocation-writer`;
}

/** Every Lambda function Elevate deploys. Adding one is adding an entry here. */
export const FUNCTION_SPECS: readonly FunctionSpec[] = [
  {
    name: 'api',
    id: 'Api',
    entry: 'apps/api/src/lambda/api.ts',
    description: 'Elevate HTTP API (Hono): requests, reviews, audit; never calls STS',
    memorySizeMb: 512,
    timeout: Duration.seconds(15),
    needsPolicy: true,
    environment: (context) => ({
      ...idpEnvironment(context.config),
      ...storeEnvironment(context),
      ...auditEnvironment(context),
    }),
    grant: (role, { table, auditDigests }) => {
      grantTableData(role, table);
      // GET /audit/integrity reads digests and the public key; it can neither sign nor write.
      grantDigestReads(role, auditDigests);
      auditDigests.signingKey.grant(role, 'kms:GetPublicKey');
      acknowledge(
        role,
        bucketArnsOf(auditDigests.bucket).map((arn) => `AwsSolutions-IAM5[Resource::${arn}/*]`),
        'Every object of the digest bucket: one per signed day.',
      );
    },
  },
  {
    name: 'authorizer',
    id: 'Authorizer',
    entry: 'apps/api/src/lambda/authorizer.ts',
    description: 'Elevate HTTP API authorizer: verifies the access and ID tokens',
    memorySizeMb: 256,
    timeout: Duration.seconds(5),
    needsPolicy: false,
    environment: ({ config }) => idpEnvironment(config),
    // Reads only the IdP's public JWKS over HTTPS: no AWS permissions at all.
    grant: () => undefined,
  },
  {
    name: 'federate',
    id: 'Federate',
    entry: 'apps/api/src/lambda/federate.ts',
    description: 'Elevate federation: assumes approved target roles and issues sessions',
    memorySizeMb: 512,
    timeout: Duration.seconds(20),
    needsPolicy: true,
    roleName: federateRoleName,
    environment: (context) => ({
      ...idpEnvironment(context.config),
      ...storeEnvironment(context),
      ELEVATE_STS_REGIONS: context.config.sts.regions.join(','),
    }),
    grant: (role, { table, targets }) => {
      grantFederateTableAccess(role, table);
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'AssumePolicyTargetRoles',
          actions: [...FEDERATE_STS_ACTIONS],
          resources: targetRoleArns(targets),
        }),
      );
    },
  },
  {
    name: 'notifier',
    id: 'Notifier',
    entry: 'apps/api/src/lambda/notifier.ts',
    description: 'Elevate notifier: turns request changes from the table stream into SNS messages',
    memorySizeMb: 256,
    timeout: Duration.seconds(30),
    needsPolicy: true,
    environment: (context) => ({
      ...storeEnvironment(context),
      ELEVATE_TOPIC_ARN: context.topic.topicArn,
      ...(context.exportsBucket === undefined
        ? {}
        : { ELEVATE_EXPORTS_BUCKET: context.exportsBucket.bucketName }),
    }),
    grant: (role, { table, topic, exportsBucket }) => {
      table.grantStreamRead(role);
      // Exports are rewritten whole (PutObject) under the datasets' prefixes; the notifier never
      // reads, lists or deletes them. The bucket key makes one GenerateDataKey per put.
      if (exportsBucket !== undefined) {
        role.addToPrincipalPolicy(
          new iam.PolicyStatement({
            actions: ['s3:PutObject'],
            resources: EXPORT_DATASETS.map((dataset) =>
              exportsBucket.arnForObjects(`${dataset}/*`),
            ),
          }),
        );
        if (exportsBucket.encryptionKey !== undefined)
          role.addToPrincipalPolicy(
            new iam.PolicyStatement({
              actions: ['kms:GenerateDataKey'],
              resources: [exportsBucket.encryptionKey.keyArn],
            }),
          );
        acknowledge(
          role,
          EXPORT_DATASETS.flatMap((dataset) =>
            bucketArnsOf(exportsBucket).map(
              (arn) => `AwsSolutions-IAM5[Resource::${arn}/${dataset}/*]`,
            ),
          ),
          'Export files are one object per request and day under the dataset prefix; PutObject only.',
        );
      }
      // Delivery markers (conditional Put/Update in the request's partition) make redelivery harmless.
      grantTableData(role, table);
      topic.grantPublish(role);
      acknowledge(
        role,
        ['AwsSolutions-IAM5[Resource::*]'],
        "dynamodb:ListStreams has no resource-level permissions; every other stream action is limited to this table's stream.",
      );
      acknowledge(
        role,
        ['AwsSolutions-IAM5[Action::kms:GenerateDataKey*]'],
        "Publishing to a KMS-encrypted topic needs GenerateDataKey* (plain and WithoutPlaintext) on the topic's key; the resource is that one key.",
      );
    },
  },
  {
    name: 'sweeper',
    id: 'Sweeper',
    entry: 'apps/api/src/lambda/sweeper.ts',
    description: 'Elevate sweeper: expires stale pending requests and reminds reviewers',
    memorySizeMb: 256,
    timeout: Duration.seconds(60),
    needsPolicy: true,
    environment: (context) => ({
      ...storeEnvironment(context),
      ...auditEnvironment(context),
      ELEVATE_TOPIC_ARN: context.topic.topicArn,
    }),
    grant: (role, { table, topic, auditDigests }) => {
      grantTableData(role, table);
      // Reminders to reviewers go straight to the topic (no table write to stream them through).
      topic.grantPublish(role);
      // The daily digest: reads the chains changed that day (the chain-day index, by Query) — or, for
      // a day before that index was complete, every request (one Scan, on the table only, never an
      // index) — signs with the KMS key, writes once to the Object Lock bucket (no delete, no
      // retention change).
      iam.Grant.addToPrincipal({
        grantee: role,
        actions: ['dynamodb:Scan'],
        resourceArns: [table.tableArn],
      });
      grantDigestReads(role, auditDigests);
      iam.Grant.addToPrincipal({
        grantee: role,
        actions: ['s3:PutObject'],
        resourceArns: [auditDigests.bucket.arnForObjects('digests/*')],
      });
      auditDigests.signingKey.grant(role, 'kms:Sign', 'kms:GetPublicKey');
      acknowledge(
        role,
        [
          ...bucketArnsOf(auditDigests.bucket).flatMap((arn) => [
            `AwsSolutions-IAM5[Resource::${arn}/*]`,
            `AwsSolutions-IAM5[Resource::${arn}/digests/*]`,
          ]),
        ],
        'Objects of the digest bucket: one per signed day, under digests/.',
      );
      acknowledge(
        role,
        ['AwsSolutions-IAM5[Action::kms:GenerateDataKey*]'],
        "Publishing to a KMS-encrypted topic needs GenerateDataKey* (plain and WithoutPlaintext) on the topic's key; the resource is that one key.",
      );
    },
  },
  {
    name: 'revoker',
    id: 'Revoker',
    entry: 'apps/api/src/lambda/revoker.ts',
    description:
      'Elevate revoker: on a revoke or early end, denies the request sessions on its target role',
    memorySizeMb: 256,
    timeout: Duration.seconds(60),
    needsPolicy: false,
    roleName: revokerFunctionRoleName,
    environment: ({ config, table }) => ({
      ELEVATE_TABLE_NAME: table.tableName,
      ELEVATE_REVOKER_ROLE_NAME: targetRevokerRoleName(config),
    }),
    grant: (role, { config, table, targets }) => {
      table.grantStreamRead(role);
      // Queries the request's partition for its session records (their expiry bounds the deny).
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'ReadSessionRecords',
          actions: ['dynamodb:Query'],
          resources: [table.tableArn],
        }),
      );
      const accounts = [...new Set(targets.map((target) => target.accountId))];
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'AssumeRevokerRoles',
          actions: ['sts:AssumeRole'],
          resources: accounts.map(
            (account) =>
              `arn:${Aws.PARTITION}:iam::${account}:role/${targetRevokerRoleName(config)}`,
          ),
        }),
      );
      acknowledge(
        role,
        ['AwsSolutions-IAM5[Resource::*]'],
        "dynamodb:ListStreams has no resource-level permissions; every other stream action is limited to this table's stream.",
      );
    },
  },
];
