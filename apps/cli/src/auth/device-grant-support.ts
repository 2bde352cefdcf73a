import { parseRedirectUri } from './loopback-redirect';

/** Amazon Cognito user pools: `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
const COGNITO_ISSUER = /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

export function isCognitoIssuer(issuer: string): boolean {
  try {
    return COGNITO_ISSUER.test(new URL(issuer).hostname);
  } catch {
    return false;
  }
}

/**
 * The one line `elevate login --device` prints when the IdP's discovery document has no
 * `device_authorization_endpoint` (Amazon Cognito user pools never have one: they offer the
 * authorization code, implicit and client credentials grants only). It says what works instead:
 * the loopback sign-in, over SSH with the redirect port forwarded to this host.
 */
export function noDeviceGrantMessage(issuer: string, redirectUri: string | undefined): string {
  const who = isCognitoIssuer(issuer)
    ? 'Amazon Cognito has no device sign-in (RFC 8628)'
    : 'This sign-in service does not offer the device grant (RFC 8628)';
  let port: number | undefined;
  try {
    port = parseRedirectUri(redirectUri).port || undefined;
  } catch {
    port = undefined;
  }
  const ssh =
    port === undefined
      ? 'over SSH, configure a fixed --redirect-uri (elevate configure) and forward its port with ssh -L'
      : `over SSH, connect with ssh -L ${port}:127.0.0.1:${port} <host> and open the printed URL in your own browser`;
  return `${who} — run elevate login without --device; ${ssh} (see docs/cli.md)`;
}
