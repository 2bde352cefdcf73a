import { describe, expect, it } from 'vitest';
import type { IdentityBindings } from '@elevate/domain';
import { InMemoryIdentityBindings } from './in-memory-identity-bindings';
import { rememberingBindings } from './remembering-identity-bindings';

/** The store's bindings, counting how often each (address, sub) was asked about. */
function countingStore(inner: IdentityBindings = new InMemoryIdentityBindings()) {
  const asked: string[] = [];
  const store: IdentityBindings = {
    bind(canonicalEmail, sub) {
      asked.push(`${canonicalEmail} ${sub}`);
      return inner.bind(canonicalEmail, sub);
    },
  };
  return { store, asked };
}

describe('rememberingBindings', () => {
  it("answers a pair the store has called 'bound' without asking it again", async () => {
    const { store, asked } = countingStore();
    const bindings = rememberingBindings(store);
    expect(await bindings.bind('alice@example.com', 'sub-alice')).toBe('bound');
    expect(await bindings.bind('alice@example.com', 'sub-alice')).toBe('bound');
    expect(await bindings.bind('alice@example.com', 'sub-alice')).toBe('bound');
    expect(asked).toEqual(['alice@example.com sub-alice']);
  });

  it('asks the store about another person presenting a remembered address, every time', async () => {
    const { store, asked } = countingStore();
    const bindings = rememberingBindings(store);
    await bindings.bind('alice@example.com', 'sub-alice');
    expect(await bindings.bind('alice@example.com', 'sub-impostor')).toBe('taken');
    expect(await bindings.bind('alice@example.com', 'sub-impostor')).toBe('taken');
    expect(asked).toEqual([
      'alice@example.com sub-alice',
      'alice@example.com sub-impostor',
      'alice@example.com sub-impostor',
    ]);
  });

  it('does not remember a failure', async () => {
    let failing = true;
    const { store, asked } = countingStore({
      bind: () =>
        failing ? Promise.reject(new Error('store unavailable')) : Promise.resolve('bound'),
    });
    const bindings = rememberingBindings(store);
    await expect(bindings.bind('bob@example.com', 'sub-bob')).rejects.toThrow('store unavailable');
    failing = false;
    expect(await bindings.bind('bob@example.com', 'sub-bob')).toBe('bound');
    expect(asked).toHaveLength(2);
  });

  it('asks again once an answer is older than maxAgeMs', async () => {
    let clock = 0;
    const { store, asked } = countingStore();
    const bindings = rememberingBindings(store, { maxAgeMs: 1_000, monotonicMs: () => clock });
    await bindings.bind('carol@example.com', 'sub-carol');
    clock = 999;
    await bindings.bind('carol@example.com', 'sub-carol');
    expect(asked).toHaveLength(1);
    clock = 1_000;
    await bindings.bind('carol@example.com', 'sub-carol');
    expect(asked).toHaveLength(2);
  });

  it('forgets the oldest pair beyond maxEntries', async () => {
    const { store, asked } = countingStore();
    const bindings = rememberingBindings(store, { maxEntries: 2 });
    await bindings.bind('a@example.com', 'sub-a');
    await bindings.bind('b@example.com', 'sub-b');
    await bindings.bind('c@example.com', 'sub-c');
    await bindings.bind('b@example.com', 'sub-b');
    await bindings.bind('c@example.com', 'sub-c');
    expect(asked).toHaveLength(3);
    await bindings.bind('a@example.com', 'sub-a');
    expect(asked).toHaveLength(4);
  });

  it('keeps address and sub apart in its keys', async () => {
    const { store, asked } = countingStore({ bind: () => Promise.resolve('bound') });
    const bindings = rememberingBindings(store);
    await bindings.bind('x', 'a\u0000b');
    await bindings.bind('b', 'a\u0000x');
    expect(asked).toHaveLength(2);
  });
});
