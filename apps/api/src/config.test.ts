import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const minimal = {
  ELEVATE_IDP_ISSUER: 'http://127.0.0.1:9400',
  ELEVATE_API_AUDIENCE: 'urn:elevate:api',
  ELEVATE_CLIENT_ID: 'elevate-web',
};

describe('loadConfig', () => {
  it('fills safe defaults around the three required OIDC settings', () => {
    expect(loadConfig(minimal)).toEqual({
      oidc: {
        provider: 'generic',
        issuer: 'http://127.0.0.1:9400',
        audience: 'urn:elevate:api',
        accessTokenAudience: 'aud',
        clientId: 'elevate-web',
        nativeClientId: undefined,
        groupsClaim: 'groups',
        groupsSource: 'idToken',
        jwksUri: undefined,
        clockToleranceSeconds: 30,
        requireAccessTokenType: true,
        accessTokenClaim: 'scp',
        emailClaim: 'email',
        requireEmailVerified: true,
        groupsSeparator: undefined,
        accessTokenFormat: 'jwt',
        accessTokenIdentityClaim: 'sub',
        idTokenIdentityClaim: 'sub',
        mfa: { amr: ['mfa'], acr: [], acrs: [], enforcedByIdp: false },
        jwksStaleIfErrorSeconds: 86400,
      },
      allowedOrigin: undefined,
      slackSecretId: undefined,
      server: {
        host: '127.0.0.1',
        port: 8787,
        admission: { concurrency: 16, queue: 64, maxWaitMs: 500 },
      },
      dynamodb: { endpoint: undefined, tableName: 'elevate' },
      policyFile: undefined,
      logLevel: 'info',
      federation: {
        deploymentRegion: undefined,
        stsRegions: [],
        stsEndpoints: undefined,
        sessionSeconds: 3600,
        federationEndpoint: undefined,
      },
    });
  });

  it('fills in a provider profile, and lets every single setting override it', () => {
    const okta = loadConfig({
      ...minimal,
      ELEVATE_IDP_PROVIDER: 'okta',
      ELEVATE_MFA_AMR: 'mfa, otp, hwk',
    }).oidc;
    expect(okta).toMatchObject({
      provider: 'okta',
      requireAccessTokenType: false,
      accessTokenIdentityClaim: 'uid',
      idTokenIdentityClaim: 'sub',
      mfa: { amr: ['mfa', 'otp', 'hwk'], acr: [], acrs: [], enforcedByIdp: false },
    });
    const entra = loadConfig({
      ...minimal,
      ELEVATE_IDP_PROVIDER: 'entra',
      ELEVATE_GROUPS_CLAIM: 'groups',
      ELEVATE_MFA_ACRS: 'c2',
    }).oidc;
    expect(entra).toMatchObject({
      groupsClaim: 'groups',
      accessTokenIdentityClaim: 'oid',
      mfa: { acrs: ['c2'] },
    });
  });

  it('uses the Cognito profile for a Cognito issuer, so the audience claim is client_id', () => {
    const cognito = loadConfig({
      ...minimal,
      ELEVATE_IDP_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
    }).oidc;
    expect(cognito).toMatchObject({
      provider: 'cognito',
      accessTokenAudience: 'client_id',
      groupsClaim: 'cognito:groups',
    });
    expect(
      loadConfig({
        ...minimal,
        ELEVATE_IDP_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
        ELEVATE_MFA_ENFORCED_BY_IDP: 'true',
      }).oidc.mfa.enforcedByIdp,
    ).toBe(true);
  });

  it('names a bad provider or authentication-context id', () => {
    expect(() => loadConfig({ ...minimal, ELEVATE_IDP_PROVIDER: 'ping' })).toThrow(
      /ELEVATE_IDP_PROVIDER/,
    );
    expect(() => loadConfig({ ...minimal, ELEVATE_MFA_ACRS: 'mfa' })).toThrow(/ELEVATE_MFA_ACRS/);
  });

  it('reads the federation settings: regions in failover order, endpoint overrides, session length', () => {
    const config = loadConfig({
      ...minimal,
      AWS_REGION: 'eu-west-1',
      ELEVATE_STS_REGIONS: 'eu-west-1, eu-central-1',
      ELEVATE_STS_ENDPOINTS: JSON.stringify({
        'eu-west-1': 'http://127.0.0.1:9100',
        'eu-central-1': 'http://127.0.0.1:9101',
      }),
      ELEVATE_SESSION_SECONDS: '1800',
      ELEVATE_FEDERATION_ENDPOINT: 'http://127.0.0.1:9100/federation',
    });
    expect(config.federation).toEqual({
      deploymentRegion: 'eu-west-1',
      stsRegions: ['eu-west-1', 'eu-central-1'],
      stsEndpoints: {
        'eu-west-1': 'http://127.0.0.1:9100',
        'eu-central-1': 'http://127.0.0.1:9101',
      },
      sessionSeconds: 1800,
      federationEndpoint: 'http://127.0.0.1:9100/federation',
    });
    expect(loadConfig({ ...minimal, AWS_REGION: 'us-east-2' }).federation.stsRegions).toEqual([
      'us-east-2',
    ]);
  });

  it.each([
    ['ELEVATE_STS_REGIONS', 'eu-west-1,mars-north-1x'],
    ['ELEVATE_STS_ENDPOINTS', '{not json'],
    ['ELEVATE_STS_ENDPOINTS', JSON.stringify({ 'eu-west-1': 'ftp://example.com' })],
    ['ELEVATE_SESSION_SECONDS', '7200'],
    ['ELEVATE_SESSION_SECONDS', '600'],
    ['AWS_REGION', 'Europe'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ ...minimal, [name]: value })).toThrow(name);
  });

  it('reads every optional variable, treating empty strings as unset', () => {
    const config = loadConfig({
      ...minimal,
      ELEVATE_GROUPS_CLAIM: 'roles',
      ELEVATE_GROUPS_SOURCE: 'accessToken',
      ELEVATE_JWKS_URI: '',
      ELEVATE_CLOCK_TOLERANCE_SECONDS: '60',
      ELEVATE_REQUIRE_AT_JWT: 'false',
      ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM: 'client_id',
      ELEVATE_ACCESS_TOKEN_CLAIM: 'scope',
      ELEVATE_EMAIL_CLAIM: 'upn',
      ELEVATE_REQUIRE_EMAIL_VERIFIED: 'false',
      ELEVATE_WEB_ORIGIN: 'http://127.0.0.1:5173/',
      ELEVATE_API_PORT: '9999',
      ELEVATE_DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      ELEVATE_TABLE_NAME: 'elevate-test',
      ELEVATE_POLICY_FILE: '/etc/elevate/policy.yaml',
      ELEVATE_LOG_LEVEL: 'warn',
    });
    expect(config.oidc).toMatchObject({
      groupsClaim: 'roles',
      groupsSource: 'accessToken',
      jwksUri: undefined,
      clockToleranceSeconds: 60,
      requireAccessTokenType: false,
      accessTokenAudience: 'client_id',
      accessTokenClaim: 'scope',
      emailClaim: 'upn',
      requireEmailVerified: false,
    });
    expect(config.allowedOrigin).toBe('http://127.0.0.1:5173');
    expect(config.server.port).toBe(9999);
    expect(config.dynamodb).toEqual({
      endpoint: 'http://127.0.0.1:8000',
      tableName: 'elevate-test',
    });
    expect(config.policyFile).toBe('/etc/elevate/policy.yaml');
    expect(config.logLevel).toBe('warn');
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => loadConfig({ ELEVATE_API_AUDIENCE: 'x', ELEVATE_CLIENT_ID: 'y' })).toThrow(
      /ELEVATE_IDP_ISSUER/,
    );
    expect(() => loadConfig({ ...minimal, ELEVATE_CLOCK_TOLERANCE_SECONDS: '61' })).toThrow(
      /ELEVATE_CLOCK_TOLERANCE_SECONDS/,
    );
    expect(() => loadConfig({ ...minimal, ELEVATE_REQUIRE_AT_JWT: 'yes' })).toThrow(
      /ELEVATE_REQUIRE_AT_JWT/,
    );
    expect(() => loadConfig({ ...minimal, ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM: 'azp' })).toThrow(
      /ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM/,
    );
    expect(() => loadConfig({ ...minimal, ELEVATE_ACCESS_TOKEN_CLAIM: 'a b' })).toThrow(
      /ELEVATE_ACCESS_TOKEN_CLAIM/,
    );
    expect(() => loadConfig({ ...minimal, ELEVATE_REQUIRE_EMAIL_VERIFIED: 'no' })).toThrow(
      /ELEVATE_REQUIRE_EMAIL_VERIFIED/,
    );
    expect(() => loadConfig({ ...minimal, ELEVATE_IDP_ISSUER: 'ftp://idp' })).toThrow(
      /ELEVATE_IDP_ISSUER/,
    );
  });
});
