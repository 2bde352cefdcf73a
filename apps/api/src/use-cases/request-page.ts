import type { RequestPage } from '@elevate/contracts';
import type { ListedRequest, Page, TransitionContext } from '@elevate/domain';
import { toRequestSummary } from './request-view';
import { UseCaseError } from './use-case-error';

/** A store page as the API answers it. `keep` drops items after the Query (the cursor still advances). */
export function toRequestPage(
  page: Page<ListedRequest>,
  ctx: TransitionContext,
  keep: (request: ListedRequest) => boolean = () => true,
): RequestPage {
  return {
    items: page.items.filter(keep).map((request) => toRequestSummary(request, ctx)),
    ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
  };
}

/**
 * Reads one page. The store throws INVALID_CURSOR for a cursor it did not hand out (listings return
 * a Page, not a Result); here it becomes a 400 that names the `cursor` field like any bad input.
 */
export async function readPage(
  read: () => Promise<Page<ListedRequest>>,
): Promise<Page<ListedRequest>> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'INVALID_CURSOR') {
      throw new UseCaseError('INVALID_CURSOR', 'The cursor does not belong to this listing.', [
        { path: 'cursor', message: 'must be the nextCursor of a previous page of this listing' },
      ]);
    }
    throw error;
  }
}
