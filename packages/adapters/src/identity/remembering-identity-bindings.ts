import type { IdentityBindings } from '@elevate/domain';

export interface RememberedBindingsOptions {
  /**
   * How long a 'bound' answer stands without asking the store again: the longest a warm process
   * could miss an operator deleting a binding by hand (Elevate itself never deletes one).
   */
  maxAgeMs?: number;
  /** Pairs remembered per process; the oldest goes first. */
  maxEntries?: number;
  /** A clock that never steps back, for the entries' age. */
  monotonicMs?: () => number;
}

/**
 * Remembers which (address, `sub`) pairs the store has answered 'bound': every federate call asks,
 * and the answer is a conditional write to the store each time. Bindings are written once and never
 * deleted (docs/data-model.md, "E-mail bindings"), so a 'bound' answer cannot turn into 'taken'.
 * 'taken' and failures are never remembered: a conflict is asked about again on every call.
 */
export function rememberingBindings(
  bindings: IdentityBindings,
  options: RememberedBindingsOptions = {},
): IdentityBindings {
  const maxAgeMs = options.maxAgeMs ?? 15 * 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  /** [sub, address] as JSON (unambiguous whatever either holds) → monotonic ms when too old. */
  const boundUntil = new Map<string, number>();
  return {
    async bind(canonicalEmail, sub) {
      const key = JSON.stringify([sub, canonicalEmail]);
      const staleAt = boundUntil.get(key);
      if (staleAt !== undefined) {
        if (monotonicMs() < staleAt) return 'bound';
        boundUntil.delete(key);
      }
      const answer = await bindings.bind(canonicalEmail, sub);
      if (answer !== 'bound') return answer;
      if (!boundUntil.has(key) && boundUntil.size >= maxEntries) {
        const oldest = boundUntil.keys().next();
        if (oldest.done !== true) boundUntil.delete(oldest.value);
      }
      boundUntil.set(key, monotonicMs() + maxAgeMs);
      return answer;
    },
  };
}
