import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
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
    expect(asked(api)).toEqual(['getMe', 'listMyRequests']);
    // The very queries the page will read, so it finds them in the cache (or in flight).
    await expect(
      context.queryClient.ensureQueryData({ queryKey: ['requests', 'mine', {}, null] }),
    ).resolves.toEqual({ items: [] });
  });

  it('follow the URL: the review tab and the request id', () => {
    const { api, load } = setup(true);
    load.reviews(args('/reviews?tab=break-glass'));
    load.request(args('/requests/r-1', { id: 'r-1' }));
    expect(asked(api)).toEqual(['getMe', 'listBreakGlassReviews', 'getRequest']);
  });

  it('fetch nothing before anyone is signed in (it would only earn a 401)', () => {
    const { api, load } = setup(false);
    load.myAccess();
    load.reviews(args('/reviews'));
    expect(api.call).not.toHaveBeenCalled();
  });
});
