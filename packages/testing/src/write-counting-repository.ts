import type { AccessRequestRepository } from '@elevate/domain';

/** Wraps a repository and counts the calls that would change it, to prove refusals write nothing. */
export function countWrites(
  inner: AccessRequestRepository,
): AccessRequestRepository & { writes: () => number } {
  let writes = 0;
  return {
    get: (id) => inner.get(id),
    writtenBy: (id, writerToken) => inner.writtenBy(id, writerToken),
    create: (request, writerToken) => {
      writes += 1;
      return inner.create(request, writerToken);
    },
    applyTransition: (write) => {
      writes += 1;
      return inner.applyTransition(write);
    },
    listByRequester: (query) => inner.listByRequester(query),
    listPendingForReview: (query) => inner.listPendingForReview(query),
    listBreakGlassAwaitingReview: (query) => inner.listBreakGlassAwaitingReview(query),
    listForAudit: (query) => inner.listForAudit(query),
    listForAuditWithHistory: (query) => inner.listForAuditWithHistory(query),
    listDecidedBy: (query) => inner.listDecidedBy(query),
    listPendingExpiredAt: (query) => inner.listPendingExpiredAt(query),
    writes: () => writes,
  };
}
