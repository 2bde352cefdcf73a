import type { LoaderFunctionArgs } from 'react-router';
import type { FetchQueryOptions, QueryClient } from '@tanstack/react-query';
import { auditQueryParams } from '../features/audit/api/audit-query';
import { auditPageQueryOptions } from '../features/audit/api/get-audit-page';
import { auditFiltersFromSearch, auditPageFromSearch } from '../features/audit/state/audit-url';
import { accessListingQueryOptions } from '../features/active-access/api/get-active-access';
import { insightsQueryOptions } from '../features/insights/api/get-insights';
import { filtersFromSearch } from '../features/insights/api/insights-query';
import { myInvitationsQueryOptions } from '../features/invitations/api/get-my-invitations';
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

/** What the Audit route's loader hands its page: the moment "last 30 days" was resolved at. */
export interface AuditLoaderData {
  resolvedAt: number;
}

const myAccessQueries = (api: ApiClient) =>
  some(
    meQueryOptions(api),
    myRequestsQueryOptions(api, {}, undefined),
    myInvitationsQueryOptions(api),
  );

const REVIEW_TABS: readonly ReviewQueue[] = ['pending', 'break-glass', 'decided'];

/** One loader per page, each starting exactly the queries the page's first view makes. */
export function routeLoaders(context: LoaderContext) {
  return {
    // `/` waits for /me to choose the person's home; most people land on My access, so its lists
    // are asked for beside /me instead of after the redirect (two reads the others never show).
    home: () => start(context, myAccessQueries),
    myAccess: () => start(context, myAccessQueries),
    newRequest: () => start(context, (api) => some(meQueryOptions(api))),
    request: ({ params }: LoaderFunctionArgs) =>
      start(context, (api) =>
        params.id ? some(meQueryOptions(api), requestQueryOptions(api, params.id)) : [],
      ),
    reviews: ({ request }: LoaderFunctionArgs) =>
      start(context, (api) => {
        const tab = new URL(request.url).searchParams.get('tab');
        const queue = REVIEW_TABS.find((candidate) => candidate === tab) ?? 'pending';
        return some(meQueryOptions(api), reviewQueueQueryOptions(api, queue, 'oldest', undefined));
      }),
    activeAccess: () =>
      start(context, (api) =>
        some(
          meQueryOptions(api),
          accessListingQueryOptions(api, 'active'),
          accessListingQueryOptions(api, 'self-approved'),
        ),
      ),
    audit: ({ request }: LoaderFunctionArgs): AuditLoaderData => {
      // The page the URL names (page 1, or a shared link's page and cursor), resolved at one moment
      // that the page then reuses (a relative range resolved twice would make two query keys).
      const resolvedAt = Date.now();
      const search = new URL(request.url).searchParams;
      const filters = auditFiltersFromSearch(search);
      const { cursor } = auditPageFromSearch(search);
      start(context, (api) =>
        some(
          meQueryOptions(api),
          policyQueryOptions(api),
          auditPageQueryOptions(api, auditQueryParams(filters, resolvedAt), cursor),
        ),
      );
      return { resolvedAt };
    },
    insights: ({ request }: LoaderFunctionArgs) =>
      start(context, (api) => {
        // Whole days, so the page resolving the same URL a moment later asks the same query.
        const filters = filtersFromSearch(new URL(request.url).searchParams, Date.now());
        return some(
          meQueryOptions(api),
          policyQueryOptions(api),
          insightsQueryOptions(api, filters),
        );
      }),
    policy: () => start(context, (api) => some(meQueryOptions(api), policyQueryOptions(api))),
  };
}
