import { describe, expect, it } from 'vitest';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { AuthError } from '@elevate/adapters';
import type { TokenVerifier } from '@elevate/adapters';
import { PERSONAS } from '@elevate/testing';
import { createJsonLogger } from '../logger';
import {
  authHeaders,
  EXPIRED_ACCESS,
  tokenShapedVerifier,
  GOOD_ACCESS,
} from '../testing/api-world';
import { createAuthorizerHandler } from './authorize-request';

function event(headers: Record<string, string>): APIGatewayRequestAuthorizerEventV2 {
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:eu-west-1:123456789012:api/$default/GET/me',
    identitySource: Object.values(headers),
    routeKey: 'GET /me',
    rawPath: '/me',
    rawQueryString: '',
    cookies: [],
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      http: {
        method: 'GET',
        path: '/me',
        protocol: 'HTTP/1.1',
        sourceIp: '192.0.2.1',
        userAgent: 'test',
      },
      requestId: 'req-1',
      routeKey: 'GET /me',
      stage: '$default',
      time: '01/Jan/2030:09:00:00 +0000',
      timeEpoch: 1893488400000,
    },
    pathParameters: {},
    stageVariables: {},
  };
}

function handlerWith(verifier: TokenVerifier = tokenShapedVerifier()) {
  const lines: string[] = [];
  const handler = createAuthorizerHandler({
    verifier,
    logger: createJsonLogger({ level: 'debug', write: (line) => lines.push(line) }),
  });
  return { handler, lines };
}

describe('the Lambda authorizer', () => {
  it('authorizes a valid pair and passes the identity as scalar context', async () => {
    const { handler } = handlerWith();
    await expect(handler(event(authHeaders()))).resolves.toEqual({
      isAuthorized: true,
      context: {
        sub: PERSONAS.alice.sub,
        email: PERSONAS.alice.email,
        name: PERSONAS.alice.name,
        groups: JSON.stringify(PERSONAS.alice.groups),
        amr: '["pwd","mfa"]',
        authTime: PERSONAS.alice.authTime,
      },
    });
  });

  it('refuses missing, expired and mismatched tokens without logging them', async () => {
    const { handler, lines } = handlerWith();
    await expect(handler(event({}))).resolves.toEqual({ isAuthorized: false, context: {} });
    await expect(handler(event(authHeaders(EXPIRED_ACCESS)))).resolves.toMatchObject({
      isAuthorized: false,
    });
    await expect(handler(event(authHeaders(GOOD_ACCESS, 'other')))).resolves.toMatchObject({
      isAuthorized: false,
    });
    expect(lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(
      expect.objectContaining({
        msg: 'authorizer refused',
        code: 'TOKEN_EXPIRED',
        correlationId: 'req-1',
      }),
    );
    expect(lines.join('\n')).not.toContain(EXPIRED_ACCESS);
    expect(lines.join('\n')).not.toContain(GOOD_ACCESS);
  });

  it('fails closed by throwing when the IdP is unavailable, so no denial or grant is cached', async () => {
    const { handler } = handlerWith({
      verify: async () => {
        throw new AuthError('IDP_UNAVAILABLE');
      },
    });
    await expect(handler(event(authHeaders()))).rejects.toThrow(
      'Authorizer could not verify the request',
    );
  });
});
