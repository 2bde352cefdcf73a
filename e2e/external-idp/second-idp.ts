// Where the second IdP (oauth2-mock-server, an OIDC server this project did not write) listens, and
// how Elevate is configured for it: only the documented settings (docs/local-stack.md, api-config.md).
import { devStackPersonas } from '@elevate/testing/personas';
import { stack, webDistFor } from '../tests/support/stack';

const offset = 100 + Number(process.env.E2E_PORT_OFFSET ?? 0);

export const secondIdp = {
  port: 9450 + offset,
  issuer: `http://127.0.0.1:${9450 + offset}`,
  clientId: 'elevate-web',
  audience: 'urn:elevate:api',
  /** The browser names who signs in by this cookie on the IdP's origin (the server has no login page). */
  userCookie: 'second_idp_user',
};

/** The people the second IdP knows: ids of its own, the e-mails and groups the policy expects. */
export const people = {
  alice: { ...devStackPersonas.alice, sub: 'mock|alice-5f2c' },
  rita: { ...devStackPersonas.rita, sub: 'mock|rita-91ab' },
} as const;

export type PersonKey = keyof typeof people;

/** `pnpm dev` pointed at the second IdP: the same e2e ports, a data folder of its own. */
export const externalStackEnv: Record<string, string> = {
  ...stack.env,
  ELEVATE_DATA_DIR: '.data/e2e-external',
  ELEVATE_WEB_DIST: webDistFor('.data/e2e-external'),
  ELEVATE_IDP_ISSUER: secondIdp.issuer,
  ELEVATE_CLIENT_ID: secondIdp.clientId,
  ELEVATE_API_AUDIENCE: secondIdp.audience,
  ELEVATE_IDP_PROVIDER: 'generic',
  // Its access tokens carry `typ: JWT`, not `at+jwt`; `scope` is what only they carry.
  ELEVATE_REQUIRE_AT_JWT: 'false',
  ELEVATE_ACCESS_TOKEN_CLAIM: 'scope',
  ELEVATE_IDP_SCOPE: 'openid profile email',
};
