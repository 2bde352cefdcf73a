import { expect, type APIResponse, type Page } from '@playwright/test';
import { stack } from './stack';

interface Tokens {
  accessToken: string;
  idToken: string;
}

/** The signed-in user's tokens, as oidc-client-ts keeps them in the tab's sessionStorage. */
async function tokensOf(page: Page): Promise<Tokens> {
  const stored = await page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i += 1) {
      const key = sessionStorage.key(i);
      if (key?.startsWith('oidc.user:')) return sessionStorage.getItem(key);
    }
    return null;
  });
  expect(stored, 'an oidc-client-ts user in sessionStorage').not.toBeNull();
  const user = JSON.parse(stored ?? '{}') as { access_token?: unknown; id_token?: unknown };
  if (typeof user.access_token !== 'string' || typeof user.id_token !== 'string')
    throw new Error('The stored user has no tokens');
  return { accessToken: user.access_token, idToken: user.id_token };
}

/**
 * Calls the API as the page's user, the way the SPA does (access token as bearer, ID token in its
 * header). For setting up what a journey is not about, and for forcing what the UI does not offer.
 */
export async function callApi(
  page: Page,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<APIResponse> {
  const tokens = await tokensOf(page);
  return page.request.fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens.accessToken}`,
      'x-elevate-id-token': tokens.idToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
}

export interface CreatedRequest {
  id: string;
  status: string;
}

/** Creates a request through the API and returns it; the journey's own subject goes through the UI. */
export async function createRequestByApi(
  page: Page,
  body: Record<string, unknown>,
): Promise<CreatedRequest> {
  const response = await callApi(page, 'POST', '/requests', body);
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as CreatedRequest;
}

export async function decideByApi(
  page: Page,
  id: string,
  decision: 'approve' | 'reject',
  comment?: string,
): Promise<void> {
  const response = await callApi(
    page,
    'POST',
    `/requests/${encodeURIComponent(id)}/${decision}`,
    comment === undefined ? {} : { comment },
  );
  expect(response.status(), await response.text()).toBe(200);
}

/** Asserts an RFC 9457 problem answer and returns its body. */
export async function expectProblem(
  response: APIResponse,
  statuses: readonly number[],
): Promise<{ code: string; status: number; title: string }> {
  expect(statuses, `status ${response.status()}: ${await response.text()}`).toContain(
    response.status(),
  );
  expect(response.headers()['content-type']).toContain('application/problem+json');
  return (await response.json()) as { code: string; status: number; title: string };
}
