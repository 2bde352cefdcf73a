import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from './api-problem';
import { createElevateClient } from './elevate-client';
import { MAX_WRITE_ATTEMPTS } from './write-retry';
import { aRequestView } from '@elevate/testing/api-views';
import { createBody } from './testing/request-fixtures';

const tokens = { accessToken: 'access-token-value', idToken: 'id-token-value' };
const health = { status: 'ok' };
const view = aRequestView({ id: 'r-1' });

function problemResponse(problem: object, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: (problem as { status: number }).status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

function client(respond: (url: string, init: RequestInit) => Response) {
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    respond(String(input), init ?? {}),
  );
  const onUnauthorized = vi.fn();
  const api = createElevateClient({
    baseUrl: 'http://api.test/',
    getTokens: async () => tokens,
    onUnauthorized,
    fetch: fetchFn,
    headers: { 'user-agent': 'elevate-cli/test' },
  });
  return { api, fetchFn, onUnauthorized };
}

describe('createElevateClient', () => {
  it('calls an operation by id with both tokens, the path id encoded and the query in the URL', async () => {
    const { api, fetchFn } = client(() => Response.json({ items: [] }));
    await api.call('listOpenWindows', { query: { accountId: '111111111111', roleName: 'Admin' } });
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('http://api.test/requests/open?accountId=111111111111&roleName=Admin');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer access-token-value');
    expect(headers.get('x-elevate-id-token')).toBe('id-token-value');
    expect(headers.get('user-agent')).toBe('elevate-cli/test');
  });

  it('posts JSON bodies, {} when there is nothing to say', async () => {
    const { api, fetchFn } = client(() => new Response('{}', { status: 500 }));
    await api.call('cancelRequest', { id: 'a/b', body: {} }).catch(() => undefined);
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('http://api.test/requests/a%2Fb/cancel');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{}');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('sends no tokens to public operations and checks answers against their schema', async () => {
    const { api, fetchFn } = client(() => Response.json(health));
    await expect(api.call('getHealth', {})).resolves.toEqual(health);
    expect(new Headers(fetchFn.mock.calls[0]?.[1]?.headers).get('authorization')).toBeNull();
    const bad = client(() => Response.json({ status: 'maybe' }));
    await expect(bad.api.call('getHealth', {})).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('turns problem+json into an ApiProblem and reports a lost session, but not a step-up', async () => {
    const problem = (code: string) =>
      new Response(JSON.stringify({ type: 'urn:x', title: 'No', status: 401, code }), {
        status: 401,
        headers: { 'content-type': 'application/problem+json' },
      });
    const lost = client(() => problem('TOKEN_EXPIRED'));
    const error = await lost.api.call('getMe', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(lost.onUnauthorized).toHaveBeenCalledOnce();
    const stepUp = client(() => problem('STEP_UP_REQUIRED'));
    await stepUp.api.call('getMe', {}).catch(() => undefined);
    expect(stepUp.onUnauthorized).not.toHaveBeenCalled();
  });

  it('says "not signed in" without calling the API when there are no tokens', async () => {
    const fetchFn = vi.fn();
    const api = createElevateClient({
      baseUrl: 'http://api.test',
      getTokens: async () => null,
      fetch: fetchFn,
    });
    await expect(api.call('getMe', {})).rejects.toMatchObject({ code: 'not_signed_in' });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('downloads a file with both tokens and the file type asked for, and reads its name', async () => {
    const { api, fetchFn } = client(
      () =>
        new Response('"id"\r\n', {
          headers: {
            'content-type': 'text/csv',
            'content-disposition': 'attachment; filename="elevate-audit.csv"',
          },
        }),
    );
    const file = await api.call('exportAuditCsv', {
      query: { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z' },
    });
    expect(await file.blob.text()).toBe('"id"\r\n');
    expect(file.filename).toBe('elevate-audit.csv');
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe(
      'http://api.test/audit/requests.csv?from=2030-01-01T00%3A00%3A00Z&to=2030-01-02T00%3A00%3A00Z',
    );
    const headers = new Headers(init?.headers);
    expect(headers.get('accept')).toBe('text/csv, application/problem+json');
    expect(headers.get('authorization')).toBe('Bearer access-token-value');
  });

  it('turns a failed download into the same problem as any call', async () => {
    const { api } = client(() =>
      problemResponse({ type: 'about:blank', title: 'No', status: 403, code: 'NOT_AUDITOR' }),
    );
    const error = await api
      .call('exportAuditCsv', {
        query: { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_AUDITOR', status: 403 });
  });

  it('keeps the problem’s code, detail, field errors and correlation id', async () => {
    const { api } = client(() =>
      problemResponse({
        type: 'https://elevate.dev/problems/validation',
        title: 'The request is not valid',
        status: 400,
        code: 'VALIDATION_FAILED',
        detail: 'Two fields need attention.',
        correlationId: 'c-42',
        errors: [
          { path: 'justification', message: 'Say why you need access.' },
          { path: 'durationMinutes', message: 'At most 60 minutes for this role.' },
        ],
      }),
    );
    const error = (await api.call('getMe', {}).catch((e: unknown) => e)) as ApiProblem;
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', correlationId: 'c-42' });
    expect(error.detail).toBe('Two fields need attention.');
    expect(error.fieldError('justification')).toBe('Say why you need access.');
    expect(error.fieldError('ticket')).toBeUndefined();
  });

  it('reads a code from a newer server as unknown_code, keeping its words, status and the code', async () => {
    const { api } = client(() =>
      problemResponse({
        type: 'urn:elevate:problem:not-on-sundays',
        title: 'Refused by policy',
        status: 422,
        code: 'NOT_ON_SUNDAYS',
        detail: 'Production is frozen on Sundays.',
      }),
    );
    const error = (await api.call('getMe', {}).catch((e: unknown) => e)) as ApiProblem;
    expect(error).toMatchObject({
      status: 422,
      code: 'unknown_code',
      unknownCode: 'NOT_ON_SUNDAYS',
      title: 'Refused by policy',
      detail: 'Production is frozen on Sundays.',
    });
  });

  it('turns a non-JSON 500 or a JSON body that is not a problem into a generic problem', async () => {
    const html = client(
      () =>
        new Response('<html>Bad Gateway</html>', {
          status: 500,
          headers: { 'content-type': 'text/html' },
        }),
    );
    const error = (await html.api.call('getMe', {}).catch((e: unknown) => e)) as ApiProblem;
    expect(error).toMatchObject({ status: 500, code: 'unexpected_response' });
    expect(error.detail).toMatch(/HTTP 500/);
    const json = client(() => Response.json({ message: 'nope' }, { status: 409 }));
    await expect(json.api.call('getMe', {})).rejects.toMatchObject({
      status: 409,
      title: 'The Elevate service refused the request',
    });
  });

  it("treats API Gateway's bare 403 as a lost session, but not the API's own 403 problem", async () => {
    const gateway = client(() => Response.json({ message: 'Forbidden' }, { status: 403 }));
    await gateway.api.call('getMe', {}).catch(() => undefined);
    expect(gateway.onUnauthorized).toHaveBeenCalledOnce();
    const refusal = client(() =>
      problemResponse({ type: 'urn:x', title: 'Not allowed', status: 403, code: 'NOT_AUDITOR' }),
    );
    await refusal.api.call('getMe', {}).catch(() => undefined);
    expect(refusal.onUnauthorized).not.toHaveBeenCalled();
  });

  it('sends one Idempotency-Key per write and repeats it when retrying a 503', async () => {
    let calls = 0;
    const { api, fetchFn } = client(() => {
      calls += 1;
      return calls < 3
        ? problemResponse(
            { type: 'x', title: 'Storage unavailable', status: 503, code: 'STORE_UNAVAILABLE' },
            { 'retry-after': '0' },
          )
        : Response.json(view, { status: 201 });
    });
    await expect(api.call('createRequest', { body: createBody })).resolves.toMatchObject({
      id: 'r-1',
    });
    const keys = fetchFn.mock.calls.map(([, init]) =>
      new Headers(init?.headers).get('idempotency-key'),
    );
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('gives each write its own key unless the caller names the action', async () => {
    const { api, fetchFn } = client(() => Response.json(view, { status: 201 }));
    await api.call('createRequest', { body: createBody });
    await api.call('createRequest', { body: createBody });
    await api.call('createRequest', { body: createBody, idempotencyKey: 'action-1' });
    const keys = fetchFn.mock.calls.map(([, init]) =>
      new Headers(init?.headers).get('idempotency-key'),
    );
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('action-1');
  });

  it('gives up on a write after three temporary failures and says to try again in a moment', async () => {
    const { api, fetchFn } = client(() =>
      problemResponse(
        { type: 'x', title: 'Too busy', status: 503, code: 'OVERLOADED', detail: 'Busy.' },
        { 'retry-after': '0' },
      ),
    );
    const error = (await api
      .call('createRequest', { body: createBody })
      .catch((e: unknown) => e)) as ApiProblem;
    expect(fetchFn).toHaveBeenCalledTimes(MAX_WRITE_ATTEMPTS);
    expect(error).toMatchObject({ status: 503, code: 'OVERLOADED', retryAfterSeconds: 0 });
    expect(error.detail).toMatch(/Try again in a moment/);
  });

  it('does not retry a refused write, nor retry or key a read', async () => {
    const { api, fetchFn } = client(() =>
      problemResponse({ type: 'x', title: 'No', status: 409, code: 'INVALID_STATE' }),
    );
    await api.call('approveRequest', { id: 'r', body: {} }).catch(() => undefined);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const busy = client(() =>
      problemResponse(
        { type: 'x', title: 'Busy', status: 503, code: 'OVERLOADED' },
        { 'retry-after': '0' },
      ),
    );
    await busy.api.call('getMe', {}).catch(() => undefined);
    expect(busy.fetchFn).toHaveBeenCalledTimes(1);
    expect(new Headers(busy.fetchFn.mock.calls[0]?.[1]?.headers).get('idempotency-key')).toBeNull();
  });

  it('names a network failure', async () => {
    const api = createElevateClient({
      baseUrl: 'http://api.test',
      getTokens: async () => tokens,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(api.call('getMe', {})).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });
});
