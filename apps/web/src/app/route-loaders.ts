import type { LoaderFunctionArgs } from 'react-router';
import type { FetchQueryOptions, QueryClient } from '@tanstack/react-query';
import { accessListingQueryOptions } from '../features/active-access/api/get-active-access';
import { meQueryOptions } from '../features/me/api/get-me';
import { policyQueryOptions } from '../features/policy/api/get-policy';
import { myRequestsQueryOptions } from '../features/requests/api/get-my-requests';
import { requestQueryOptions } from '../features/requests/api/get-request';
import { reviewQueueQueryOptions } from '../features/reviews/api/get-review-queue';
import type { ReviewQueue } from '../features/reviews/api/review-keys';
import type { ApiClient } from '../lib/api-client';

/**
 * What the loaders need: the query cache, and the API client once someone is signed in (before
 * that, a fetch would only earn a 401 and a sign-in redirect, so nothing is started).
 */
export interface LoaderContext {
  queryClient: QueryClient;
  api: () => ApiClient | undefined;
}

export function createLoaderContext(queryClient: QueryClient) {
  let current: ApiClient | undefined;
  return {
    queryClient,
    api: () => current,
    /** Set by the signed-in console; undefined again on sign-out. */
    setApi: (api: ApiClient | undefined) => {
      current = api;
    },
  };
}

// Queries of different result types, started together.
type AnyQuery = FetchQueryOptions<never, Error, never, readonly unknown[]>;
const some = (...queries: object[]) => queries as AnyQuery[];

/**
 * Starts the queries; does not wait for them. The router runs a loader alongside the page's lazy
 * code, so data and code arrive together (one round trip, not two in a row); the page still shows
 * its own skeletons and errors, because a loader that awaited would hold the previous page on
 * screen while a slow list loads and turn an API error into a route error.
 */
function start(context: LoaderContext, queries: (api: ApiClient) => AnyQuery[]): null {
  const api = context.api();
  if (!api) return null;
  for (const query of queries(api)) void context.queryClient.prefetchQuery(query);
  return null;
}

const REVIEW_TABS: readonly ReviewQueue[] = ['pending', 'break-glass', 'decided'];

/** One loader per page, each starting exactly the queries the page's first view makes. */
export function routeLoaders(context: LoaderContext) {
  return {
    home: () => start(context, (api) => some(meQueryOptions(api))),
    myAccess: () =>
      start(context, (api) =>
        some(meQueryOptions(api), myRequestsQueryOptions(api, {}, undefined)),
      ),
    newRequest: () => start(context, (api) => some(meQueryOptions(api))),
    request: ({ params }: LoaderFunctionArgs) =>
      start(context, (api) => (params.id ? some(requestQueryOptions(api, params.id)) : [])),
    reviews: ({ request }: LoaderFunctionArgs) =>
      start(context, (api) => {
        const tab = new URL(request.url).searchParams.get('tab');
        const queue = REVIEW_TABS.find((candidate) => candidate === tab) ?? 'pending';
        return some(meQueryOptions(api), reviewQueueQueryOptions(api, queue, 'oldest', undefined));
      }),
    activeAccess: () =>
      start(context, (api) =>
        some(
          accessListingQueryOptions(api, 'active'),
          accessListingQueryOptions(api, 'self-approved'),
        ),
      ),
    audit: () => start(context, (api) => some(meQueryOptions(api), policyQueryOptions(api))),
    insights: () => start(context, (api) => some(meQueryOptions(api))),
    policy: () => start(context, (api) => some(policyQueryOptions(api))),
  };
}
