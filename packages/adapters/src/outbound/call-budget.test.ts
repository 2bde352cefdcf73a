import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { withCallBudget, withinCallBudget } from './call-budget';

describe('the call budget', () => {
  it('gives each outbound call a signal of its own that ends with the budget', () => {
    const request = new AbortController();
    const calls = withinCallBudget(request.signal, () =>
      Array.from({ length: 12 }, () => withCallBudget(undefined)),
    );
    // Listeners the HTTP handler adds per call go on the call's signal, not the request's.
    for (const call of calls) call?.addEventListener('abort', () => undefined);
    expect(getEventListeners(request.signal, 'abort')).toHaveLength(0);
    expect(new Set(calls).size).toBe(12);
    expect(calls.every((call) => call?.aborted === false)).toBe(true);
    request.abort();
    expect(calls.every((call) => call?.aborted === true)).toBe(true);
  });

  it("ends a call when either its own signal or the request's budget ends", () => {
    const request = new AbortController();
    const own = new AbortController();
    const call = withinCallBudget(request.signal, () => withCallBudget(own.signal));
    own.abort();
    expect(call?.aborted).toBe(true);
    expect(
      withinCallBudget(new AbortController().signal, () => withCallBudget(undefined))?.aborted,
    ).toBe(false);
  });

  it('outside a request, passes the call its own signal unchanged', () => {
    const own = new AbortController().signal;
    expect(withCallBudget(own)).toBe(own);
    expect(withCallBudget(undefined)).toBeUndefined();
  });
});
