/** How much work one process takes on: what it works on, what may wait, and for how long. */
export interface AdmissionLimits {
  /** Calls worked on at once. */
  concurrency: number;
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
export const DEFAULT_SERVER_ADMISSION: AdmissionLimits = {
  concurrency: 16,
  queue: 64,
  maxWaitMs: 500,
};

/**
 * What one process serves of the federate route at once: at ~4 ms of CPU per call, eight keep a
 * saturated process's answers well under 100 ms; a ninth is shed at once (told to retry in a
 * second) rather than wait, since waiting federate calls only make every one of them slower.
 */
export const DEFAULT_FEDERATE_ADMISSION: AdmissionLimits = {
  concurrency: 8,
  queue: 0,
  maxWaitMs: 0,
};

/** Gives the slot back; calling it again does nothing. */
export type Release = () => void;

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

  constructor(readonly limits: AdmissionLimits) {}

  /** A slot to release when the call ends, or `undefined` when the call is refused. */
  enter(signal?: AbortSignal): Promise<Release | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    if (this.#active < this.limits.concurrency && this.#waiting.length === 0)
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

  #take(): Release {
    this.#active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      this.#waiting.shift()?.admit(this.#take());
    };
  }
}
