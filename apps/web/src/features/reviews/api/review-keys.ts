/** Query keys for a reviewer's queues. */
export const reviewKeys = {
  all: ['reviews'] as const,
  queue: (queue: ReviewQueue) => [...reviewKeys.all, queue] as const,
};

/** `GET /reviews/<queue>`. */
export type ReviewQueue = 'pending' | 'break-glass' | 'decided';
