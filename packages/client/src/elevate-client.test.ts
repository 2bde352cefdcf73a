import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from './api-problem';
import { createElevateClient } from './elevate-client';

const tokens = { accessToken: 'access-token-value', idToken: 'id-token-value' };
const health = { status: 'ok' };

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

  it('reads files as text', async () => {
    const { api } = client(
      () => new Response('"id"\r\n', { headers: { 'content-type': 'text/csv' } }),
    );
    await expect(
      api.call('exportAuditCsv', {
        query: { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z' },
      }),
    ).resolves.toBe('"id"\r\n');
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
