import type { RequestSummary } from '@elevate/contracts';
import { LIVE_REFETCH_MS } from '../../../lib/query-client';

/** Still changing by others' hands or the clock: awaiting a decision, or approved and not yet over. */
function isLive(request: Pick<RequestSummary, 'status' | 'phase'>): boolean {
  return (
    request.status === 'PENDING' || (request.status === 'APPROVED' && request.phase !== 'over')
  );
}

/** Poll while something may change; stay quiet once everything shown is settled. */
export function refetchWhileLive(
  requests: readonly Pick<RequestSummary, 'status' | 'phase'>[] | undefined,
): number | false {
  return requests?.some(isLive) ? LIVE_REFETCH_MS : false;
}
