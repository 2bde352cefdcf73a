import { describe, expect, it } from 'vitest';
import { runtimeConfigSchema } from '@elevate/contracts';
import { devRuntimeConfig, idpChoiceFrom, spaSettingsFrom } from './idp-choice';

describe('the IdP pnpm dev uses', () => {
  it('is the dev IdP unless ELEVATE_IDP_ISSUER is set', () => {
    expect(idpChoiceFrom({})).toEqual({ kind: 'dev' });
    expect(idpChoiceFrom({ ELEVATE_IDP_ISSUER: '' })).toEqual({ kind: 'dev' });
  });

  it('is the named IdP, with audience and provider defaulted from it', () => {
    expect(
      idpChoiceFrom({
        ELEVATE_IDP_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
        ELEVATE_CLIENT_ID: 'app-client',
      }),
    ).toEqual({
      kind: 'external',
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
      clientId: 'app-client',
      audience: 'app-client',
      provider: 'cognito',
    });
  });

  it('names what is missing', () => {
    expect(() => idpChoiceFrom({ ELEVATE_IDP_ISSUER: 'https://idp.example' })).toThrow(
      /ELEVATE_CLIENT_ID/,
    );
    expect(() =>
      idpChoiceFrom({
        ELEVATE_IDP_ISSUER: 'https://idp.example',
        ELEVATE_CLIENT_ID: 'c',
        ELEVATE_IDP_PROVIDER: 'ping',
      }),
    ).toThrow(/ELEVATE_IDP_PROVIDER/);
  });

  it('gives the SPA a config.json the SPA accepts, with the scope and parameters set', () => {
    const settings = spaSettingsFrom('auth0', 'https://api.example', {
      ELEVATE_IDP_SCOPE: 'openid email',
      ELEVATE_MFA_ACR: 'urn:mfa',
    });
    const config = runtimeConfigSchema.parse(
      devRuntimeConfig({
        issuer: 'https://acme.auth0.com/',
        clientId: 'c',
        apiUrl: 'http://127.0.0.1:8787',
        settings,
      }),
    );
    expect(config).toMatchObject({
      scope: 'openid email',
      authorizeParams: { audience: 'https://api.example' },
      stepUp: { authorizeParams: { acr_values: 'urn:mfa' } },
    });
  });
});
