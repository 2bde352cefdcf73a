import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Who is writing, for the store: the token every write of this call carries, the id a new request
 * gets, and whether an earlier call with the same Idempotency-Key may already have written. It
 * travels with the request (like the correlation id) so handlers and use cases stay as they are.
 */
export interface Writer {
  readonly writerToken: string;
  readonly reservedId?: string;
  readonly resumed: boolean;
}

const writers = new AsyncLocalStorage<Writer>();

export const runAsWriter = <T>(writer: Writer, work: () => T): T => writers.run(writer, work);

/** The call's writer; a fresh token for calls without an Idempotency-Key (and outside HTTP). */
export const currentWriter = (): Writer =>
  writers.getStore() ?? { writerToken: randomUUID(), resumed: false };
