import { errors, type Configuration, type KoaContextWithOIDC } from './oidc-provider';
import type { Persona } from '../config/dev-config';
import { renderErrorPage, renderLogoutPage, renderSignedOutPage } from './idp-pages';
import {
  renderDeviceCodePage,
  renderDeviceConfirmPage,
  renderDeviceDonePage,
} from './device-pages';
import type { IdpKeys } from './idp-key-store';

export interface DevIdpClient {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

/**
 * The terminal's public client (the `elevate` CLI): RFC 8252 loopback redirects on any port, and the
 * RFC 8628 device grant for sessions without a browser.
 */
export interface DevIdpNativeClient {
  clientId: string;
}

export interface DevIdpSettings {
  personas: readonly Persona[];
  client: DevIdpClient;
  nativeClient?: DevIdpNativeClient | undefined;
  apiAudience: string;
  groupsClaim: string;
  accessTokenTtlSeconds: number;
  idTokenTtlSeconds: number;
}

/** A workday: long enough not to interrupt local work, short enough that stale state goes away. */
const SESSION_TTL_SECONDS = 12 * 60 * 60;
const INTERACTION_TTL_SECONDS = 60 * 60;
const AUTHORIZATION_CODE_TTL_SECONDS = 60;
/** RFC 8628: long enough to walk to another device and type a code; the CLI polls meanwhile. */
const DEVICE_CODE_TTL_SECONDS = 10 * 60;
/** RFC 8252 §7.3: the port varies per run, so the registered URI names none. */
const NATIVE_REDIRECT_URIS = ['http://127.0.0.1/callback', 'http://[::1]/callback'];
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** Scopes the SPA asks for; each maps to the claims it releases. */
const OIDC_SCOPES = ['openid', 'offline_access', 'profile', 'email', 'groups'];
/** The API's scope list: what a JWT access token for the API may carry in `scope`. */
const API_SCOPE = 'openid profile email groups';

/** The oidc-provider configuration of the dev IdP: first-party public clients (SPA, optional CLI), JWT access tokens for the API. */
export function devIdpConfiguration(settings: DevIdpSettings, keys: IdpKeys): Configuration {
  const { personas, client, apiAudience, groupsClaim } = settings;
  const personaBySub = new Map(personas.map((p) => [p.sub, p]));
  const redirectOrigins = new Set(client.redirectUris.map((uri) => new URL(uri).origin));
  const nativeClient = settings.nativeClient;
  // Both first-party clients get implied consent, refresh tokens and the API's audience.
  const firstParty = new Set([client.clientId, ...(nativeClient ? [nativeClient.clientId] : [])]);

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
      ...(nativeClient
        ? [
            {
              client_id: nativeClient.clientId,
              // `native` lets a loopback redirect URI match on any port (RFC 8252 §7.3).
              application_type: 'native' as const,
              token_endpoint_auth_method: 'none' as const,
              grant_types: ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT],
              response_types: ['code' as const],
              redirect_uris: NATIVE_REDIRECT_URIS,
              require_auth_time: true,
            },
          ]
        : []),
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
      if (!account || !session || !requester || !firstParty.has(requester.clientId))
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
      return firstParty.has(requester.clientId) && requester.grantTypeAllowed('refresh_token');
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
      // RFC 8628 for `elevate login --device`: the user types the code at /device, signs in there.
      deviceFlow: {
        enabled: nativeClient !== undefined,
        charset: 'base-20',
        mask: '****-****',
        userCodeInputSource(ctx, form, _out, err) {
          html(
            ctx,
            err ? 400 : 200,
            renderDeviceCodePage(form, err ? 'That code is not valid or has expired.' : undefined),
          );
        },
        userCodeConfirmSource(ctx, form, deviceClient, _deviceInfo, userCode) {
          html(ctx, 200, renderDeviceConfirmPage(form, deviceClient.clientId, userCode));
        },
        successSource(ctx) {
          html(ctx, 200, renderDeviceDonePage());
        },
      },
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
          if (resourceIndicator !== apiAudience || !firstParty.has(requester.clientId)) {
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
      DeviceCode: DEVICE_CODE_TTL_SECONDS,
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
