import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The signal of the HTTP request being served, if any: aborted when its budget runs out or its
 * caller goes away. Outbound calls made while serving it (through DeadlineHttpHandler) end then
 * too, so no work continues for a caller who has gone.
 */
const budgets = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` with `signal` as the budget of every outbound call it makes. */
export const withinCallBudget = <T>(signal: AbortSignal, work: () => T): T =>
  budgets.run(signal, work);

/** The budget of the request being served, or undefined outside one (notifier, sweeper, CLI). */
export const currentCallBudget = (): AbortSignal | undefined => budgets.getStore();

/**
 * `signal` and the current budget combined: aborted as soon as either is. Always a signal of the
 * call's own, so each call's abort listener goes on it rather than on the request's budget, which
 * a request making many calls at once would otherwise pile listeners onto.
 */
export const withCallBudget = (signal: AbortSignal | undefined): AbortSignal | undefined => {
  const budget = currentCallBudget();
  if (budget === undefined) return signal;
  return AbortSignal.any(signal === undefined ? [budget] : [signal, budget]);
};
