import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { ID_TOKEN_HEADER, meResponseSchema } from '@elevate/contracts';
import { createApiClient, type ApiClientOptions } from './api-client';
import { ApiProblem } from './api-problem';

const tokens = { accessToken: 'access-token-value', idToken: 'id-token-value' };
const me = {
  sub: 's-1',
  email: 'alice@example.com',
  name: 'Alice',
  groups: ['engineers'],
  amr: ['pwd'],
  eligibility: { entries: [], roles: { reviewer: false, auditor: false, admin: false } },
};

function client(
  respond: (url: string, init: RequestInit) => Response | Promise<Response>,
  extra: Partial<ApiClientOptions> = {},
) {
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    respond(String(input), init ?? {}),
  );
  const onUnauthorized = vi.fn();
  const api = createApiClient({
    baseUrl: 'http://api.test/',
    getTokens: async () => tokens,
    onUnauthorized,
    fetch: fetchFn,
    ...extra,
  });
  return { api, fetchFn, onUnauthorized };
}

async function caught(promise: Promise<unknown>): Promise<ApiProblem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiProblem))
    throw new Error(`expected an ApiProblem, got ${String(error)}`);
  return error;
}

describe('api client', () => {
  it('sends the access token as a bearer token and the ID token in its own header', async () => {
    const { api, fetchFn } = client(() => Response.json(me));
    await expect(api.request('/me', { schema: meResponseSchema })).resolves.toEqual(me);
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('http://api.test/me');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer access-token-value');
    expect(headers.get(ID_TOKEN_HEADER)).toBe('id-token-value');
    expect(ID_TOKEN_HEADER).toBe('x-elevate-id-token');
  });

  it('sends a body as JSON', async () => {
    const { api, fetchFn } = client(() => Response.json({ id: 'r-1' }, { status: 201 }));
    await api.request('/requests', {
      method: 'POST',
      body: { role: 'ReadOnly' },
      schema: z.object({ id: z.string() }),
    });
    const init = fetchFn.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"role":"ReadOnly"}');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('turns problem+json into an ApiProblem with its code, detail and field errors', async () => {
    const problem = {
      type: 'https://elevate.dev/problems/validation',
      title: 'The request is not valid',
      status: 400,
      code: 'validation_failed',
      detail: 'Two fields need attention.',
      errors: [
        { path: 'justification', message: 'Say why you need access (at least 20 characters).' },
        { path: 'durationMinutes', message: 'At most 60 minutes for this role.' },
      ],
    };
    const { api } = client(
      () =>
        new Response(JSON.stringify(problem), {
          status: 400,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    const error = await caught(
      api.request('/requests', { method: 'POST', body: {}, schema: z.unknown() }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.title).toBe('The request is not valid');
    expect(error.detail).toBe('Two fields need attention.');
    expect(error.fieldErrors).toHaveLength(2);
    expect(error.fieldError('justification')).toBe(
      'Say why you need access (at least 20 characters).',
    );
    expect(error.fieldError('ticket')).toBeUndefined();
  });

  it('keeps the correlation id of a server error so people can quote it', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Internal error',
      status: 500,
      code: 'internal',
      correlationId: 'c-42',
    };
    const { api } = client(
      () =>
        new Response(JSON.stringify(problem), {
          status: 500,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    const error = await caught(api.request('/me', { schema: meResponseSchema }));
    expect(error.code).toBe('internal');
    expect(error.correlationId).toBe('c-42');
  });

  it('turns a non-JSON 500 into a generic problem that says what to do', async () => {
    const { api } = client(
      () =>
        new Response('<html>Bad Gateway</html>', {
          status: 500,
          headers: { 'content-type': 'text/html' },
        }),
    );
    const error = await caught(api.request('/me', { schema: meResponseSchema }));
    expect(error.status).toBe(500);
    expect(error.code).toBe('unexpected_response');
    expect(error.title).toBe('The Elevate service had a problem');
    expect(error.detail).toMatch(/HTTP 500/);
    expect(error.fieldErrors).toEqual([]);
  });

  it('treats JSON that is not a problem like any other unexplained failure', async () => {
    const { api } = client(() => Response.json({ message: 'nope' }, { status: 403 }));
    const error = await caught(api.request('/me', { schema: meResponseSchema }));
    expect(error).toMatchObject({
      status: 403,
      code: 'unexpected_response',
      title: 'The Elevate service refused the request',
    });
  });

  it('reports a 401 so the app can sign in again', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      code: 'unauthenticated',
    };
    const { api, onUnauthorized } = client(
      () =>
        new Response(JSON.stringify(problem), {
          status: 401,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    const error = await caught(api.request('/me', { schema: meResponseSchema }));
    expect(error.code).toBe('unauthenticated');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it("treats API Gateway's bare 403 (the authorizer refused the tokens) as a lost session", async () => {
    const { api, onUnauthorized } = client(() =>
      Response.json({ message: 'Forbidden' }, { status: 403 }),
    );
    const error = await caught(api.request('/me', { schema: meResponseSchema }));
    expect(error.status).toBe(403);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it("does not sign in again on the API's own 403 problem (a refusal, not a lost session)", async () => {
    const problem = {
      type: 'urn:elevate:problem:not-auditor',
      title: 'Not allowed',
      status: 403,
      code: 'NOT_AUDITOR',
    };
    const { api, onUnauthorized } = client(
      () =>
        new Response(JSON.stringify(problem), {
          status: 403,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    const error = await caught(api.request('/me', { schema: meResponseSchema }));
    expect(error.code).toBe('NOT_AUDITOR');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not call the API without tokens and asks for sign-in instead', async () => {
    const { api, fetchFn, onUnauthorized } = client(() => Response.json(me), {
      getTokens: async () => null,
    });
    const error = await caught(api.request('/me', { schema: meResponseSchema }));
    expect(error.code).toBe('not_signed_in');
    expect(fetchFn).not.toHaveBeenCalled();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('says the service is unreachable when the network fails', async () => {
    const { api } = client(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await caught(api.request('/me', { schema: meResponseSchema }));
    expect(error).toMatchObject({
      status: 0,
      code: 'network_error',
      title: 'Cannot reach the Elevate service',
    });
  });

  it('refuses a success body that breaks the contract', async () => {
    const { api } = client(() => Response.json({ sub: 's-1' }));
    const error = await caught(api.request('/me', { schema: meResponseSchema }));
    expect(error.code).toBe('invalid_response');
  });
  it('leaves a step-up 401 to the caller instead of signing the whole app in again', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Fresh sign-in required',
      status: 401,
      code: 'STEP_UP_REQUIRED',
    };
    const { api, onUnauthorized } = client(
      () =>
        new Response(JSON.stringify(problem), {
          status: 401,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    const error = await caught(
      api.request('/requests/r-1/sessions', {
        method: 'POST',
        body: { kind: 'console' },
        schema: z.unknown(),
      }),
    );
    expect(error.code).toBe('STEP_UP_REQUIRED');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('downloads a file with both tokens and the asked-for type, and reads its name', async () => {
    const { api, fetchFn } = client(
      () =>
        new Response('id,status\nr-1,PENDING\n', {
          headers: {
            'content-type': 'text/csv',
            'content-disposition': 'attachment; filename="elevate-audit.csv"',
          },
        }),
    );
    const file = await api.download('/audit/requests.csv?from=a', { accept: 'text/csv' });
    expect(await file.blob.text()).toBe('id,status\nr-1,PENDING\n');
    expect(file.filename).toBe('elevate-audit.csv');
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('http://api.test/audit/requests.csv?from=a');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer access-token-value');
    expect(headers.get(ID_TOKEN_HEADER)).toBe('id-token-value');
    expect(headers.get('accept')).toBe('text/csv, application/problem+json');
  });

  it('turns a failed download into the same problem as any call', async () => {
    const problem = { type: 'about:blank', title: 'Not allowed', status: 403, code: 'NOT_VISIBLE' };
    const { api } = client(
      () =>
        new Response(JSON.stringify(problem), {
          status: 403,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    const error = await caught(api.download('/audit/requests.csv'));
    expect(error.code).toBe('NOT_VISIBLE');
  });

  it('sends one Idempotency-Key per write and repeats it when retrying a 503', async () => {
    let calls = 0;
    const { api, fetchFn } = client(() => {
      calls += 1;
      return calls < 3
        ? new Response(
            JSON.stringify({
              type: 'x',
              title: 'Storage unavailable',
              status: 503,
              code: 'STORE_UNAVAILABLE',
            }),
            {
              status: 503,
              headers: { 'content-type': 'application/problem+json', 'retry-after': '0' },
            },
          )
        : Response.json({ id: 'r-1' }, { status: 201 });
    });
    await expect(
      api.request('/requests', { method: 'POST', body: {}, schema: z.object({ id: z.string() }) }),
    ).resolves.toEqual({ id: 'r-1' });
    const keys = fetchFn.mock.calls.map(([, init]) =>
      new Headers(init?.headers).get('idempotency-key'),
    );
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('gives each write its own key', async () => {
    const { api, fetchFn } = client(() => Response.json({ id: 'r-1' }, { status: 201 }));
    const schema = z.object({ id: z.string() });
    await api.request('/requests', { method: 'POST', body: {}, schema });
    await api.request('/requests', { method: 'POST', body: {}, schema });
    const keys = fetchFn.mock.calls.map(([, init]) =>
      new Headers(init?.headers).get('idempotency-key'),
    );
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('gives up on a write after three temporary failures and says to try again in a moment', async () => {
    const { api, fetchFn } = client(
      () =>
        new Response(
          JSON.stringify({
            type: 'x',
            title: 'Too busy',
            status: 503,
            code: 'OVERLOADED',
            detail: 'Busy.',
          }),
          {
            status: 503,
            headers: { 'content-type': 'application/problem+json', 'retry-after': '0' },
          },
        ),
    );
    const problem = await caught(
      api.request('/requests', { method: 'POST', body: {}, schema: z.object({}) }),
    );
    expect(fetchFn).toHaveBeenCalledTimes(3);
    expect(problem).toMatchObject({ status: 503, code: 'OVERLOADED', retryAfterSeconds: 0 });
    expect(problem.detail).toMatch(/Try again in a moment/);
  });

  it('does not retry a refused write, nor send a key with a read', async () => {
    const { api, fetchFn } = client(
      () =>
        new Response(
          JSON.stringify({ type: 'x', title: 'No', status: 409, code: 'INVALID_STATE' }),
          {
            status: 409,
            headers: { 'content-type': 'application/problem+json' },
          },
        ),
    );
    await caught(
      api.request('/requests/r/approve', { method: 'POST', body: {}, schema: z.object({}) }),
    );
    expect(fetchFn).toHaveBeenCalledTimes(1);
    await caught(api.request('/me', { schema: meResponseSchema }));
    expect(new Headers(fetchFn.mock.calls[1]?.[1]?.headers).get('idempotency-key')).toBeNull();
  });
});

describe('api client, typed calls', () => {
  it('calls operations by id through the shared typed client, with the same tokens and problems', async () => {
    const { api, fetchFn, onUnauthorized } = client(() =>
      Response.json(
        { type: 'urn:x', title: 'Signed out', status: 401, code: 'TOKEN_EXPIRED' },
        { status: 401, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const error = await caught(api.call('getMe', {}));
    expect(error.code).toBe('TOKEN_EXPIRED');
    expect(onUnauthorized).toHaveBeenCalledOnce();
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('http://api.test/me');
    expect(new Headers(init?.headers).get(ID_TOKEN_HEADER)).toBe('id-token-value');
  });
});
