import { z } from 'zod';

const boolean = z.enum(['true', 'false']).transform((value) => value === 'true');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

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
  ELEVATE_WEB_ORIGIN: optional(
    z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin),
  ),
  ELEVATE_HOST: optional(z.string().min(1)).default('127.0.0.1'),
  ELEVATE_API_PORT: optional(z.coerce.number().int().min(0).max(65535)).default(8787),
  ELEVATE_DYNAMODB_ENDPOINT: optional(z.url()),
  ELEVATE_TABLE_NAME: optional(z.string().regex(/^[\w.-]{3,255}$/)).default('elevate'),
  ELEVATE_POLICY_FILE: optional(z.string().min(1)),
  ELEVATE_LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])).default('info'),
});

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface ApiConfig {
  oidc: {
    issuer: string;
    /** `aud` of access tokens. */
    audience: string;
    /** `aud` of ID tokens: the SPA's client id. */
    clientId: string;
    groupsClaim: string;
    groupsSource: 'idToken' | 'accessToken';
    jwksUri: string | undefined;
    clockToleranceSeconds: number;
    requireAccessTokenType: boolean;
  };
  /** The SPA's origin, the only one CORS admits; unset when the SPA is served from the API's origin. */
  allowedOrigin: string | undefined;
  /** Where the local server listens; unused on Lambda. */
  server: { host: string; port: number };
  dynamodb: { endpoint: string | undefined; tableName: string };
  /** The policy YAML; the authorizer does not need it, the API refuses to start without it. */
  policyFile: string | undefined;
  logLevel: LogLevel;
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
      clientId: e.ELEVATE_CLIENT_ID,
      groupsClaim: e.ELEVATE_GROUPS_CLAIM,
      groupsSource: e.ELEVATE_GROUPS_SOURCE,
      jwksUri: e.ELEVATE_JWKS_URI,
      clockToleranceSeconds: e.ELEVATE_CLOCK_TOLERANCE_SECONDS,
      requireAccessTokenType: e.ELEVATE_REQUIRE_AT_JWT,
    },
    allowedOrigin: e.ELEVATE_WEB_ORIGIN,
    server: { host: e.ELEVATE_HOST, port: e.ELEVATE_API_PORT },
    dynamodb: { endpoint: e.ELEVATE_DYNAMODB_ENDPOINT, tableName: e.ELEVATE_TABLE_NAME },
    policyFile: e.ELEVATE_POLICY_FILE,
    logLevel: e.ELEVATE_LOG_LEVEL,
  };
}
