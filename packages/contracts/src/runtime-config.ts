import * as z from 'zod/mini';
import { authorizeParamsSchema, scopeSchema, stepUpAuthorizeParams } from './idp-profile';
import type { IdpSettings } from './idp-profile';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** The scopes the SPA asks for when `config.json` names none (a standards-only IdP). */
export const DEFAULT_SCOPE = 'openid profile email groups offline_access';

/**
 * `/config.json`: the SPA's runtime configuration, written by infra (web stack) and by the dev stack
 * (vite), read by the SPA. Declared once here so that no writer can add a field a reader drops.
 */
export const runtimeConfigSchema = z.object({
  /** The IdP's issuer; its discovery document lives under it. */
  authority: httpUrl,
  clientId: z.string().check(z.minLength(1, 'must not be empty')),
  apiUrl: httpUrl,
  /** Where the IdP sends the user back; a path on this origin. */
  redirectPath: z._default(
    z
      .string()
      .check(z.regex(/^\/(?!\/)/, 'must be a path on this site, starting with a single "/"')),
    '/auth/callback',
  ),
  /** Scopes asked for at sign-in (Entra ID and Cognito refuse some of the default ones). */
  scope: z._default(scopeSchema, DEFAULT_SCOPE),
  /** Extra authorize parameters on every sign-in: `audience` (Auth0), `resource` (RFC 8707). */
  authorizeParams: z._default(authorizeParamsSchema, {}),
  /** What a step-up sign-in adds so the IdP asks for MFA (`acr_values`, Entra's `claims`). */
  stepUp: z._default(z.object({ authorizeParams: z._default(authorizeParamsSchema, {}) }), {
    authorizeParams: {},
  }),
  /** The CLI's public client (`elevate configure --url` reads it; the SPA ignores it). */
  nativeClientId: z.optional(z.string().check(z.minLength(1))),
  /** A fixed loopback redirect for IdPs that match redirect URIs exactly (Cognito). */
  nativeRedirectUri: z.optional(httpUrl),
});

/** `config.json` as written (defaults may be left out). */
export type RuntimeConfigInput = z.input<typeof runtimeConfigSchema>;
/** `config.json` as read, with defaults filled in. */
export type RuntimeConfig = z.output<typeof runtimeConfigSchema>;

/**
 * The `config.json` for an IdP's resolved settings: what infra writes in AWS and the dev stack
 * serves locally, so both derive scope and parameters the same way.
 */
export function runtimeConfigFor(input: {
  authority: string;
  clientId: string;
  apiUrl: string;
  settings: IdpSettings;
  nativeClientId?: string | undefined;
  nativeRedirectUri?: string | undefined;
}): RuntimeConfigInput {
  return {
    authority: input.authority,
    clientId: input.clientId,
    apiUrl: input.apiUrl,
    scope: input.settings.scope,
    authorizeParams: input.settings.authorizeParams,
    stepUp: { authorizeParams: stepUpAuthorizeParams(input.settings.mfa) },
    ...(input.nativeClientId === undefined ? {} : { nativeClientId: input.nativeClientId }),
    ...(input.nativeRedirectUri === undefined
      ? {}
      : { nativeRedirectUri: input.nativeRedirectUri }),
  };
}
