/** A response as first answered, to replay for a retry with the same Idempotency-Key. */
export interface StoredResponse {
  readonly status: number;
  readonly body: string;
  /** Only headers that describe the outcome (content-type, location). */
  readonly headers: Readonly<Record<string, string>>;
}

export interface BeginInput {
  /** Whose keys: one caller's keys never meet another's. */
  readonly scope: string;
  readonly key: string;
  /** Method, path and body: the same key with a different call is a mistake, not a retry. */
  readonly fingerprint: string;
  /** Used only when this call is the first with the key; a retry gets the first call's. */
  readonly writerToken: string;
  readonly reservedId: string;
  /** Epoch ms now, and how long the call may hold the key before a retry may take it over. */
  readonly nowMs: number;
  readonly leaseMs: number;
}

export type BeginResult =
  /**
   * Go ahead, writing under `writerToken` (and `reservedId` for something new). `resumed`: an
   * earlier call with this key began and did not finish; its write may or may not have happened.
   */
  | {
      readonly kind: 'started';
      readonly writerToken: string;
      readonly reservedId: string;
      readonly resumed: boolean;
    }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'busy' };

/** Idempotency keys with their outcome (docs/api.md, "Retrying safely"). */
export interface IdempotencyStore {
  begin(input: BeginInput): Promise<BeginResult>;
  /** Stores the outcome of the call holding `writerToken`. */
  complete(
    scope: string,
    key: string,
    writerToken: string,
    response: StoredResponse,
  ): Promise<void>;
  /** The call ended without an outcome worth keeping (5xx): a retry may go ahead at once. */
  release(scope: string, key: string, writerToken: string): Promise<void>;
}

/** What a stored key holds, the same in every implementation. */
export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly writerToken: string;
  readonly reservedId: string;
  readonly leaseUntilMs: number;
  readonly response?: StoredResponse;
}

/** The decision for a call whose key is already stored. */
export const decide = (record: IdempotencyRecord, input: BeginInput): BeginResult | 'takeOver' => {
  if (record.fingerprint !== input.fingerprint) return { kind: 'mismatch' };
  if (record.response !== undefined) return { kind: 'replay', response: record.response };
  return record.leaseUntilMs > input.nowMs ? { kind: 'busy' } : 'takeOver';
};
