import { LatencyLimit } from './latency-limit';
import type { ConcurrencyLimit } from './latency-limit';

/** How much work one process takes on: what it works on, what may wait, and for how long. */
export interface AdmissionLimits {
  /** Calls worked on at once: a fixed number, or a limit that follows what calls take. */
  concurrency: number | ConcurrencyLimit;
  /** Calls that may wait for a slot; one more is refused at once. */
  queue: number;
  /** The longest a call waits for a slot; then it is refused. */
  maxWaitMs: number;
}

/**
 * What one local API process takes on (ELEVATE_MAX_IN_FLIGHT, ELEVATE_MAX_QUEUED and
 * ELEVATE_MAX_QUEUE_WAIT_MS, config.ts). Measured with `pnpm bench:load` on a 2-core machine that
 * also runs the store, the notifier and the load: beyond ~16 calls at once the API only adds
 * waiting, and 48 at once left the event loop too busy to accept new connections, so callers
 * timed out instead of being shed (docs/performance.md).
 */
export const DEFAULT_SERVER_ADMISSION = {
  concurrency: 16,
  queue: 64,
  maxWaitMs: 500,
} satisfies AdmissionLimits;

/**
 * What one process serves of the federate route at once. Eight at first; then as many as keep each
 * call within 40 ms of an unqueued one (latency-limit.ts): a fixed eight answered in well under
 * 100 ms at ~4 ms of CPU per call, and in 100–160 ms p99 when the same machine ran slower, while
 * four served as many calls per second (docs/performance.md). A call over the limit is shed at once
 * (told to retry in a second) rather than wait, since waiting federate calls only make every one of
 * them slower. One limit per app: it learns from that process's calls.
 */
export function federateAdmission(): Admission {
  return new Admission({
    concurrency: new LatencyLimit({ initial: 8, min: 1, max: 16, addedMs: 40 }),
    queue: 0,
    maxWaitMs: 0,
  });
}

/**
 * Gives the slot back; calling it again does nothing. `learn: false` keeps the call out of a
 * latency-following limit: a refusal or a failure says nothing about how long serving takes.
 */
export type Release = (learn?: boolean) => void;

interface Waiter {
  admit: (release: Release | undefined) => void;
}

/**
 * A bounded queue in front of a bounded amount of work. A short burst waits a moment and is served;
 * a sustained overload finds the queue full or waits out `maxWaitMs` and is refused at once, so
 * callers get a quick 503 instead of a slow answer or none, and the process keeps the CPU it needs
 * to accept connections and answer the calls it did take. A waiting call whose caller goes away
 * leaves the queue without ever starting.
 */
export class Admission {
  #active = 0;
  readonly #waiting: Waiter[] = [];

  constructor(
    readonly limits: AdmissionLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A slot to release when the call ends, or `undefined` when the call is refused. */
  enter(signal?: AbortSignal): Promise<Release | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    if (this.#active < this.#concurrency() && this.#waiting.length === 0)
      return Promise.resolve(this.#take());
    if (this.#waiting.length >= this.limits.queue) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const leave = () => {
        const at = this.#waiting.indexOf(waiter);
        if (at >= 0) this.#waiting.splice(at, 1);
        waiter.admit(undefined);
      };
      const timer = setTimeout(leave, this.limits.maxWaitMs);
      const waiter: Waiter = {
        admit: (release) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', leave);
          resolve(release);
        },
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.#waiting.push(waiter);
    });
  }

  /** Calls being worked on and calls waiting, for tests and metrics. */
  get load(): { active: number; waiting: number } {
    return { active: this.#active, waiting: this.#waiting.length };
  }

  #concurrency(): number {
    const { concurrency } = this.limits;
    return typeof concurrency === 'number' ? concurrency : concurrency.current;
  }

  #take(): Release {
    const { concurrency } = this.limits;
    const contended = this.#active > 0;
    const atLimit = this.#active + 1 >= this.#concurrency();
    const startedAt = this.now();
    this.#active += 1;
    let released = false;
    return (learn = true) => {
      if (released) return;
      released = true;
      this.#active -= 1;
      if (learn && typeof concurrency !== 'number')
        concurrency.observe({ startedAt, endedAt: this.now(), contended, atLimit });
      if (this.#active < this.#concurrency()) this.#waiting.shift()?.admit(this.#take());
    };
  }
}
