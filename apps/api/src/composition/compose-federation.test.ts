import { describe, expect, it } from 'vitest';
import { composeApp } from './compose-app';
import { loadConfig } from '../config';
import { createJsonLogger } from '../logger';
import { EXAMPLE_COMPILED_POLICY_FILE } from '@elevate/testing';

const base = {
  ELEVATE_IDP_ISSUER: 'http://127.0.0.1:9',
  ELEVATE_API_AUDIENCE: 'urn:elevate:api',
  ELEVATE_CLIENT_ID: 'elevate-web',
  ELEVATE_POLICY_FILE: EXAMPLE_COMPILED_POLICY_FILE,
};
const silent = { logger: createJsonLogger({ level: 'silent' }) };

describe('composing an app with the federate route', () => {
  it('builds STS and console sign-in from the configuration', () => {
    const { deps } = composeApp(
      loadConfig({
        ...base,
        ELEVATE_WEB_ORIGIN: 'https://elevate.example.com',
        AWS_REGION: 'eu-west-1',
        ELEVATE_STS_REGIONS: 'eu-west-1,eu-central-1',
        ELEVATE_SESSION_SECONDS: '1800',
      }),
      silent,
      { routes: 'federate' },
    );
    expect(deps.federation).toMatchObject({ sessionSeconds: 1800, defaultRegion: 'eu-west-1' });
    expect(deps.sessions).toBeDefined();
  });

  it('stops when no STS region is configured', () => {
    const config = loadConfig({ ...base, ELEVATE_WEB_ORIGIN: 'https://elevate.example.com' });
    expect(() => composeApp(config, silent, { routes: 'all' })).toThrow(/ELEVATE_STS_REGIONS/);
  });

  it('stops when the SPA origin, the sign-in issuer, is not configured', () => {
    const config = loadConfig({ ...base, AWS_REGION: 'eu-west-1' });
    expect(() => composeApp(config, silent, { routes: 'federate' })).toThrow(/ELEVATE_WEB_ORIGIN/);
  });

  it('needs none of it for the API function, which does not serve the route', () => {
    const { deps } = composeApp(loadConfig(base), silent, { routes: 'api' });
    expect(deps.federation).toBeUndefined();
  });
});
