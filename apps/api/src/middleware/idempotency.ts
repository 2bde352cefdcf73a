import { createHash, randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { IdempotencyStore, StoredResponse } from '@elevate/adapters';
import { REQUEST_BUDGET_MS } from '@elevate/adapters';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER } from '@elevate/contracts';
import type { IdGenerator } from '@elevate/domain';
import type { AuthedEnv } from '../app-env';
import { ApiError } from '../http/api-error';
import { runAsWriter } from '../use-cases/writer-context';
import { errorFields } from '../logger';

/** A UUID or any similar opaque token; safe to store and to log. */
const ACCEPTABLE_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** A key is held this long by a call that started and went silent, before a retry may take over. */
const LEASE_MS = REQUEST_BUDGET_MS + 3_000;

/** Headers that are part of an outcome; everything else is per response. */
const KEPT_HEADERS = ['content-type', 'location'];

class IdempotencyError extends Error {
  override readonly name = 'IdempotencyError';
  constructor(
    readonly code: 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_IN_PROGRESS',
    message: string,
  ) {
    super(message);
  }
}

/**
 * `Idempotency-Key` on state-changing POSTs: the first call with a key runs and its outcome (any
 * answer below 500) is stored; a retry with the same key and the same call gets that answer
 * again, marked `Idempotent-Replayed: true`. A call that ended in a 5xx leaves no outcome: its
 * retry runs again under the same writer token, so a write that did happen is found, not repeated.
 * Never for the sessions route: its answer holds credentials, which are never stored.
 */
export function idempotency(
  store: IdempotencyStore,
  ids: IdGenerator,
  nowMs: () => number = Date.now,
): MiddlewareHandler<AuthedEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (c.req.method !== 'POST' || key === undefined || c.req.path.endsWith('/sessions'))
      return next();
    if (!ACCEPTABLE_KEY.test(key)) {
      throw new ApiError(
        'VALIDATION_FAILED',
        'Idempotency-Key must be 8–128 of A–Z a–z 0–9 . _ : -',
        [{ path: 'header:Idempotency-Key', message: 'Use a fresh UUID for each user action.' }],
      );
    }
    const scope = c.var.actor.sub;
    const fingerprint = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n`)
      .update(await c.req.text())
      .digest('base64url');
    const begun = await store.begin({
      scope,
      key,
      fingerprint,
      writerToken: randomUUID(),
      reservedId: ids.next(),
      nowMs: nowMs(),
      leaseMs: LEASE_MS,
    });
    switch (begun.kind) {
      case 'replay':
        return replay(begun.response);
      case 'mismatch':
        throw new IdempotencyError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different call. Use a fresh key for each action.',
        );
      case 'busy':
        throw new IdempotencyError(
          'IDEMPOTENCY_IN_PROGRESS',
          'A call with this Idempotency-Key is still running. Try again in a moment.',
        );
      case 'started':
        break;
    }
    const { writerToken, reservedId, resumed } = begun;
    await runAsWriter({ writerToken, reservedId, resumed }, next);
    try {
      if (c.res.status >= 500) await store.release(scope, key, writerToken);
      else await store.complete(scope, key, writerToken, await storedOf(c.res));
    } catch (error) {
      // The answer stands; a retry with this key finds the write by its token once the lease ends.
      c.var.logger.warn('idempotency outcome not stored', { ...errorFields(error) });
    }
  };
}

const storedOf = async (response: Response): Promise<StoredResponse> => ({
  status: response.status,
  body: await response.clone().text(),
  headers: Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  ),
});

const replay = (stored: StoredResponse): Response =>
  new Response(stored.body, {
    status: stored.status,
    headers: { ...stored.headers, 'cache-control': 'no-store', [IDEMPOTENT_REPLAY_HEADER]: 'true' },
  });
