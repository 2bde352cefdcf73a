import * as z from 'zod/mini';

/** The IdPs Elevate knows how to talk to; `generic` is a standards-only OIDC provider. */
export const IDP_PROVIDERS = [
  'okta',
  'entra',
  'cognito',
  'auth0',
  'keycloak',
  'google',
  'generic',
] as const;
export type IdpProvider = (typeof IDP_PROVIDERS)[number];

/** A claim name as IdPs spell them (`cognito:groups`, `https://example.com/groups`). */
export const claimNameSchema = z
  .string()
  .check(z.regex(/^[\w:./-]{1,128}$/, 'expected a claim name such as groups or cognito:groups'));

/** Space-separated OAuth scopes starting with `openid` (RFC 6749 §3.3 scope-token characters). */
export const scopeSchema = z
  .string()
  .check(
    z.regex(
      /^openid( [\x21\x23-\x5b\x5d-\x7e]+)*$/,
      'expected space-separated scopes starting with openid',
    ),
  );

/**
 * Authorize parameters the SPA sets itself (or oidc-client-ts does): an extra parameter must never
 * replace them, or sign-in would lose PKCE, state or nonce.
 */
export const RESERVED_AUTHORIZE_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'request',
  'request_uri',
] as const;

/** Extra authorize parameters, e.g. `audience` (Auth0) or `resource` (RFC 8707). */
export const authorizeParamsSchema = z
  .record(z.string(), z.string().check(z.minLength(1), z.maxLength(2048)))
  .check(
    z.superRefine((params, ctx) => {
      for (const name of Object.keys(params)) {
        if ((RESERVED_AUTHORIZE_PARAMS as readonly string[]).includes(name)) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is set by the sign-in itself and cannot be overridden',
          });
        } else if (!/^[a-z_]{1,64}$/.test(name)) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'expected a parameter name such as audience or resource',
          });
        }
      }
    }),
  );
export type AuthorizeParams = z.infer<typeof authorizeParamsSchema>;

/**
 * What counts as proof of MFA in a sign-in. Any one match is enough: an `amr` value (RFC 8176), an
 * `acr` value, an Entra authentication-context id in `acrs`, or — for IdPs whose tokens carry no
 * per-sign-in signal (Cognito) — the operator's statement that the IdP demands MFA of everyone.
 */
const mfaEvidenceFields = {
  amr: z.array(z.string().check(z.minLength(1), z.maxLength(64))),
  acr: z.array(z.string().check(z.minLength(1), z.maxLength(256))),
  acrs: z.array(
    z.string().check(z.regex(/^c\d{1,2}$/, 'expected an authentication context id such as c1')),
  ),
  enforcedByIdp: z.boolean(),
};

export const mfaEvidenceSchema = z.strictObject({
  amr: z._default(mfaEvidenceFields.amr, []),
  acr: z._default(mfaEvidenceFields.acr, []),
  acrs: z._default(mfaEvidenceFields.acrs, []),
  enforcedByIdp: z._default(mfaEvidenceFields.enforcedByIdp, false),
});

/** An operator's MFA settings: each field given replaces the provider's default. */
export const mfaEvidenceOverridesSchema = z.strictObject({
  amr: z.optional(mfaEvidenceFields.amr),
  acr: z.optional(mfaEvidenceFields.acr),
  acrs: z.optional(mfaEvidenceFields.acrs),
  enforcedByIdp: z.optional(mfaEvidenceFields.enforcedByIdp),
});
export type MfaEvidence = z.output<typeof mfaEvidenceSchema>;

/** Whether any sign-in could ever satisfy a step-up rule under `evidence`. */
export const mfaEvidenceConfigured = (evidence: MfaEvidence): boolean =>
  evidence.enforcedByIdp ||
  evidence.amr.length > 0 ||
  evidence.acr.length > 0 ||
  evidence.acrs.length > 0;

/** Everything one IdP needs from Elevate, on the SPA's side and the API's. */
export interface IdpSettings {
  provider: IdpProvider;
  /** Scopes the SPA asks for. `{audience}` stands for the API audience. */
  scope: string;
  /** Extra authorize parameters on every sign-in. `{audience}` stands for the API audience. */
  authorizeParams: AuthorizeParams;
  /** Where access tokens name the API: `aud`, or `client_id` (Cognito). */
  accessTokenAudienceClaim: 'aud' | 'client_id';
  /** `jwt`: verify the access token as a JWT. `bound`: opaque access token (Google), bound to the ID token by `at_hash`. */
  accessTokenFormat: 'jwt' | 'bound';
  /** Require `typ: at+jwt` on access tokens (RFC 9068). */
  requireAccessTokenType: boolean;
  /** Without `at+jwt` and with `aud` audiences: a claim only access tokens carry. */
  accessTokenClaim: string;
  /** The claim pair that must be equal in the two tokens to prove they are about one person. */
  identityClaims: { accessToken: string; idToken: string };
  /** The ID-token claim with the person's e-mail address. */
  emailClaim: string;
  groups: {
    claim: string;
    source: 'idToken' | 'accessToken';
    /** When the claim is one string: split by this (`,` or ` `); unset: a lone string is one group. */
    separator: string | undefined;
  };
  /** What proves MFA for step-up rules. */
  mfa: MfaEvidence;
}

/** Auth0 asks for MFA when this `acr_values` is sent and reports it in `amr`. */
export const AUTH0_MFA_ACR = 'http://schemas.openid.net/pape/policies/2007/06/multi-factor';

const noMfa: MfaEvidence = { amr: [], acr: [], acrs: [], enforcedByIdp: false };

/**
 * Each provider's documented defaults. Okta: access tokens name the login in `sub` and the user id
 * in `uid`, ID tokens the user id in `sub`. Entra ID: v2 tokens, `oid` in both, app roles in
 * `roles`, MFA as authentication context `c1`. Cognito: `client_id` + `token_use`, no `amr`, no
 * `groups`/`offline_access` scopes. Auth0: the API is chosen by the `audience` parameter. Keycloak:
 * `scope` only in access tokens. Google: opaque access tokens, so the ID token is verified and the
 * access token bound to it by `at_hash`. docs/deploy.md explains each value.
 */
export const IDP_PROFILES: Readonly<Record<IdpProvider, IdpSettings>> = {
  generic: {
    provider: 'generic',
    scope: 'openid profile email groups offline_access',
    authorizeParams: {},
    accessTokenAudienceClaim: 'aud',
    accessTokenFormat: 'jwt',
    requireAccessTokenType: true,
    accessTokenClaim: 'scp',
    identityClaims: { accessToken: 'sub', idToken: 'sub' },
    emailClaim: 'email',
    groups: { claim: 'groups', source: 'idToken', separator: undefined },
    mfa: { ...noMfa, amr: ['mfa'] },
  },
  okta: {
    provider: 'okta',
    scope: 'openid profile email groups offline_access',
    authorizeParams: {},
    accessTokenAudienceClaim: 'aud',
    accessTokenFormat: 'jwt',
    requireAccessTokenType: false,
    accessTokenClaim: 'scp',
    identityClaims: { accessToken: 'uid', idToken: 'sub' },
    emailClaim: 'email',
    groups: { claim: 'groups', source: 'idToken', separator: undefined },
    mfa: { ...noMfa, amr: ['mfa'] },
  },
  entra: {
    provider: 'entra',
    scope: 'openid profile email offline_access api://{audience}/access_as_user',
    authorizeParams: {},
    accessTokenAudienceClaim: 'aud',
    accessTokenFormat: 'jwt',
    requireAccessTokenType: false,
    accessTokenClaim: 'scp',
    identityClaims: { accessToken: 'oid', idToken: 'oid' },
    emailClaim: 'upn',
    groups: { claim: 'roles', source: 'idToken', separator: undefined },
    mfa: { ...noMfa, amr: ['mfa'], acrs: ['c1'] },
  },
  cognito: {
    provider: 'cognito',
    scope: 'openid profile email',
    authorizeParams: {},
    accessTokenAudienceClaim: 'client_id',
    accessTokenFormat: 'jwt',
    requireAccessTokenType: false,
    accessTokenClaim: 'scope',
    identityClaims: { accessToken: 'sub', idToken: 'sub' },
    emailClaim: 'email',
    groups: { claim: 'cognito:groups', source: 'idToken', separator: undefined },
    mfa: noMfa,
  },
  auth0: {
    provider: 'auth0',
    scope: 'openid profile email offline_access',
    authorizeParams: { audience: '{audience}' },
    accessTokenAudienceClaim: 'aud',
    accessTokenFormat: 'jwt',
    requireAccessTokenType: false,
    accessTokenClaim: 'scope',
    identityClaims: { accessToken: 'sub', idToken: 'sub' },
    emailClaim: 'email',
    groups: { claim: 'https://elevate/groups', source: 'idToken', separator: undefined },
    mfa: { ...noMfa, amr: ['mfa'], acr: [AUTH0_MFA_ACR] },
  },
  keycloak: {
    provider: 'keycloak',
    scope: 'openid profile email',
    authorizeParams: {},
    accessTokenAudienceClaim: 'aud',
    accessTokenFormat: 'jwt',
    requireAccessTokenType: false,
    accessTokenClaim: 'scope',
    identityClaims: { accessToken: 'sub', idToken: 'sub' },
    emailClaim: 'email',
    groups: { claim: 'groups', source: 'idToken', separator: undefined },
    mfa: { ...noMfa, amr: ['mfa', 'otp', 'hwk'] },
  },
  google: {
    provider: 'google',
    scope: 'openid profile email',
    authorizeParams: {},
    accessTokenAudienceClaim: 'aud',
    accessTokenFormat: 'bound',
    requireAccessTokenType: false,
    accessTokenClaim: 'scp',
    identityClaims: { accessToken: 'sub', idToken: 'sub' },
    emailClaim: 'email',
    groups: { claim: 'groups', source: 'idToken', separator: undefined },
    mfa: noMfa,
  },
};

/** A Cognito user pool's issuer: `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
export const isCognitoIssuer = (issuer: string): boolean =>
  /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[\w-]+$/.test(issuer);

/** The provider when none is configured: `cognito` for a Cognito issuer, else `generic`. */
export const defaultProviderFor = (issuer: string): IdpProvider =>
  isCognitoIssuer(issuer) ? 'cognito' : 'generic';

/** What an operator may override; every field optional, unset means the provider's default. */
export interface IdpOverrides {
  scope?: string | undefined;
  authorizeParams?: AuthorizeParams | undefined;
  accessTokenAudienceClaim?: 'aud' | 'client_id' | undefined;
  accessTokenFormat?: 'jwt' | 'bound' | undefined;
  requireAccessTokenType?: boolean | undefined;
  accessTokenClaim?: string | undefined;
  accessTokenIdentityClaim?: string | undefined;
  idTokenIdentityClaim?: string | undefined;
  emailClaim?: string | undefined;
  groupsClaim?: string | undefined;
  groupsSource?: 'idToken' | 'accessToken' | undefined;
  groupsSeparator?: string | undefined;
  mfa?: Partial<MfaEvidence> | undefined;
}

const fill = (template: string, audience: string): string =>
  template.replaceAll('{audience}', audience.replace(/^api:\/\//, ''));

/**
 * The provider's defaults with the operator's overrides on top, and `{audience}` filled in. The one
 * place that decides a setting, used by infra, the API and the dev stack alike.
 */
export function resolveIdpSettings(
  provider: IdpProvider,
  audience: string,
  overrides: IdpOverrides = {},
): IdpSettings {
  const base = IDP_PROFILES[provider];
  const params = overrides.authorizeParams ?? base.authorizeParams;
  return {
    provider,
    scope: fill(overrides.scope ?? base.scope, audience),
    authorizeParams: Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        value.replaceAll('{audience}', audience),
      ]),
    ),
    accessTokenAudienceClaim: overrides.accessTokenAudienceClaim ?? base.accessTokenAudienceClaim,
    accessTokenFormat: overrides.accessTokenFormat ?? base.accessTokenFormat,
    requireAccessTokenType: overrides.requireAccessTokenType ?? base.requireAccessTokenType,
    accessTokenClaim: overrides.accessTokenClaim ?? base.accessTokenClaim,
    identityClaims: {
      accessToken: overrides.accessTokenIdentityClaim ?? base.identityClaims.accessToken,
      idToken: overrides.idTokenIdentityClaim ?? base.identityClaims.idToken,
    },
    emailClaim: overrides.emailClaim ?? base.emailClaim,
    groups: {
      claim: overrides.groupsClaim ?? base.groups.claim,
      source: overrides.groupsSource ?? base.groups.source,
      separator: overrides.groupsSeparator ?? base.groups.separator,
    },
    mfa: { ...base.mfa, ...definedOnly(overrides.mfa ?? {}) },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}

/**
 * The extra authorize parameters a step-up sign-in sends so the IdP asks for MFA: `acr_values` for
 * `acr` evidence, and Entra's `claims` request for an authentication context. `prompt=login` and
 * `max_age=0` are always added by the SPA.
 */
export function stepUpAuthorizeParams(evidence: MfaEvidence): AuthorizeParams {
  const [context] = evidence.acrs;
  return {
    ...(evidence.acr.length > 0 ? { acr_values: evidence.acr.join(' ') } : {}),
    ...(context === undefined
      ? {}
      : {
          claims: JSON.stringify({
            id_token: { acrs: { essential: true, value: context } },
            access_token: { acrs: { essential: true, value: context } },
          }),
        }),
  };
}
