import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { auditKeys } from '../features/audit/api/audit-keys';
import { auditQueryParams } from '../features/audit/api/audit-query';
import { auditFiltersFromSearch } from '../features/audit/state/audit-url';
import { aMe, aRequestView } from '../testing/fixtures';
import { fakeApi } from '../testing/render-with-app';
import { createLoaderContext, routeLoaders } from './route-loaders';

const args = (url: string, params: Record<string, string> = {}) =>
  ({
    request: new Request(`http://localhost${url}`),
    params,
    context: undefined,
  }) as LoaderFunctionArgs;

function setup(signedIn: boolean) {
  const api = fakeApi({
    'GET /me': () => aMe(),
    'GET /requests/mine?limit=25': () => ({ items: [] }),
    'GET /reviews/break-glass?limit=20': () => ({ items: [] }),
    'GET /requests/r-1': () => aRequestView(),
    'GET /invitations/mine?limit=100': () => ({ items: [] }),
  });
  const context = createLoaderContext(new QueryClient());
  context.setApi(signedIn ? api : undefined);
  return { api, context, load: routeLoaders(context) };
}

const asked = (api: ReturnType<typeof fakeApi>) => api.call.mock.calls.map(([id]) => id);

describe('route loaders', () => {
  it('start the page’s queries without waiting for them (data and code travel together)', async () => {
    const { api, context, load } = setup(true);
    expect(load.myAccess()).toBeNull();
    expect(asked(api)).toEqual(['getMe', 'listMyRequests', 'listMyInvitations']);
    // The very queries the page will read, so it finds them in the cache (or in flight).
    await expect(
      context.queryClient.ensureQueryData({ queryKey: ['requests', 'mine', {}, null] }),
    ).resolves.toEqual({ items: [] });
  });

  it('start My access’s lists beside /me on `/`, where most people land', () => {
    const { api, load } = setup(true);
    expect(load.home()).toBeNull();
    expect(asked(api)).toEqual(['getMe', 'listMyRequests', 'listMyInvitations']);
  });

  it('follow the URL: the review tab and the request id', () => {
    const { api, load } = setup(true);
    load.reviews(args('/reviews?tab=break-glass'));
    load.request(args('/requests/r-1', { id: 'r-1' }));
    expect(asked(api)).toEqual(['getMe', 'listBreakGlassReviews', 'getRequest']);
  });

  it('start the Audit list for the filters in the URL, at the moment the page then resolves its range at', () => {
    const { api, context, load } = setup(true);
    const loaded = load.audit(args('/audit?status=REJECTED&account=111111111111&last=7d'));
    expect(asked(api)).toEqual(['getMe', 'getPolicy', 'listAudit']);
    const [, input] = api.call.mock.calls[2] ?? [];
    const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
    const week = 7 * 86_400_000;
    expect(input).toMatchObject({
      query: {
        from: iso(loaded.resolvedAt - week),
        to: iso(loaded.resolvedAt),
        accountId: '111111111111',
        status: 'REJECTED',
        limit: 25,
      },
    });
    // The page's query, keyed by the same resolved filters, finds that fetch in the cache.
    const query = auditQueryParams(
      auditFiltersFromSearch(new URLSearchParams('status=REJECTED&account=111111111111&last=7d')),
      loaded.resolvedAt,
    );
    expect(context.queryClient.getQueryState(auditKeys.page(query, undefined))).toBeDefined();
  });

  it('start the Audit page a shared link names, by its cursor, not page 1', () => {
    const { api, context, load } = setup(true);
    const search = 'status=REJECTED&page=3&cursor=abc_DEF-1';
    const loaded = load.audit(args(`/audit?${search}`));
    const [, input] = api.call.mock.calls[2] ?? [];
    expect(input).toMatchObject({ query: { status: 'REJECTED', cursor: 'abc_DEF-1' } });
    const query = auditQueryParams(
      auditFiltersFromSearch(new URLSearchParams(search)),
      loaded.resolvedAt,
    );
    expect(context.queryClient.getQueryState(auditKeys.page(query, 'abc_DEF-1'))).toBeDefined();
  });

  it('start Insights for the days in the URL, and the policy its pickers offer', () => {
    const { api, load } = setup(true);
    load.insights(args('/insights?from=2030-01-01&to=2030-01-31&account=111111111111'));
    expect(asked(api)).toEqual(['getMe', 'getPolicy', 'getInsights']);
    expect(api.call.mock.calls[2]?.[1]).toMatchObject({
      query: { from: '2030-01-01', to: '2030-01-31', account: '111111111111' },
    });
  });

  it('fetch nothing before anyone is signed in (it would only earn a 401)', () => {
    const { api, load } = setup(false);
    load.myAccess();
    load.reviews(args('/reviews'));
    load.audit(args('/audit'));
    expect(api.call).not.toHaveBeenCalled();
  });
});
