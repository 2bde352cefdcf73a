/**
 * A concurrency limit that follows what calls take, for a route whose calls are dear (federation).
 *
 * A fixed limit is right for one machine only: eight federate calls at once answered well under
 * 100 ms where a call cost ~4 ms of CPU, and at 100–160 ms p99 on the same machine on a day it ran
 * slower (docs/performance.md). This one cuts the limit by a quarter when a call takes more than
 * `addedMs` beyond the fastest calls (the time the outbound calls take with no queue in front of
 * them), and raises it by one per `limit` calls served within that while the limit was
 * reached: additive increase, multiplicative decrease, as TCP does. Hand-written (~40 lines): npm
 * has no well-kept adaptive limiter; Netflix's concurrency-limits, the model, is Java. It acts on
 * the Node server only (shed-load.ts; a Lambda instance serves one call at a time); where the
 * outbound calls' own times vary by more than `addedMs` (a distant STS), it sheds more than it must.
 */

/** What the admission asks of a limit. */
export interface ConcurrencyLimit {
  /** Calls that may be worked on at once now. */
  readonly current: number;
  /** Told of each call served: when it started and ended, and whether others were active when it started. */
  observe(call: ServedCall): void;
}

export interface ServedCall {
  startedAt: number;
  endedAt: number;
  /** Other calls were being worked on when this one was admitted. */
  contended: boolean;
  /** The limit was reached when this one was admitted (so the limit, not the callers, bounded the work). */
  atLimit: boolean;
}

export interface LatencyLimitOptions {
  initial: number;
  min: number;
  max: number;
  /** How much longer than an uncontended call a call may take before the limit is cut. */
  addedMs: number;
}

export class LatencyLimit implements ConcurrencyLimit {
  #limit: number;
  /**
   * What a call takes with no queue in front of it: the fastest call seen, raised only by calls
   * that met no contention (so a lasting slowdown of STS or the store is learned, while a loaded
   * process, whose calls are all contended, cannot talk itself into a higher limit).
   */
  #floorMs = Number.POSITIVE_INFINITY;
  /** Calls that started before the last cut do not cut again: they ran under the old limit. */
  #lastCutAt = Number.NEGATIVE_INFINITY;

  constructor(readonly options: LatencyLimitOptions) {
    this.#limit = options.initial;
  }

  get current(): number {
    return Math.floor(this.#limit);
  }

  observe({ startedAt, endedAt, contended, atLimit }: ServedCall): void {
    const took = endedAt - startedAt;
    if (took < this.#floorMs) this.#floorMs = took;
    else if (!contended) this.#floorMs += (took - this.#floorMs) / 8;
    const { min, max, addedMs } = this.options;
    if (took > this.#floorMs + addedMs) {
      if (startedAt < this.#lastCutAt) return;
      this.#limit = Math.max(min, this.#limit * 0.75);
      this.#lastCutAt = endedAt;
    } else if (atLimit) {
      this.#limit = Math.min(max, this.#limit + 1 / this.#limit);
    }
  }
}
