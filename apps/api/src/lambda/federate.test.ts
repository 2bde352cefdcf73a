import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyResult, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { EXAMPLE_COMPILED_POLICY_FILE } from '@elevate/testing';
import { httpApiEvent } from '../testing/http-api-event';

beforeEach(() => {
  vi.resetModules();
  vi.stubEnv('ELEVATE_IDP_ISSUER', 'https://idp.example');
  vi.stubEnv('ELEVATE_API_AUDIENCE', 'urn:elevate:api');
  vi.stubEnv('ELEVATE_CLIENT_ID', 'elevate-web');
  vi.stubEnv('ELEVATE_LOG_LEVEL', 'silent');
  vi.stubEnv('ELEVATE_POLICY_FILE', EXAMPLE_COMPILED_POLICY_FILE);
  vi.stubEnv('ELEVATE_WEB_ORIGIN', 'https://elevate.example.com');
  vi.stubEnv('AWS_REGION', 'eu-west-1');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const httpEvent = (method: string, path: string): LambdaEvent =>
  httpApiEvent(method, path, {
    headers: { 'content-type': 'application/json' },
    body: method === 'POST' ? '{"kind":"cli"}' : null,
  });

describe('the federate Lambda entry point', () => {
  it('composes with STS settings and authenticates before anything else', async () => {
    vi.stubEnv('ELEVATE_STS_REGIONS', 'eu-west-1,eu-central-1');
    const { handler } = await import('./federate');
    const context = {} as LambdaContext;
    const federate = (await handler(
      httpEvent('POST', '/requests/req-1/sessions'),
      context,
    )) as APIGatewayProxyResult;
    expect(federate.statusCode).toBe(401);
    expect(JSON.parse(federate.body)).toMatchObject({ code: 'TOKEN_MISSING' });
    // Not the API function: not even the unauthenticated health probe is served here.
    const health = (await handler(httpEvent('GET', '/health'), context)) as APIGatewayProxyResult;
    expect(health.statusCode).toBe(401);
  });

  it('refuses to start without the SPA origin, which console sign-in names as its issuer', async () => {
    vi.stubEnv('ELEVATE_WEB_ORIGIN', '');
    await expect(import('./federate')).rejects.toThrow(/ELEVATE_WEB_ORIGIN/);
  });
});
