import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiProblem } from './api-problem';

const MAX_RETRIES = 2;

/** Retry what may pass next time (network, 5xx); a 4xx answer will not change by asking again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiProblem(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** False for mutations that change nothing the pages show (e.g. issuing credentials). */
      invalidates?: boolean;
    };
  }
}

/** Wait as long as the server asked (Retry-After), else back off 1 s, 2 s, … up to 10 s. */
export function retryDelayMs(failureCount: number, error: unknown): number {
  if (isApiProblem(error) && error.retryAfterSeconds !== undefined)
    return Math.min(error.retryAfterSeconds * 1000, 10_000);
  return Math.min(1000 * 2 ** failureCount, 10_000);
}

/** Polling interval for lists whose status changes by others' hands (pending reviews, active windows). */
export const LIVE_REFETCH_MS = 10_000;

export function createQueryClient(): QueryClient {
  // Any state change may move a request between lists, counters and pages of several features; the
  // app has few queries, so refetching what is on screen is cheaper than tracking who shows what.
  const queryClient: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: (_data, _variables, _context, mutation) => {
        if (mutation.meta?.invalidates === false) return;
        void queryClient.invalidateQueries();
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: retryDelayMs,
        staleTime: 30_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
