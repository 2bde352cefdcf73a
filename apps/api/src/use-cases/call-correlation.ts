import { AsyncLocalStorage } from 'node:async_hooks';

const calls = new AsyncLocalStorage<string>();

/**
 * The correlation id of the call being served (API Gateway's request id in AWS), for what the call
 * writes: each history event records it, so the notifier and the revoker, which see the change
 * only on the table's stream, log the same id as the authorizer and the API did.
 */
export const runAsCall = <T>(correlationId: string, work: () => T): T =>
  calls.run(correlationId, work);

/** The call's correlation id; undefined outside a call (the sweeper, operator commands). */
export const currentCorrelationId = (): string | undefined => calls.getStore();
