import type { ReplayGuard } from './slack-signature';

/** Signatures seen by this process (tests). */
export class InMemoryReplayGuard implements ReplayGuard {
  readonly #seen = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async firstSeen(signature: string, expiresAtEpochSeconds: number): Promise<boolean> {
    const nowSeconds = this.#now() / 1000;
    for (const [seen, expires] of this.#seen) if (expires < nowSeconds) this.#seen.delete(seen);
    if (this.#seen.has(signature)) return false;
    this.#seen.set(signature, expiresAtEpochSeconds);
    return true;
  }
}
