import type { IdentityBindings } from '@elevate/domain';

/** E-mail → `sub` bindings in a map, for tests and the in-memory composition. */
export class InMemoryIdentityBindings implements IdentityBindings {
  readonly #bindings = new Map<string, string>();

  bind(canonicalEmail: string, sub: string): Promise<'bound' | 'taken'> {
    const bound = this.#bindings.get(canonicalEmail);
    if (bound === undefined) this.#bindings.set(canonicalEmail, sub);
    return Promise.resolve(bound === undefined || bound === sub ? 'bound' : 'taken');
  }
}
