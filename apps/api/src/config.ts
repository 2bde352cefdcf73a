import { ACCESS_TOKEN_AUDIENCE_CLAIMS } from '@elevate/adapters';
import type { AccessTokenAudienceClaim } from '@elevate/adapters';
import { awsRegionSchema } from '@elevate/contracts';
import * as z from 'zod';

const boolean = z.enum(['true', 'false']).transform((value) => value === 'true');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const region = awsRegionSchema;

/** Every variable the API reads. Names match what `pnpm dev` passes (packages/dev-stack). */
const envSchema = z.object({
  ELEVATE_IDP_ISSUER: z.url({ protocol: /^https?$/ }),
  ELEVATE_API_AUDIENCE: z.string().min(1),
  ELEVATE_CLIENT_ID: z.string().min(1),
  ELEVATE_GROUPS_CLAIM: optional(z.string().min(1)).default('groups'),
  ELEVATE_GROUPS_SOURCE: optional(z.enum(['idToken', 'accessToken'])).default('idToken'),
  ELEVATE_JWKS_URI: optional(z.url({ protocol: /^https?$/ })),
  ELEVATE_CLOCK_TOLERANCE_SECONDS: optional(z.coerce.number().int().min(0).max(60)).default(30),
  ELEVATE_REQUIRE_AT_JWT: optional(boolean).default(true),
  ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM: optional(z.enum(ACCESS_TOKEN_AUDIENCE_CLAIMS)).default(
    'aud',
  ),
  ELEVATE_ACCESS_TOKEN_CLAIM: optional(z.string().regex(/^[\w:.-]{1,64}$/)).default('scp'),
  ELEVATE_EMAIL_CLAIM: optional(z.string().regex(/^[\w:.-]{1,64}$/)).default('email'),
  ELEVATE_REQUIRE_EMAIL_VERIFIED: optional(boolean).default(true),
  ELEVATE_WEB_ORIGIN: optional(
    z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin),
  ),
  ELEVATE_HOST: optional(z.string().min(1)).default('127.0.0.1'),
  ELEVATE_API_PORT: optional(z.coerce.number().int().min(0).max(65535)).default(8787),
  ELEVATE_DYNAMODB_ENDPOINT: optional(z.url()),
  ELEVATE_TABLE_NAME: optional(z.string().regex(/^[\w.-]{3,255}$/)).default('elevate'),
  ELEVATE_POLICY_FILE: optional(z.string().min(1)),
  ELEVATE_LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])).default('info'),
  // Federation (the federate function and the local server).
  AWS_REGION: optional(region),
  ELEVATE_STS_REGIONS: optional(
    z
      .string()
      .transform((list) => list.split(',').map((entry) => entry.trim()))
      .pipe(z.array(region).min(1)),
  ),
  ELEVATE_STS_ENDPOINTS: optional(
    z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be a JSON object of region → URL' });
          return z.NEVER;
        }
      })
      .pipe(z.record(region, z.url({ protocol: /^https?$/ }))),
  ),
  ELEVATE_SESSION_SECONDS: optional(z.coerce.number().int().min(900).max(3600)).default(3600),
  ELEVATE_FEDERATION_ENDPOINT: optional(z.url({ protocol: /^https?$/ })),
});

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface ApiConfig {
  oidc: {
    issuer: string;
    /** `aud` of access tokens (or their `client_id`, see `accessTokenAudience`). */
    audience: string;
    /** `aud` (default) or `client_id` (Amazon Cognito, whose access tokens carry no `aud`). */
    accessTokenAudience: AccessTokenAudienceClaim;
    /** `aud` of ID tokens: the SPA's client id. */
    clientId: string;
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
  };
  /** The SPA's origin, the only one CORS admits; unset when the SPA is served from the API's origin. */
  allowedOrigin: string | undefined;
  /** Where the local server listens; unused on Lambda. */
  server: { host: string; port: number };
  dynamodb: { endpoint: string | undefined; tableName: string };
  /** The policy YAML; the authorizer does not need it, the API refuses to start without it. */
  policyFile: string | undefined;
  logLevel: LogLevel;
  federation: FederationConfig;
}

/** What the federate route needs; checked when an app that serves it is composed. */
export interface FederationConfig {
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
  return {
    oidc: {
      issuer: e.ELEVATE_IDP_ISSUER,
      audience: e.ELEVATE_API_AUDIENCE,
      accessTokenAudience: e.ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM,
      clientId: e.ELEVATE_CLIENT_ID,
      groupsClaim: e.ELEVATE_GROUPS_CLAIM,
      groupsSource: e.ELEVATE_GROUPS_SOURCE,
      jwksUri: e.ELEVATE_JWKS_URI,
      clockToleranceSeconds: e.ELEVATE_CLOCK_TOLERANCE_SECONDS,
      requireAccessTokenType: e.ELEVATE_REQUIRE_AT_JWT,
      accessTokenClaim: e.ELEVATE_ACCESS_TOKEN_CLAIM,
      emailClaim: e.ELEVATE_EMAIL_CLAIM,
      requireEmailVerified: e.ELEVATE_REQUIRE_EMAIL_VERIFIED,
    },
    allowedOrigin: e.ELEVATE_WEB_ORIGIN,
    server: { host: e.ELEVATE_HOST, port: e.ELEVATE_API_PORT },
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
  ELEVATE_TABLE_NAME: optional(z.string().regex(/^[\w.-]{3,255}$/)).default('elevate'),
  ELEVATE_DYNAMODB_ENDPOINT: optional(z.url()),
  ELEVATE_POLICY_FILE: optional(z.string().min(1)),
  ELEVATE_LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])).default('info'),
  /** Base of deep links in messages; defaults to the SPA origin infra passes every function. */
  ELEVATE_APP_URL: optional(z.url({ protocol: /^https?$/ })),
  ELEVATE_WEB_ORIGIN: optional(z.url({ protocol: /^https?$/ })),
  /** The request-events topic; unset: no SNS channel (the local stack uses the dev mailbox). */
  ELEVATE_TOPIC_ARN: optional(
    z.string().regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256}$/, 'expected an SNS topic ARN'),
  ),
  /** A Slack incoming-webhook URL (a secret: never logged). Unset: no Slack channel. */
  ELEVATE_SLACK_WEBHOOK_URL: optional(z.url({ protocol: /^https$/ })),
  /** A pending request this old gets one reminder to its reviewers. */
  ELEVATE_REMINDER_AFTER_MINUTES: optional(
    z.coerce
      .number()
      .int()
      .min(5)
      .max(30 * 24 * 60),
  ).default(4 * 60),
  /** Local server only: how often the sweeper runs (EventBridge Scheduler runs it in AWS). */
  ELEVATE_SWEEP_INTERVAL_SECONDS: optional(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60 * 60),
  ).default(60),
  /** Local server only: where the dev mailbox keeps messages (`<dir>/mailbox.jsonl`). */
  ELEVATE_DATA_DIR: optional(z.string().min(1)),
  /** Local server only: the dev stack's personas, to map reviewer groups to mailboxes. */
  ELEVATE_DEV_CONFIG: optional(z.string().min(1)),
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
  sweepIntervalSeconds: number;
  dataDir: string | undefined;
  devConfigFile: string | undefined;
}

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
    sweepIntervalSeconds: e.ELEVATE_SWEEP_INTERVAL_SECONDS,
    dataDir: e.ELEVATE_DATA_DIR,
    devConfigFile: e.ELEVATE_DEV_CONFIG,
  };
}
