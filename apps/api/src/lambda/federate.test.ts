import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyResult, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { EXAMPLE_POLICY_FILE } from '../testing/personas';

beforeEach(() => {
  vi.resetModules();
  vi.stubEnv('ELEVATE_IDP_ISSUER', 'https://idp.example');
  vi.stubEnv('ELEVATE_API_AUDIENCE', 'urn:elevate:api');
  vi.stubEnv('ELEVATE_CLIENT_ID', 'elevate-web');
  vi.stubEnv('ELEVATE_LOG_LEVEL', 'silent');
  vi.stubEnv('ELEVATE_POLICY_FILE', EXAMPLE_POLICY_FILE);
  vi.stubEnv('ELEVATE_WEB_ORIGIN', 'https://elevate.example.com');
  vi.stubEnv('AWS_REGION', 'eu-west-1');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function httpEvent(method: string, path: string): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example', 'content-type': 'application/json' },
    body: method === 'POST' ? '{"kind":"cli"}' : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      authentication: null,
      authorizer: {},
      domainName: 'api.example',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2030:09:00:00 +0000',
      timeEpoch: 1893488400000,
    },
  };
}

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
