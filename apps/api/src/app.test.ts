import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { AuthError } from '@elevate/adapters';
import { meResponseSchema, PROBLEM_CONTENT_TYPE, problemSchema } from '@elevate/contracts';
import { PERSONAS } from '@elevate/testing';
import { parseJsonBody } from './http/validate';
import {
  authHeaders,
  EXPIRED_ACCESS,
  GOOD_ACCESS,
  GOOD_ID,
  SPA_ORIGIN,
  testApp,
} from './testing/api-world';

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  return problemSchema.parse(await response.json());
}

describe('GET /health', () => {
  it('answers 200 without tokens', async () => {
    const { app } = testApp();
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /me', () => {
  it('returns the verified identity with groups', async () => {
    const { app } = testApp();
    const response = await app.request('/me', { headers: authHeaders() });
    expect(response.status).toBe(200);
    expect(meResponseSchema.parse(await response.json())).toMatchObject(PERSONAS.alice);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('without tokens is a 401 problem with TOKEN_MISSING and a Bearer challenge', async () => {
    const { app } = testApp();
    const response = await app.request('/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="elevate"');
    expect(await problemOf(response)).toMatchObject({
      status: 401,
      code: 'TOKEN_MISSING',
      type: 'urn:elevate:problem:token-missing',
    });
  });

  it('with only the access token is a 401 naming the missing ID token', async () => {
    const { app } = testApp();
    const response = await app.request('/me', {
      headers: { authorization: `Bearer ${GOOD_ACCESS}` },
    });
    expect(response.status).toBe(401);
    expect(await problemOf(response)).toMatchObject({
      code: 'TOKEN_MISSING',
      detail: expect.stringMatching(/^ID token/),
    });
  });

  it('with a non-Bearer Authorization header is a 401', async () => {
    const { app } = testApp();
    const response = await app.request('/me', {
      headers: { ...authHeaders(), authorization: `Basic ${GOOD_ACCESS}` },
    });
    expect((await problemOf(response)).code).toBe('TOKEN_MISSING');
  });

  it('with a bad token is a 401 invalid_token problem', async () => {
    const { app } = testApp();
    const response = await app.request('/me', { headers: authHeaders(GOOD_ACCESS, 'forged') });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="elevate", error="invalid_token"',
    );
    expect((await problemOf(response)).code).toBe('TOKEN_INVALID');
  });

  it('with an expired token is a 401 TOKEN_EXPIRED problem', async () => {
    const { app } = testApp();
    const response = await app.request('/me', { headers: authHeaders(EXPIRED_ACCESS) });
    expect(response.status).toBe(401);
    expect((await problemOf(response)).code).toBe('TOKEN_EXPIRED');
  });

  it('is a 503 with a correlation id when the IdP cannot be reached', async () => {
    const { app } = testApp({
      verifier: {
        verify: async () => {
          throw new AuthError('IDP_UNAVAILABLE', { reason: 'jwks' });
        },
      },
    });
    const response = await app.request('/me', { headers: authHeaders() });
    expect(response.status).toBe(503);
    const problem = await problemOf(response);
    expect(problem.code).toBe('IDP_UNAVAILABLE');
    expect(problem.correlationId).toBe(response.headers.get('x-correlation-id'));
  });
});

describe('CORS', () => {
  const preflight = (origin: string) => ({
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization,x-elevate-id-token',
    },
  });

  it('admits a preflight from the SPA origin with both token headers', async () => {
    const { app } = testApp();
    const response = await app.request('/me', preflight(SPA_ORIGIN));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'x-elevate-id-token']));
  });

  it('gives another origin no allow-origin header', async () => {
    const { app } = testApp();
    const response = await app.request('/me', preflight('https://evil.example'));
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await app.request('/me', {
      headers: { ...authHeaders(), origin: 'https://evil.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the SPA read a 401 problem and the correlation id', async () => {
    const { app } = testApp();
    const response = await app.request('/me', { headers: { origin: SPA_ORIGIN } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toContain('x-correlation-id');
  });
});

describe('request bodies', () => {
  it('above 16 KiB are refused with a 413 problem', async () => {
    const { app } = testApp();
    const body = 'x'.repeat(16 * 1024 + 1);
    const response = await app.request('/me', {
      method: 'POST',
      headers: {
        ...authHeaders(),
        'content-type': 'application/json',
        'content-length': String(body.length),
      },
      body,
    });
    expect(response.status).toBe(413);
    expect((await problemOf(response)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('above 16 KiB are refused even when streamed without a length', async () => {
    const { app } = testApp();
    const chunk = new TextEncoder().encode('x'.repeat(4096));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = new Request('http://localhost/me', {
      method: 'POST',
      headers: authHeaders(),
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await app.request(request);
    expect(response.status).toBe(413);
  });

  describe('validated with a contracts schema', () => {
    const bodySchema = z.strictObject({
      durationMinutes: z.number().int().max(60),
      justification: z.string().min(10),
    });
    const appWithEcho = () => {
      const harness = testApp();
      harness.app.post('/echo', async (c) => c.json(await parseJsonBody(c, bodySchema)));
      return harness;
    };
    const post = (body: string, contentType = 'application/json') => ({
      method: 'POST',
      headers: { ...authHeaders(), 'content-type': contentType },
      body,
    });

    it('pass through when valid', async () => {
      const { app } = appWithEcho();
      const response = await app.request(
        '/echo',
        post(JSON.stringify({ durationMinutes: 30, justification: 'INC-1234 restart' })),
      );
      expect(response.status).toBe(200);
    });

    it('answer 400 with the path of every invalid field', async () => {
      const { app } = appWithEcho();
      const response = await app.request(
        '/echo',
        post(JSON.stringify({ durationMinutes: 'long', justification: 'short', extra: 1 })),
      );
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors?.map((error) => error.path).sort()).toEqual([
        '',
        'durationMinutes',
        'justification',
      ]);
    });

    it('answer 400 MALFORMED_JSON to broken JSON and 415 to another media type', async () => {
      const { app } = appWithEcho();
      expect((await problemOf(await app.request('/echo', post('{"durationMinutes":')))).code).toBe(
        'MALFORMED_JSON',
      );
      const text = await app.request('/echo', post('hello', 'text/plain'));
      expect(text.status).toBe(415);
    });
  });
});

describe('errors', () => {
  it('an unknown route is a 404 problem for a signed-in caller', async () => {
    const { app } = testApp();
    const response = await app.request('/nowhere', { headers: authHeaders() });
    expect(response.status).toBe(404);
    expect((await problemOf(response)).code).toBe('NOT_FOUND');
  });

  it('an unknown route is a 401 for an anonymous caller, so routes cannot be mapped', async () => {
    const { app } = testApp();
    expect((await app.request('/nowhere')).status).toBe(401);
  });

  it('a throwing handler gives a 500 with a correlation id and nothing internal', async () => {
    const { app, logs } = testApp({
      verifier: {
        verify: async () => {
          throw new Error('connect ECONNREFUSED 10.1.2.3:5432 password=hunter2');
        },
      },
    });
    const response = await app.request('/me', {
      headers: { ...authHeaders(), 'x-correlation-id': 'corr-500' },
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-correlation-id')).toBe('corr-500');
    const text = await response.clone().text();
    expect(text).not.toMatch(/ECONNREFUSED|hunter2|10\.1\.2\.3|stack|Error/);
    expect(await problemOf(response)).toMatchObject({
      status: 500,
      code: 'INTERNAL',
      correlationId: 'corr-500',
    });
    // The operator finds the cause in the log line with the same correlation id.
    expect(logs()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        correlationId: 'corr-500',
        errorMessage: expect.stringContaining('ECONNREFUSED'),
      }),
    );
  });

  it('an error with a code of the table is answered with its status and its message', async () => {
    const { app } = testApp();
    app.post('/conflict', () => {
      throw Object.assign(new Error('The request was already approved.'), {
        code: 'INVALID_STATE',
      });
    });
    const response = await app.request('/conflict', { method: 'POST', headers: authHeaders() });
    expect(response.status).toBe(409);
    expect(await problemOf(response)).toMatchObject({
      code: 'INVALID_STATE',
      detail: 'The request was already approved.',
    });
  });

  it('an error whose code is not in the table is a 500', async () => {
    const { app } = testApp();
    app.get('/weird', () => {
      throw Object.assign(new Error('boom'), { code: 'ENOENT' });
    });
    const response = await app.request('/weird', { headers: authHeaders() });
    expect(response.status).toBe(500);
    expect((await problemOf(response)).detail).not.toContain('boom');
  });
});

describe('correlation ids', () => {
  it('are echoed when sane and generated otherwise', async () => {
    const { app } = testApp({ newCorrelationId: () => 'generated-1' });
    expect(
      (await app.request('/health', { headers: { 'x-correlation-id': 'abc-123' } })).headers.get(
        'x-correlation-id',
      ),
    ).toBe('abc-123');
    expect(
      (await app.request('/health', { headers: { 'x-correlation-id': 'a b"c' } })).headers.get(
        'x-correlation-id',
      ),
    ).toBe('generated-1');
    expect((await app.request('/health')).headers.get('x-correlation-id')).toBe('generated-1');
  });
});

describe('logs', () => {
  it('record method, path, status, duration and correlation id for each request', async () => {
    const { app, logs } = testApp();
    await app.request('/me?x=1', { headers: { ...authHeaders(), 'x-correlation-id': 'corr-1' } });
    await app.request('/me', { headers: { 'x-correlation-id': 'corr-2' } });
    const requests = logs().filter((line) => line['msg'] === 'request');
    expect(requests).toEqual([
      expect.objectContaining({
        level: 'info',
        method: 'GET',
        path: '/me',
        status: 200,
        durationMs: 0,
        correlationId: 'corr-1',
      }),
      expect.objectContaining({
        level: 'info',
        method: 'GET',
        path: '/me',
        status: 401,
        code: 'TOKEN_MISSING',
        correlationId: 'corr-2',
      }),
    ]);
  });

  it('never contain a token or an Authorization header, whatever the outcome', async () => {
    const { app, logLines } = testApp();
    await app.request('/me', { headers: authHeaders() });
    await app.request('/me', { headers: authHeaders(EXPIRED_ACCESS) });
    await app.request('/me', {
      headers: authHeaders(GOOD_ACCESS, 'eyJhbGciOiJub25lIn0.Zm9yZ2Vk.'),
    });
    await app.request('/nowhere', { headers: authHeaders() });
    await app.request('/me', {
      method: 'POST',
      headers: { ...authHeaders(), 'content-length': '99999' },
      body: 'x'.repeat(99_999),
    });
    expect(logLines.length).toBeGreaterThanOrEqual(6);
    const everything = logLines.join('\n');
    for (const secret of [
      GOOD_ACCESS,
      GOOD_ID,
      EXPIRED_ACCESS,
      'eyJhbGciOiJub25lIn0',
      'Bearer',
      'authorization',
      'x-elevate-id-token',
    ]) {
      expect(everything).not.toContain(secret);
    }
    for (const part of [...GOOD_ACCESS.split('.'), ...GOOD_ID.split('.')])
      expect(everything).not.toContain(part);
  });
});

describe('the token headers', () => {
  it('are read from Authorization and x-elevate-id-token and passed to the verifier', async () => {
    const seen: unknown[] = [];
    const { app } = testApp({
      verifier: {
        verify: async (accessToken, idToken) => {
          seen.push([accessToken, idToken]);
          return PERSONAS.alice;
        },
      },
    });
    await app.request('/me', { headers: authHeaders() });
    expect(seen).toEqual([[GOOD_ACCESS, GOOD_ID]]);
  });
});
