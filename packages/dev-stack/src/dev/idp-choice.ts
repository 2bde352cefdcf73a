import * as z from 'zod/mini';
import {
  authorizeParamsSchema,
  defaultProviderFor,
  IDP_PROVIDERS,
  jsonTextSchema,
  resolveIdpSettings,
  runtimeConfigFor,
  scopeSchema,
} from '@elevate/contracts';
import type { IdpProvider, IdpSettings, RuntimeConfigInput } from '@elevate/contracts';

/** The IdP `pnpm dev` wires the API and the SPA to: its own dev IdP, or one named by the environment. */
export type IdpChoice =
  | { kind: 'dev' }
  | {
      kind: 'external';
      issuer: string;
      clientId: string;
      audience: string;
      provider: IdpProvider;
    };

const list = (text: string | undefined): string[] | undefined =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');

const externalSchema = z.object({
  ELEVATE_IDP_ISSUER: z.url({ protocol: /^https?$/ }),
  ELEVATE_CLIENT_ID: z.string().check(z.minLength(1, 'set the SPA client id your IdP registered')),
  ELEVATE_API_AUDIENCE: z.optional(z.string().check(z.minLength(1))),
  ELEVATE_IDP_PROVIDER: z.optional(z.enum(IDP_PROVIDERS)),
  ELEVATE_IDP_SCOPE: z.optional(scopeSchema),
  ELEVATE_IDP_AUTHORIZE_PARAMS: z.optional(
    z.pipe(jsonTextSchema('must be a JSON object of parameter → value'), authorizeParamsSchema),
  ),
});

/**
 * `ELEVATE_IDP_ISSUER` set: skip the dev IdP and use that one, with `ELEVATE_CLIENT_ID` (required),
 * `ELEVATE_API_AUDIENCE` (default: the client id) and `ELEVATE_IDP_PROVIDER` (default: from the
 * issuer). Unset: the dev IdP. See docs/local-stack.md.
 */
export function idpChoiceFrom(env: NodeJS.ProcessEnv): IdpChoice {
  const blank = (value: string | undefined) => (value === '' ? undefined : value);
  if (blank(env['ELEVATE_IDP_ISSUER']) === undefined) return { kind: 'dev' };
  const parsed = externalSchema.safeParse(
    Object.fromEntries(Object.entries(env).map(([key, value]) => [key, blank(value)])),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`External IdP settings are incomplete:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    kind: 'external',
    issuer: e.ELEVATE_IDP_ISSUER,
    clientId: e.ELEVATE_CLIENT_ID,
    audience: e.ELEVATE_API_AUDIENCE ?? e.ELEVATE_CLIENT_ID,
    provider: e.ELEVATE_IDP_PROVIDER ?? defaultProviderFor(e.ELEVATE_IDP_ISSUER),
  };
}

/** The SPA-facing settings, from the same variables the API reads (profile + overrides). */
export function spaSettingsFrom(
  provider: IdpProvider,
  audience: string,
  env: NodeJS.ProcessEnv,
): IdpSettings {
  const params = externalSchema.shape.ELEVATE_IDP_AUTHORIZE_PARAMS.safeParse(
    env['ELEVATE_IDP_AUTHORIZE_PARAMS'] || undefined,
  );
  return resolveIdpSettings(provider, audience, {
    scope: env['ELEVATE_IDP_SCOPE'] || undefined,
    authorizeParams: params.success ? params.data : undefined,
    mfa: {
      acr: list(env['ELEVATE_MFA_ACR']),
      acrs: list(env['ELEVATE_MFA_ACRS']),
    },
  });
}

/** What vite serves as `/config.json` (passed as ELEVATE_RUNTIME_CONFIG). */
export function devRuntimeConfig(input: {
  issuer: string;
  clientId: string;
  apiUrl: string;
  settings: IdpSettings;
  nativeClientId?: string | undefined;
}): RuntimeConfigInput {
  return runtimeConfigFor({
    authority: input.issuer,
    clientId: input.clientId,
    apiUrl: input.apiUrl,
    settings: input.settings,
    nativeClientId: input.nativeClientId,
  });
}
