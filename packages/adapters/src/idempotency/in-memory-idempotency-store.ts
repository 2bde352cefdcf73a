import type {
  BeginInput,
  BeginResult,
  IdempotencyRecord,
  IdempotencyStore,
  StoredResponse,
} from './idempotency-store';
import { decide } from './idempotency-store';

/** The same store in process memory, for API tests. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  readonly #records = new Map<string, IdempotencyRecord>();

  async begin(input: BeginInput): Promise<BeginResult> {
    const id = `${input.scope}#${input.key}`;
    const record = this.#records.get(id);
    if (record === undefined) {
      this.#records.set(id, {
        fingerprint: input.fingerprint,
        writerToken: input.writerToken,
        reservedId: input.reservedId,
        leaseUntilMs: input.nowMs + input.leaseMs,
      });
      return {
        kind: 'started',
        writerToken: input.writerToken,
        reservedId: input.reservedId,
        resumed: false,
      };
    }
    const decision = decide(record, input);
    if (decision !== 'takeOver') return decision;
    this.#records.set(id, { ...record, leaseUntilMs: input.nowMs + input.leaseMs });
    return {
      kind: 'started',
      writerToken: record.writerToken,
      reservedId: record.reservedId,
      resumed: true,
    };
  }

  async complete(
    scope: string,
    key: string,
    writerToken: string,
    response: StoredResponse,
  ): Promise<void> {
    const record = this.#records.get(`${scope}#${key}`);
    if (record?.writerToken === writerToken)
      this.#records.set(`${scope}#${key}`, { ...record, response });
  }

  async release(scope: string, key: string, writerToken: string): Promise<void> {
    const record = this.#records.get(`${scope}#${key}`);
    if (record?.writerToken === writerToken && record.response === undefined)
      this.#records.set(`${scope}#${key}`, { ...record, leaseUntilMs: 0 });
  }
}
