import { afterEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyResult, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { EXAMPLE_COMPILED_POLICY_FILE } from '@elevate/testing';
import { httpApiEvent } from '../testing/http-api-event';

afterEach(() => {
  vi.unstubAllEnvs();
});

const httpEvent = (method: string, path: string): LambdaEvent =>
  httpApiEvent(method, path, { headers: { 'x-correlation-id': 'lambda-1' } });

describe('the API Lambda entry point', () => {
  it('serves the same app: /health is 200 and /me without tokens a 401 problem', async () => {
    vi.stubEnv('ELEVATE_IDP_ISSUER', 'https://idp.example');
    vi.stubEnv('ELEVATE_API_AUDIENCE', 'urn:elevate:api');
    vi.stubEnv('ELEVATE_CLIENT_ID', 'elevate-web');
    vi.stubEnv('ELEVATE_LOG_LEVEL', 'silent');
    vi.stubEnv('ELEVATE_POLICY_FILE', EXAMPLE_COMPILED_POLICY_FILE);
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    const { handler } = await import('./api');
    const context = {} as LambdaContext;
    const health = (await handler(httpEvent('GET', '/health'), context)) as APIGatewayProxyResult;
    expect(health.statusCode).toBe(200);
    const me = (await handler(httpEvent('GET', '/me'), context)) as APIGatewayProxyResult;
    expect(me.statusCode).toBe(401);
    expect(me.headers?.['content-type']).toBe('application/problem+json');
    // API Gateway's request id, not the caller's header: the authorizer logs the same id.
    expect(me.headers?.['x-correlation-id']).toBe('req-1');
    expect(JSON.parse(me.body)).toMatchObject({ code: 'TOKEN_MISSING' });
  });
});
