import { describe, expect, it } from 'vitest';
import { isCognitoIssuer, noDeviceGrantMessage } from './device-grant-support';

const COGNITO = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example1';

describe('login --device where the IdP has no device grant', () => {
  it('recognises a Cognito user pool issuer', () => {
    expect(isCognitoIssuer(COGNITO)).toBe(true);
    expect(isCognitoIssuer('https://example.okta.com/oauth2/default')).toBe(false);
    expect(isCognitoIssuer('not a url')).toBe(false);
  });

  it('says in one line that Cognito has none and gives the exact ssh -L for its redirect port', () => {
    const line = noDeviceGrantMessage(COGNITO, 'http://localhost:8400/callback');
    expect(line).toBe(
      'Amazon Cognito has no device sign-in (RFC 8628) — run elevate login without --device; over SSH, connect with ssh -L 8400:127.0.0.1:8400 <host> and open the printed URL in your own browser (see docs/cli.md)',
    );
    expect(line).not.toContain('\n');
  });

  it('asks for a fixed redirect URI when the port is chosen at sign-in', () => {
    const line = noDeviceGrantMessage('https://idp.example', undefined);
    expect(line).toMatch(/^This sign-in service does not offer the device grant/);
    expect(line).toContain('configure a fixed --redirect-uri');
  });
});
