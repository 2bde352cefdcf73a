import { createLocalJWKSet, errors } from 'jose';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import * as z from 'zod/mini';
import { AuthError } from './auth-error';

/** What the cache reports for logs; never a key or a token. */
export type JwksEvent =
  | { type: 'jwks-fetched'; keys: number; reason: JwksFetchReason }
  | { type: 'jwks-fetch-failed'; reason: JwksFetchReason; staleForMs: number | undefined }
  | { type: 'jwks-stale-keys-used'; ageMs: number };

export type JwksFetchReason = 'first use' | 'refresh' | 'unknown kid';

export interface JwksCacheOptions {
  /** Where the key set lives (discovery may decide it on first use). */
  jwksUri: () => Promise<URL>;
  fetchImpl: typeof fetch;
  /** Milliseconds since the epoch; tests move it. */
  now: () => number;
  /** Keys older than this are refreshed in the background; requests keep using them meanwhile. */
  refreshAfterMs: number;
  /** While the IdP cannot be reached, the last keys keep verifying for this long, then are dropped. */
  staleIfErrorMs: number;
  /** One `kid` triggers at most one refetch in this long, so made-up kids cannot force fetches. */
  unknownKidIntervalMs: number;
  /** A refetch this soon after the last one reuses it: the keys are already that fresh. */
  minRefetchIntervalMs: number;
  /** After a failed fetch, no new attempt for this long: requests fail fast instead of queueing. */
  failureBackoffMs: number;
  /** No request waits longer than this on a fetch. */
  fetchTimeoutMs: number;
  onEvent?: (event: JwksEvent) => void;
}

/** Remembered unknown kids; bounded so a stream of made-up kids cannot grow memory. */
const MAX_REMEMBERED_KIDS = 1000;

const jwksSchema = z.object({
  keys: z.array(z.looseObject({ kty: z.string() })).check(z.maxLength(100)),
});

interface Snapshot {
  fetchedAt: number;
  select: JWTVerifyGetKey;
}

/**
 * The IdP's signing keys. Unlike jose's remote key set, one made-up `kid` cannot delay a newly
 * published key (the refetch limit is per kid), keys already fetched keep verifying through an
 * IdP outage up to `staleIfErrorMs` (logged), and refreshes of known keys happen in the background.
 */
export class JwksCache {
  #snapshot: Snapshot | undefined;
  #inFlight: Promise<Snapshot> | undefined;
  #lastAttemptAt: number | undefined;
  #lastFailureAt: number | undefined;
  readonly #kidAttempts = new Map<string, number>();

  constructor(private readonly options: JwksCacheOptions) {}

  /** A jose key resolver. Refusals are `AuthError`s: `kid` (no such key) or `IDP_UNAVAILABLE`. */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    const snapshot = await this.#usableSnapshot();
    try {
      return await snapshot.select(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
    }
    const fresh = await this.#refetchForUnknownKid(header.kid ?? '');
    return fresh.select(header, token);
  };

  async #usableSnapshot(): Promise<Snapshot> {
    const now = this.options.now();
    const snapshot = this.#snapshot;
    if (snapshot === undefined || now - snapshot.fetchedAt > this.options.staleIfErrorMs) {
      this.#snapshot = undefined;
      if (this.#inBackoff(now)) throw new AuthError('IDP_UNAVAILABLE', { reason: 'jwks' });
      return this.#fetch('first use');
    }
    const age = now - snapshot.fetchedAt;
    if (age > this.options.refreshAfterMs) {
      if (this.#lastFailureAt !== undefined && this.#lastFailureAt > snapshot.fetchedAt)
        this.options.onEvent?.({ type: 'jwks-stale-keys-used', ageMs: age });
      if (!this.#inBackoff(now)) this.#fetch('refresh').catch(() => undefined);
    }
    return snapshot;
  }

  async #refetchForUnknownKid(kid: string): Promise<Snapshot> {
    const now = this.options.now();
    const noKey = () => new AuthError('TOKEN_INVALID', { reason: 'kid' });
    if (this.#inFlight !== undefined) return this.#inFlight;
    if (
      this.#lastAttemptAt !== undefined &&
      now - this.#lastAttemptAt < this.options.minRefetchIntervalMs
    )
      throw noKey();
    const lastForKid = this.#kidAttempts.get(kid);
    if (lastForKid !== undefined && now - lastForKid < this.options.unknownKidIntervalMs)
      throw noKey();
    if (this.#inBackoff(now)) throw new AuthError('IDP_UNAVAILABLE', { reason: 'jwks' });
    this.#kidAttempts.delete(kid);
    this.#kidAttempts.set(kid, now);
    if (this.#kidAttempts.size > MAX_REMEMBERED_KIDS) {
      const [oldest] = this.#kidAttempts.keys();
      if (oldest !== undefined) this.#kidAttempts.delete(oldest);
    }
    return this.#fetch('unknown kid');
  }

  #inBackoff(now: number): boolean {
    return (
      this.#lastFailureAt !== undefined && now - this.#lastFailureAt < this.options.failureBackoffMs
    );
  }

  /** One fetch at a time; everyone asking meanwhile shares it. */
  #fetch(reason: JwksFetchReason): Promise<Snapshot> {
    this.#inFlight ??= this.#load(reason).finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #load(reason: JwksFetchReason): Promise<Snapshot> {
    this.#lastAttemptAt = this.options.now();
    let jwks: JSONWebKeySet;
    try {
      const url = await this.options.jwksUri();
      const response = await this.options.fetchImpl(url, {
        headers: { accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.fetchTimeoutMs),
      });
      if (response.status !== 200) throw new Error(`JWKS answered ${response.status}`);
      jwks = jwksSchema.parse(await response.json()) as JSONWebKeySet;
    } catch {
      const failedAt = this.options.now();
      this.#lastFailureAt = failedAt;
      const stale = this.#snapshot;
      this.options.onEvent?.({
        type: 'jwks-fetch-failed',
        reason,
        staleForMs: stale === undefined ? undefined : failedAt - stale.fetchedAt,
      });
      throw new AuthError('IDP_UNAVAILABLE', { reason: 'jwks' });
    }
    const snapshot: Snapshot = { fetchedAt: this.options.now(), select: createLocalJWKSet(jwks) };
    this.#snapshot = snapshot;
    this.#lastFailureAt = undefined;
    this.options.onEvent?.({ type: 'jwks-fetched', keys: jwks.keys.length, reason });
    return snapshot;
  }
}
