import type { ElevateRoles, RequestSummary } from '@elevate/contracts';
import { useOpenWindows } from '../../features/requests/api/get-open-windows';
import { useReviewQueue } from '../../features/reviews/api/get-review-queue';

/** What waits for me, counted for the side navigation. */
export type NavCounter = 'pendingReviews' | 'breakGlassToReview' | 'openWindows';

/** A count as shown: exact, or "20+" when the list goes on past the first page. */
export interface NavCount {
  text: string;
  /** The same in words, for screen readers: "3 requests waiting for your decision". */
  spoken: string;
  value: number;
}

const SPOKEN: Record<NavCounter, (text: string, one: boolean) => string> = {
  pendingReviews: (text, one) =>
    `${text} ${one ? 'request' : 'requests'} waiting for your decision`,
  breakGlassToReview: (text, one) => `${text} break-glass ${one ? 'access' : 'accesses'} to review`,
  openWindows: (text, one) => `${text} ${one ? 'window' : 'windows'} of yours open now`,
};

/**
 * A list's count from its first page, honest about what is not known: the first page's length with
 * "+" when there is a next page. Nothing (no badge) while unknown or zero.
 */
export function navCount(
  counter: NavCounter,
  page: { items: readonly RequestSummary[]; nextCursor?: string } | undefined,
): NavCount | undefined {
  if (page === undefined || page.items.length === 0) return undefined;
  const value = page.items.length;
  const text = `${value}${page.nextCursor === undefined ? '' : '+'}`;
  return { text, value, spoken: SPOKEN[counter](text, text === '1') };
}

/** The counts for the links this person sees; each list is the same query its page uses (one fetch). */
export function useNavCounts(
  roles: ElevateRoles | undefined,
): Partial<Record<NavCounter, NavCount>> {
  const reviewer = roles !== undefined && (roles.reviewer || roles.admin);
  const pending = useReviewQueue('pending', 'oldest', undefined, reviewer);
  const breakGlass = useReviewQueue('break-glass', 'oldest', undefined, reviewer);
  const open = useOpenWindows(roles !== undefined);
  return {
    pendingReviews: navCount('pendingReviews', reviewer ? pending.data : undefined),
    breakGlassToReview: navCount('breakGlassToReview', reviewer ? breakGlass.data : undefined),
    openWindows: navCount('openWindows', open.data),
  };
}
