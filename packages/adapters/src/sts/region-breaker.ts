/**
 * Remembers, for a short while, which STS regions just failed (timeout, throttling, 5xx, network),
 * so the next calls go to a healthy region first instead of each paying the dead one's timeout.
 * After `coolDownMs` a remembered region is tried again (half-open); one success forgets it.
 */
export class RegionBreaker {
  readonly #openUntil = new Map<string, number>();
  readonly #coolDownMs: number;
  readonly #now: () => number;

  constructor(options: { coolDownMs: number; now: () => number }) {
    this.#coolDownMs = options.coolDownMs;
    this.#now = options.now;
  }

  failed(region: string): void {
    this.#openUntil.set(region, this.#now() + this.#coolDownMs);
  }

  succeeded(region: string): void {
    this.#openUntil.delete(region);
  }

  isOpen(region: string): boolean {
    const until = this.#openUntil.get(region);
    return until !== undefined && until > this.#now();
  }

  /** The configured order, healthy regions first; remembered ones last, as a last resort. */
  order(regions: readonly string[]): string[] {
    return [
      ...regions.filter((region) => !this.isOpen(region)),
      ...regions.filter((region) => this.isOpen(region)),
    ];
  }
}
