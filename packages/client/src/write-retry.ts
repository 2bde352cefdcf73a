import { ApiProblem } from './api-problem';

/** How often a state-changing call is sent, in all, after temporary failures, with the same key. */
export const MAX_WRITE_ATTEMPTS = 3;
/** Longest wait between those attempts, whatever Retry-After says. */
const MAX_RETRY_WAIT_MS = 5_000;

/** A temporary failure that a call carrying an Idempotency-Key may safely repeat. */
export function isRetryableWrite(error: unknown): boolean {
  return (
    error instanceof ApiProblem &&
    (error.status === 503 || error.status === 0 || error.code === 'IDEMPOTENCY_IN_PROGRESS')
  );
}

/** How long to wait before the next attempt: the server's Retry-After, else a second; capped. */
export function retryWaitMs(error: unknown): number {
  const seconds = error instanceof ApiProblem ? (error.retryAfterSeconds ?? 1) : 1;
  return Math.min(seconds * 1000, MAX_RETRY_WAIT_MS);
}

export function waitFor(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}
