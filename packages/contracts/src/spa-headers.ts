// What the SPA's host sends with every file: CloudFront in AWS (infra's web stack) and the dev
// stack's static server for the production build (the e2e journeys, `pnpm bench:web`). Declared
// here once so both send the same policy.

/** The path the SPA reads its runtime settings from (fetched on every load, never cached). */
export const RUNTIME_CONFIG_FILE = 'config.json';

/** Where vite puts content-hashed files (its `build.assetsDir`). */
export const HASHED_ASSET_DIR = 'assets';

/** For content-hashed files only: a year, never revalidated. */
export const HASHED_ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** HSTS lifetime CloudFront sends (two years), with subdomains. */
export const HSTS_MAX_AGE_SECONDS = 730 * 24 * 60 * 60;

/** Browser features the console never uses. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=()';

/** The SPA's content security policy: the page talks to itself, the IdP and the API, nothing else. */
export function contentSecurityPolicy(options: {
  readonly apiUrl: string;
  readonly idpOrigins: readonly string[];
  /**
   * `false` only for a loopback host over plain HTTP (the local stack), where upgrading requests
   * to https would break every call. Default `true`, as deployed.
   */
  readonly upgradeInsecureRequests?: boolean;
}): string {
  const idp = options.idpOrigins.join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "manifest-src 'self'",
    `connect-src 'self' ${options.apiUrl} ${idp}`,
    // oidc-client-ts may renew silently in a hidden iframe on the IdP.
    `frame-src ${idp}`,
    `form-action 'self' ${idp}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    ...(options.upgradeInsecureRequests === false ? [] : ['upgrade-insecure-requests']),
  ].join('; ');
}

/** Every security header of every response, by name, as CloudFront's response headers policy sends them. */
export function spaSecurityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': PERMISSIONS_POLICY,
  };
}
