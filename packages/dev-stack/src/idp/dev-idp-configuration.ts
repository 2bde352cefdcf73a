import { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Persona } from '../config/dev-config';
import { renderErrorPage, renderLogoutPage, renderSignedOutPage } from './idp-pages';
import type { IdpKeys } from './idp-key-store';

export interface DevIdpClient {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface DevIdpSettings {
  personas: readonly Persona[];
  client: DevIdpClient;
  apiAudience: string;
  groupsClaim: string;
  accessTokenTtlSeconds: number;
  idTokenTtlSeconds: number;
}

/** A workday: long enough not to interrupt local work, short enough that stale state goes away. */
const SESSION_TTL_SECONDS = 12 * 60 * 60;
const INTERACTION_TTL_SECONDS = 60 * 60;
const AUTHORIZATION_CODE_TTL_SECONDS = 60;

/** Scopes the SPA asks for; each maps to the claims it releases. */
const OIDC_SCOPES = ['openid', 'offline_access', 'profile', 'email', 'groups'];
/** The API's scope list: what a JWT access token for the API may carry in `scope`. */
const API_SCOPE = 'openid profile email groups';

/** The oidc-provider configuration of the dev IdP: one first-party public client, JWT access tokens for the API. */
export function devIdpConfiguration(settings: DevIdpSettings, keys: IdpKeys): Configuration {
  const { personas, client, apiAudience, groupsClaim } = settings;
  const personaBySub = new Map(personas.map((p) => [p.sub, p]));
  const redirectOrigins = new Set(client.redirectUris.map((uri) => new URL(uri).origin));

  return {
    clients: [
      {
        client_id: client.clientId,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        // The broker compares auth_time with its step-up window, so every ID token carries it.
        require_auth_time: true,
      },
    ],
    jwks: keys.jwks,
    cookies: {
      // Cookies are scoped by host, not port: prefixed names keep the SPA and API on 127.0.0.1 out of the way.
      names: {
        session: 'elevate_idp_session',
        interaction: 'elevate_idp_interaction',
        resume: 'elevate_idp_resume',
      },
      keys: keys.cookieKeys,
    },
    scopes: OIDC_SCOPES,
    claims: {
      // `amr` is listed under `openid` so oidc-provider puts it into the ID token.
      openid: ['sub', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: [groupsClaim],
      acr: null,
      auth_time: null,
      sid: null,
    },
    // Without this, a JWT access token for the API would push profile claims to userinfo only.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const persona = personaBySub.get(sub);
      if (!persona) return undefined;
      return {
        accountId: persona.sub,
        claims: () => ({
          sub: persona.sub,
          email: persona.email,
          email_verified: true,
          name: persona.name,
          [groupsClaim]: [...persona.groups],
        }),
      };
    },
    // First-party client: consent is implied, so the grant always covers what the client asks for.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const { account, session } = oidc;
      const requester = oidc.client;
      if (!account || !session || !requester || requester.clientId !== client.clientId)
        return undefined;
      const grantId = oidc.result?.consent?.grantId ?? session.grantIdFor(requester.clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      const grant =
        existing && existing.accountId === account.accountId
          ? existing
          : new oidc.provider.Grant({ accountId: account.accountId, clientId: requester.clientId });
      grant.addOIDCScope(oidc.requestParamOIDCScopes);
      if (oidc.requestParamClaims.size > 0) grant.addOIDCClaims(oidc.requestParamClaims);
      for (const resourceServer of Object.values(oidc.resourceServers ?? {})) {
        grant.addResourceScope(resourceServer.identifier(), resourceServer.scope);
      }
      await grant.save();
      return grant;
    },
    // oidc-provider drops offline_access unless prompt=consent; the SPA still needs refresh tokens.
    async issueRefreshToken(_ctx, requester) {
      return requester.clientId === client.clientId && requester.grantTypeAllowed('refresh_token');
    },
    pkce: { required: () => true },
    clientBasedCORS(_ctx, origin, requester) {
      return requester.clientId === client.clientId && redirectOrigins.has(origin);
    },
    async extraTokenClaims(_ctx, token) {
      // Convenience for the API's logs; the API takes identity from the ID token.
      const persona =
        'accountId' in token && token.accountId ? personaBySub.get(token.accountId) : undefined;
      return persona ? { email: persona.email, [groupsClaim]: [...persona.groups] } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          html(ctx, 200, renderLogoutPage(form));
        },
        postLogoutSuccessSource(ctx) {
          html(ctx, 200, renderSignedOutPage());
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiAudience,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, resourceIndicator, requester) {
          if (resourceIndicator !== apiAudience || requester.clientId !== client.clientId) {
            throw new errors.InvalidTarget();
          }
          return {
            scope: API_SCOPE,
            audience: apiAudience,
            accessTokenTTL: settings.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: settings.accessTokenTtlSeconds,
      IdToken: settings.idTokenTtlSeconds,
      AuthorizationCode: AUTHORIZATION_CODE_TTL_SECONDS,
      Interaction: INTERACTION_TTL_SECONDS,
      Session: SESSION_TTL_SECONDS,
      Grant: SESSION_TTL_SECONDS,
      // Rotation keeps the original expiry, so a refresh token family never outlives a workday.
      RefreshToken: (ctx) =>
        ctx.oidc.entities.RotatedRefreshToken?.remainingTTL ?? SESSION_TTL_SECONDS,
    },
    renderError(ctx, out) {
      html(ctx, ctx.status >= 400 ? ctx.status : 400, renderErrorPage(out));
    },
  };
}

function html(ctx: KoaContextWithOIDC, status: number, body: string): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.body = body;
}
