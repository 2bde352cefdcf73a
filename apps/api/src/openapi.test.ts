import { readFileSync } from 'node:fs';
import { API_OPERATIONS } from '@elevate/contracts';
import { describe, expect, it } from 'vitest';
import { renderOpenApiFile } from './openapi-file';
import { authHeaders, testApp } from './testing/api-world';

describe('the OpenAPI document', () => {
  it('matches the checked-in apps/api/openapi.json (run `pnpm --filter @elevate/api openapi` after changing a contract)', () => {
    const checkedIn = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
    expect(renderOpenApiFile()).toBe(checkedIn);
  });

  it('describes exactly the routes the API serves, and the federate function its one route', () => {
    const { app } = testApp();
    const served = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL' && route.path !== '/openapi.json')
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    // The federate function's route (app.ts, `routes: 'federate'`), which the API function lacks.
    served.add('POST /requests/{id}/sessions');
    const documented = new Set(
      Object.values(API_OPERATIONS).map((op) => `${op.method.toUpperCase()} ${op.path}`),
    );
    expect([...documented].sort()).toEqual([...served].sort());
  });
});

describe('GET /openapi.json', () => {
  it('serves the document to signed-in callers', async () => {
    const { app } = testApp();
    const response = await app.request('/openapi.json', { headers: authHeaders() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toContain('/requests/open');
  });

  it('is not shown to anonymous callers, like every other route but /health', async () => {
    const { app } = testApp();
    expect((await app.request('/openapi.json')).status).toBe(401);
  });
});
