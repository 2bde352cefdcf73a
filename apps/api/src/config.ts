import { ACCESS_TOKEN_AUDIENCE_CLAIMS } from '@elevate/adapters';
import type { AccessTokenAudienceClaim, SlackChannelRoutes } from '@elevate/adapters';
import {
  awsRegionSchema,
  claimNameSchema,
  defaultProviderFor,
  IDP_PROVIDERS,
  jsonTextSchema,
  resolveIdpSettings,
} from '@elevate/contracts';
import type { IdpProvider } from '@elevate/contracts';
import type { MfaEvidence } from '@elevate/domain';
import * as z from 'zod/mini';
import { DEFAULT_SERVER_ADMISSION } from './http/admission';
import type { AdmissionLimits } from './http/admission';

const boolean = z.pipe(
  z.enum(['true', 'false']),
  z.transform((value) => value === 'true'),
);
/** A variable that may be unset; set but empty (`""`) reads as unset. */
export const optionalSetting = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.transform((value: unknown) => (value === '' ? undefined : value)),
    z.optional(schema),
  );
const optional = optionalSetting;

const region = awsRegionSchema;

/** A comma-separated list; empty entries dropped. `""` (set but empty) is an empty list. */
const list = z.pipe(
  z.string(),
  z.transform((text) =>
    text
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  ),
);
const claim = claimNameSchema;
/** A positive whole number of something, from the environment. */
const count = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000));

/** Every variable the API reads. Names match what `pnpm dev` passes (packages/dev-stack). */
const envSchema = z.object({
  ELEVATE_IDP_ISSUER: z.url({ protocol: /^https?$/ }),
  ELEVATE_API_AUDIENCE: z.string().check(z.minLength(1)),
  ELEVATE_CLIENT_ID: z.string().check(z.minLength(1)),
  /** Fills in every IdP setting below that is not set (docs/api-config.md, docs/deploy.md). */
  ELEVATE_IDP_PROVIDER: optional(z.enum(IDP_PROVIDERS)),
  ELEVATE_GROUPS_CLAIM: optional(claim),
  ELEVATE_GROUPS_SOURCE: optional(z.enum(['idToken', 'accessToken'])),
  ELEVATE_GROUPS_SEPARATOR: optional(z.enum([',', ' ', ';'])),
  ELEVATE_ACCESS_TOKEN_FORMAT: optional(z.enum(['jwt', 'bound'])),
  ELEVATE_ACCESS_TOKEN_IDENTITY_CLAIM: optional(claim),
  ELEVATE_ID_TOKEN_IDENTITY_CLAIM: optional(claim),
  ELEVATE_MFA_AMR: z.pipe(z.optional(z.string()), z.optional(list)),
  ELEVATE_MFA_ACR: z.pipe(z.optional(z.string()), z.optional(list)),
  ELEVATE_MFA_ACRS: z.pipe(
    z.optional(z.string()),
    z.optional(
      z.pipe(list, z.array(z.string().check(z.regex(/^c\d{1,2}$/, 'expected ids such as c1')))),
    ),
  ),
  ELEVATE_MFA_ENFORCED_BY_IDP: optional(boolean),
  ELEVATE_JWKS_STALE_IF_ERROR_SECONDS: z._default(
    optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(7 * 24 * 3600))),
    24 * 3600,
  ),
  ELEVATE_NATIVE_CLIENT_ID: optional(z.string().check(z.minLength(1))),
  ELEVATE_JWKS_URI: optional(z.url({ protocol: /^https?$/ })),
  ELEVATE_CLOCK_TOLERANCE_SECONDS: z._default(
    optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(60))),
    30,
  ),
  ELEVATE_REQUIRE_AT_JWT: optional(boolean),
  ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM: optional(z.enum(ACCESS_TOKEN_AUDIENCE_CLAIMS)),
  ELEVATE_ACCESS_TOKEN_CLAIM: optional(claim),
  ELEVATE_EMAIL_CLAIM: optional(claim),
  ELEVATE_REQUIRE_EMAIL_VERIFIED: z._default(optional(boolean), true),
  ELEVATE_WEB_ORIGIN: optional(
    z.pipe(
      z.url({ protocol: /^https?$/ }),
      z.transform((url) => new URL(url).origin),
    ),
  ),
  /** Secrets Manager id of the Slack app's secret: set, the API serves Slack's interactive endpoint. */
  ELEVATE_SLACK_SECRET_ID: optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  ELEVATE_HOST: z._default(optional(z.string().check(z.minLength(1))), '127.0.0.1'),
  ELEVATE_API_PORT: z._default(
    optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65535))),
    8787,
  ),
  /** What the local server works on at once, lets wait, and for how long (docs/operations.md). */
  ELEVATE_MAX_IN_FLIGHT: z._default(optional(count), DEFAULT_SERVER_ADMISSION.concurrency),
  ELEVATE_MAX_QUEUED: z._default(
    optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(10_000))),
    DEFAULT_SERVER_ADMISSION.queue,
  ),
  ELEVATE_MAX_QUEUE_WAIT_MS: z._default(optional(count), DEFAULT_SERVER_ADMISSION.maxWaitMs),
  ELEVATE_DYNAMODB_ENDPOINT: optional(z.url()),
  ELEVATE_TABLE_NAME: z._default(optional(z.string().check(z.regex(/^[\w.-]{3,255}$/))), 'elevate'),
  ELEVATE_POLICY_FILE: optional(z.string().check(z.minLength(1))),
  ELEVATE_LOG_LEVEL: z._default(
    optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])),
    'info',
  ),
  // Federation (the federate function and the local server).
  AWS_REGION: optional(region),
  ELEVATE_STS_REGIONS: optional(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((list) => list.split(',').map((entry) => entry.trim())),
      ),
      z.array(region).check(z.minLength(1)),
    ),
  ),
  ELEVATE_STS_ENDPOINTS: optional(
    z.pipe(
      jsonTextSchema('must be a JSON object of region → URL'),
      z.record(region, z.url({ protocol: /^https?$/ })),
    ),
  ),
  ELEVATE_SESSION_SECONDS: z._default(
    optional(z.coerce.number().check(z.int(), z.minimum(900), z.maximum(3600))),
    3600,
  ),
  ELEVATE_FEDERATION_ENDPOINT: optional(z.url({ protocol: /^https?$/ })),
});

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface ApiConfig {
  oidc: {
    /** The profile whose defaults filled in every setting not given. */
    provider: IdpProvider;
    issuer: string;
    /** `aud` of access tokens (or their `client_id`, see `accessTokenAudience`). */
    audience: string;
    /** `aud` (default) or `client_id` (Amazon Cognito, whose access tokens carry no `aud`). */
    accessTokenAudience: AccessTokenAudienceClaim;
    /** `aud` of ID tokens: the SPA's client id. */
    clientId: string;
    /** The `elevate` CLI's client id: its ID tokens carry this `aud` instead; none when unset. */
    nativeClientId: string | undefined;
    groupsClaim: string;
    groupsSource: 'idToken' | 'accessToken';
    jwksUri: string | undefined;
    clockToleranceSeconds: number;
    requireAccessTokenType: boolean;
    /** Without `at+jwt` (and with `aud` audiences): the claim only access tokens carry, e.g. `scp`. */
    accessTokenClaim: string;
    /** The ID-token claim with the person's e-mail address (names them in AWS). */
    emailClaim: string;
    /** Refuse `email_verified: false` (only meaningful when `emailClaim` is `email`). */
    requireEmailVerified: boolean;
    /** Splits a groups claim sent as one string. */
    groupsSeparator: string | undefined;
    /** `jwt`, or `bound`: an opaque access token tied to the ID token by `at_hash` (Google). */
    accessTokenFormat: 'jwt' | 'bound';
    /** The claims that must be equal in the two tokens (Okta: `uid` ↔ `sub`). */
    accessTokenIdentityClaim: string;
    idTokenIdentityClaim: string;
    /** What proves MFA for step-up rules. */
    mfa: MfaEvidence;
    /** How long the last signing keys keep verifying while the IdP is unreachable. */
    jwksStaleIfErrorSeconds: number;
  };
  /** The SPA's origin, the only one CORS admits; unset when the SPA is served from the API's origin. */
  allowedOrigin: string | undefined;
  /** The Slack app's secret (signing secret for the interactive endpoint); unset: no endpoint. */
  slackSecretId: string | undefined;
  /** Where the local server listens; unused on Lambda. */
  server: { host: string; port: number; admission: AdmissionLimits };
  dynamodb: { endpoint: string | undefined; tableName: string };
  /** The policy YAML; the authorizer does not need it, the API refuses to start without it. */
  policyFile: string | undefined;
  logLevel: LogLevel;
  federation: FederationConfig;
}

/** What the federate route needs; checked when an app that serves it is composed. */
interface FederationConfig {
  /** The deployment region (`AWS_REGION`, set by Lambda): default console and CLI region. */
  deploymentRegion: string | undefined;
  /** STS regions in failover order; the deployment region alone when unset. */
  stsRegions: string[];
  /** Per-region STS endpoint overrides (the local emulator). */
  stsEndpoints: Record<string, string> | undefined;
  /** Configured session length, 900–3600 s (role chaining caps it at one hour). */
  sessionSeconds: number;
  /** The AWS federation endpoint override (the local emulator). */
  federationEndpoint: string | undefined;
}

/** Reads and validates the environment once. The only place in the API that touches `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid API configuration:\n${problems}\nSee docs/api-config.md.`);
  }
  const e = parsed.data;
  const provider = e.ELEVATE_IDP_PROVIDER ?? defaultProviderFor(e.ELEVATE_IDP_ISSUER);
  const idp = resolveIdpSettings(provider, e.ELEVATE_API_AUDIENCE, {
    accessTokenAudienceClaim: e.ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM,
    accessTokenFormat: e.ELEVATE_ACCESS_TOKEN_FORMAT,
    requireAccessTokenType: e.ELEVATE_REQUIRE_AT_JWT,
    accessTokenClaim: e.ELEVATE_ACCESS_TOKEN_CLAIM,
    accessTokenIdentityClaim: e.ELEVATE_ACCESS_TOKEN_IDENTITY_CLAIM,
    idTokenIdentityClaim: e.ELEVATE_ID_TOKEN_IDENTITY_CLAIM,
    emailClaim: e.ELEVATE_EMAIL_CLAIM,
    groupsClaim: e.ELEVATE_GROUPS_CLAIM,
    groupsSource: e.ELEVATE_GROUPS_SOURCE,
    groupsSeparator: e.ELEVATE_GROUPS_SEPARATOR,
    mfa: {
      amr: e.ELEVATE_MFA_AMR,
      acr: e.ELEVATE_MFA_ACR,
      acrs: e.ELEVATE_MFA_ACRS,
      enforcedByIdp: e.ELEVATE_MFA_ENFORCED_BY_IDP,
    },
  });
  return {
    oidc: {
      provider,
      issuer: e.ELEVATE_IDP_ISSUER,
      audience: e.ELEVATE_API_AUDIENCE,
      accessTokenAudience: idp.accessTokenAudienceClaim,
      clientId: e.ELEVATE_CLIENT_ID,
      nativeClientId: e.ELEVATE_NATIVE_CLIENT_ID,
      groupsClaim: idp.groups.claim,
      groupsSource: idp.groups.source,
      groupsSeparator: idp.groups.separator,
      jwksUri: e.ELEVATE_JWKS_URI,
      clockToleranceSeconds: e.ELEVATE_CLOCK_TOLERANCE_SECONDS,
      requireAccessTokenType: idp.requireAccessTokenType,
      accessTokenClaim: idp.accessTokenClaim,
      accessTokenFormat: idp.accessTokenFormat,
      accessTokenIdentityClaim: idp.identityClaims.accessToken,
      idTokenIdentityClaim: idp.identityClaims.idToken,
      emailClaim: idp.emailClaim,
      requireEmailVerified: e.ELEVATE_REQUIRE_EMAIL_VERIFIED,
      mfa: idp.mfa,
      jwksStaleIfErrorSeconds: e.ELEVATE_JWKS_STALE_IF_ERROR_SECONDS,
    },
    allowedOrigin: e.ELEVATE_WEB_ORIGIN,
    slackSecretId: e.ELEVATE_SLACK_SECRET_ID,
    server: {
      host: e.ELEVATE_HOST,
      port: e.ELEVATE_API_PORT,
      admission: {
        concurrency: e.ELEVATE_MAX_IN_FLIGHT,
        queue: e.ELEVATE_MAX_QUEUED,
        maxWaitMs: e.ELEVATE_MAX_QUEUE_WAIT_MS,
      },
    },
    dynamodb: { endpoint: e.ELEVATE_DYNAMODB_ENDPOINT, tableName: e.ELEVATE_TABLE_NAME },
    policyFile: e.ELEVATE_POLICY_FILE,
    logLevel: e.ELEVATE_LOG_LEVEL,
    federation: {
      deploymentRegion: e.AWS_REGION,
      stsRegions: e.ELEVATE_STS_REGIONS ?? (e.AWS_REGION === undefined ? [] : [e.AWS_REGION]),
      stsEndpoints: e.ELEVATE_STS_ENDPOINTS,
      sessionSeconds: e.ELEVATE_SESSION_SECONDS,
      federationEndpoint: e.ELEVATE_FEDERATION_ENDPOINT,
    },
  };
}

/** What the notifier and the sweeper read (Lambda and the local server). Names match infra's function specs. */
const notificationsEnvSchema = z.object({
  ELEVATE_TABLE_NAME: z._default(optional(z.string().check(z.regex(/^[\w.-]{3,255}$/))), 'elevate'),
  ELEVATE_DYNAMODB_ENDPOINT: optional(z.url()),
  ELEVATE_POLICY_FILE: optional(z.string().check(z.minLength(1))),
  ELEVATE_LOG_LEVEL: z._default(
    optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])),
    'info',
  ),
  /** Base of deep links in messages; defaults to the SPA origin infra passes every function. */
  ELEVATE_APP_URL: optional(z.url({ protocol: /^https?$/ })),
  ELEVATE_WEB_ORIGIN: optional(z.url({ protocol: /^https?$/ })),
  /** The request-events topic; unset: no SNS channel (the local stack uses the dev mailbox). */
  ELEVATE_TOPIC_ARN: optional(
    z
      .string()
      .check(
        z.regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256}$/, 'expected an SNS topic ARN'),
      ),
  ),
  /** A Slack incoming-webhook URL (a secret: never logged). Unset: no Slack channel. */
  ELEVATE_SLACK_WEBHOOK_URL: optional(z.url({ protocol: /^https$/ })),
  /** A pending request this old gets one reminder to its reviewers. */
  ELEVATE_REMINDER_AFTER_MINUTES: z._default(
    optional(z.coerce.number().check(z.int(), z.minimum(5), z.maximum(30 * 24 * 60))),
    4 * 60,
  ),
  /** After this many minutes pending, a request escalates to the admins (once); 0 = never. */
  ELEVATE_ESCALATE_AFTER_MINUTES: z._default(
    optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(30 * 24 * 60))),
    24 * 60,
  ),
  /** The requester is warned this many minutes before a pending request expires (once). */
  ELEVATE_EXPIRY_WARNING_MINUTES: z._default(
    optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(7 * 24 * 60))),
    60,
  ),
  /** People not signed in within this many days are not addressed personally. */
  ELEVATE_NOTIFY_ACTIVE_WITHIN_DAYS: z._default(
    optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3650))),
    30,
  ),
  /** SES sender (a verified identity); set: personal e-mail through SES. */
  ELEVATE_SES_FROM: optional(z.string().check(z.minLength(3), z.maxLength(320))),
  /** The SES configuration set whose event destination reports bounces and complaints. */
  ELEVATE_SES_CONFIGURATION_SET: optional(z.string().check(z.regex(/^[\w-]{1,64}$/))),
  /** SendEmail calls per second one process may make (SES's account maximum send rate bounds it). */
  ELEVATE_SES_MAX_SEND_RATE: z._default(
    optional(z.coerce.number().check(z.positive(), z.maximum(1000))),
    1,
  ),
  /** Secrets Manager id of the Slack app's secret `{ botToken, signingSecret }`. */
  ELEVATE_SLACK_SECRET_ID: optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  /** Slack channel routing as JSON `{ byAccount?, byRule?, default? }` (channel ids, not secrets). */
  ELEVATE_SLACK_CHANNELS: optional(z.string().check(z.minLength(2), z.maxLength(8192))),
  /** Whether the Slack app also DMs each person concerned ("true"/"false", default true). */
  ELEVATE_SLACK_DIRECT_MESSAGES: z._default(optional(z.enum(['true', 'false'])), 'true'),
  /** Secrets Manager id of the Teams secret `{ webhookUrl }`. */
  ELEVATE_TEAMS_SECRET_ID: optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  /** Local server only: how often the sweeper runs (EventBridge Scheduler runs it in AWS). */
  ELEVATE_SWEEP_INTERVAL_SECONDS: z._default(
    optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(24 * 60 * 60))),
    60,
  ),
  /**
   * Local server only: "off" stops the jobs the local server runs beside the API — the sweeper and
   * the daily audit digest — so a benchmark measures the API alone ("on" by default).
   */
  ELEVATE_LOCAL_JOBS: z._default(optional(z.enum(['on', 'off'])), 'on'),
  /** Local server only: where the dev mailbox keeps messages (`<dir>/mailbox.jsonl`). */
  ELEVATE_DATA_DIR: optional(z.string().check(z.minLength(1))),
  /** Local server only: the dev stack's personas, to map reviewer groups to mailboxes. */
  ELEVATE_DEV_CONFIG: optional(z.string().check(z.minLength(1))),
  /** In AWS: the bucket the JSON Lines exports go to (docs/insights.md); locally `<data dir>/exports`. */
  ELEVATE_EXPORTS_BUCKET: optional(
    z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/u)),
  ),
});

export interface NotificationsConfig {
  dynamodb: { endpoint: string | undefined; tableName: string };
  policyFile: string | undefined;
  logLevel: LogLevel;
  /** Origin (and optional path) deep links start with, without a trailing slash. */
  appUrl: string;
  topicArn: string | undefined;
  slackWebhookUrl: string | undefined;
  reminderAfterMinutes: number;
  escalateAfterMinutes: number;
  expiryWarningMinutes: number;
  activeWithinDays: number;
  ses:
    | { from: string; configurationSet: string | undefined; maxSendRatePerSecond: number }
    | undefined;
  slack: { secretId: string; channels: SlackChannelRoutes; directMessages: boolean } | undefined;
  teamsSecretId: string | undefined;
  sweepIntervalSeconds: number;
  /** Local server only: whether it sweeps and signs the daily digest beside the API. */
  localJobs: boolean;
  dataDir: string | undefined;
  devConfigFile: string | undefined;
  exportsBucket: string | undefined;
}

const slackRoutesSchema = z.strictObject({
  byAccount: z.optional(
    z.record(z.string().check(z.regex(/^\d{12}$/)), z.string().check(z.minLength(1))),
  ),
  byRule: z.optional(z.record(z.string().check(z.minLength(1)), z.string().check(z.minLength(1)))),
  default: z.optional(z.string().check(z.minLength(1))),
});

const slackRoutesOf = (raw: string | undefined): SlackChannelRoutes => {
  if (raw === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('Invalid notifications configuration: ELEVATE_SLACK_CHANNELS is not JSON.');
  }
  const parsed = slackRoutesSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `Invalid notifications configuration: ELEVATE_SLACK_CHANNELS ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
};

/** Reads the notifier's and sweeper's environment once; throws naming each bad variable. */
export function loadNotificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const parsed = notificationsEnvSchema.safeParse(env);
  const appUrl = parsed.success
    ? (parsed.data.ELEVATE_APP_URL ?? parsed.data.ELEVATE_WEB_ORIGIN)
    : undefined;
  if (!parsed.success || appUrl === undefined) {
    const problems = parsed.success
      ? ['  ELEVATE_APP_URL: set it (or ELEVATE_WEB_ORIGIN) so messages can link to Elevate']
      : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(
      `Invalid notifications configuration:\n${problems.join('\n')}\nSee docs/notifications.md.`,
    );
  }
  const e = parsed.data;
  return {
    dynamodb: { endpoint: e.ELEVATE_DYNAMODB_ENDPOINT, tableName: e.ELEVATE_TABLE_NAME },
    policyFile: e.ELEVATE_POLICY_FILE,
    logLevel: e.ELEVATE_LOG_LEVEL,
    appUrl: appUrl.replace(/\/+$/u, ''),
    topicArn: e.ELEVATE_TOPIC_ARN,
    slackWebhookUrl: e.ELEVATE_SLACK_WEBHOOK_URL,
    reminderAfterMinutes: e.ELEVATE_REMINDER_AFTER_MINUTES,
    escalateAfterMinutes: e.ELEVATE_ESCALATE_AFTER_MINUTES,
    expiryWarningMinutes: e.ELEVATE_EXPIRY_WARNING_MINUTES,
    activeWithinDays: e.ELEVATE_NOTIFY_ACTIVE_WITHIN_DAYS,
    ses:
      e.ELEVATE_SES_FROM === undefined
        ? undefined
        : {
            from: e.ELEVATE_SES_FROM,
            configurationSet: e.ELEVATE_SES_CONFIGURATION_SET,
            maxSendRatePerSecond: e.ELEVATE_SES_MAX_SEND_RATE,
          },
    slack:
      e.ELEVATE_SLACK_SECRET_ID === undefined
        ? undefined
        : {
            secretId: e.ELEVATE_SLACK_SECRET_ID,
            channels: slackRoutesOf(e.ELEVATE_SLACK_CHANNELS),
            directMessages: e.ELEVATE_SLACK_DIRECT_MESSAGES === 'true',
          },
    teamsSecretId: e.ELEVATE_TEAMS_SECRET_ID,
    sweepIntervalSeconds: e.ELEVATE_SWEEP_INTERVAL_SECONDS,
    localJobs: e.ELEVATE_LOCAL_JOBS === 'on',
    dataDir: e.ELEVATE_DATA_DIR,
    devConfigFile: e.ELEVATE_DEV_CONFIG,
    exportsBucket: e.ELEVATE_EXPORTS_BUCKET,
  };
}

const storeEnvSchema = z.object({
  ELEVATE_TABLE_NAME: z._default(optional(z.string().check(z.regex(/^[\w.-]{3,255}$/))), 'elevate'),
  ELEVATE_DYNAMODB_ENDPOINT: optional(z.url()),
});

/** The table alone: what operator commands (`pnpm rebuild:read-models`, the API bench) need. */
export function loadStoreConfig(env: NodeJS.ProcessEnv = process.env): {
  dynamodb: { endpoint: string | undefined; tableName: string };
} {
  const parsed = storeEnvSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `Invalid store configuration: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
    );
  return {
    dynamodb: {
      endpoint: parsed.data.ELEVATE_DYNAMODB_ENDPOINT,
      tableName: parsed.data.ELEVATE_TABLE_NAME,
    },
  };
}

/** What the revoker reads (its Lambda, and the local server when the dev stack configures it). */
const revokerEnvSchema = z.object({
  ELEVATE_TABLE_NAME: z._default(optional(z.string().check(z.regex(/^[\w.-]{3,255}$/))), 'elevate'),
  ELEVATE_DYNAMODB_ENDPOINT: optional(z.url()),
  /** The revoker role's name in every target account; unset: no revoker (live sessions run out). */
  ELEVATE_REVOKER_ROLE_NAME: optional(z.string().check(z.regex(/^[\w+=,.@-]{1,64}$/))),
  ELEVATE_REVOKER_STS_ENDPOINT: optional(z.url()),
  ELEVATE_IAM_ENDPOINT: optional(z.url()),
  /** Local stack only: the revoker principal's keys (in AWS, the function's role). Never logged. */
  ELEVATE_REVOKER_ACCESS_KEY_ID: optional(z.string().check(z.regex(/^[A-Z0-9]{16,128}$/))),
  ELEVATE_REVOKER_SECRET_ACCESS_KEY: optional(z.string().check(z.minLength(16))),
  AWS_REGION: z._default(
    optional(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/))),
    'us-east-1',
  ),
  ELEVATE_LOG_LEVEL: z._default(
    optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])),
    'info',
  ),
});

export interface RevokerConfig {
  dynamodb: { endpoint: string | undefined; tableName: string };
  revokerRoleName: string;
  stsEndpoint: string | undefined;
  iamEndpoint: string | undefined;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  logLevel: LogLevel;
}

/** The revoker's settings, or undefined when no revoker role is configured. Throws on bad values. */
export function loadRevokerConfig(env: NodeJS.ProcessEnv = process.env): RevokerConfig | undefined {
  const parsed = revokerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(
      `Invalid revoker configuration:\n${problems.join('\n')}\nSee docs/federation.md.`,
    );
  }
  const e = parsed.data;
  if (e.ELEVATE_REVOKER_ROLE_NAME === undefined) return undefined;
  const keyId = e.ELEVATE_REVOKER_ACCESS_KEY_ID;
  const secret = e.ELEVATE_REVOKER_SECRET_ACCESS_KEY;
  return {
    dynamodb: { endpoint: e.ELEVATE_DYNAMODB_ENDPOINT, tableName: e.ELEVATE_TABLE_NAME },
    revokerRoleName: e.ELEVATE_REVOKER_ROLE_NAME,
    stsEndpoint: e.ELEVATE_REVOKER_STS_ENDPOINT,
    iamEndpoint: e.ELEVATE_IAM_ENDPOINT,
    region: e.AWS_REGION,
    credentials:
      keyId === undefined || secret === undefined
        ? undefined
        : { accessKeyId: keyId, secretAccessKey: secret },
    logLevel: e.ELEVATE_LOG_LEVEL,
  };
}

const exportsEnvSchema = z.object({
  ELEVATE_DATA_DIR: optional(z.string().check(z.minLength(1))),
  ELEVATE_EXPORTS_BUCKET: optional(
    z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/u)),
  ),
});

/** Where the JSON Lines exports live: a bucket in AWS, else `<data dir>/exports` (`.data/exports`). */
export function loadExportsConfig(
  repoRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): { exportsDir: string; exportsBucket: string | undefined } {
  const parsed = exportsEnvSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `Invalid exports configuration: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
    );
  return {
    exportsDir: `${parsed.data.ELEVATE_DATA_DIR ?? `${repoRoot}/.data`}/exports`,
    exportsBucket: parsed.data.ELEVATE_EXPORTS_BUCKET,
  };
}
