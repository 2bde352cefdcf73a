import { describe, expect, it } from 'vitest';
import { ApiProblem } from './api-problem';
import { retryDelayMs, shouldRetry } from './query-client';

const problem = (status: number) => new ApiProblem({ status, code: 'INTERNAL', title: 't' });

describe('query retries', () => {
  it('does not retry answers that will not change: 4xx problems', () => {
    expect(shouldRetry(0, problem(400))).toBe(false);
    expect(shouldRetry(0, problem(401))).toBe(false);
    expect(shouldRetry(0, problem(404))).toBe(false);
  });

  it('retries network failures and server errors twice', () => {
    for (const error of [problem(0), problem(503), new TypeError('boom')]) {
      expect(shouldRetry(0, error)).toBe(true);
      expect(shouldRetry(1, error)).toBe(true);
      expect(shouldRetry(2, error)).toBe(false);
    }
  });
});

describe('query retry delays', () => {
  it('waits as long as Retry-After says, else backs off', () => {
    expect(
      retryDelayMs(0, new ApiProblem({ status: 503, code: 'STORE_UNAVAILABLE', title: 't' }, 3)),
    ).toBe(3000);
    expect(retryDelayMs(0, problem(503))).toBe(1000);
    expect(retryDelayMs(1, problem(503))).toBe(2000);
    expect(retryDelayMs(9, problem(503))).toBe(10_000);
  });
});
