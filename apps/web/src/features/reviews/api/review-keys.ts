/** `GET /reviews/<queue>`. */
export type ReviewQueue = 'pending' | 'break-glass' | 'decided';

/** The order of the pending queue; the server sorts. */
export type QueueOrder = 'oldest' | 'newest';

/** Query keys for a reviewer's queues: one entry per queue, order and page cursor. */
export const reviewKeys = {
  all: ['reviews'] as const,
  queue: (queue: ReviewQueue) => [...reviewKeys.all, queue] as const,
  page: (queue: ReviewQueue, order: QueueOrder, cursor: string | undefined) =>
    [...reviewKeys.queue(queue), order, cursor ?? null] as const,
};
