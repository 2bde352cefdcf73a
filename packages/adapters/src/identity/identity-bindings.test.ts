import { describe, expect, it } from 'vitest';
import type { IdentityBindings } from '@elevate/domain';
import { useDynalite } from '../dynamodb/testing/use-dynalite';
import { DynamoDbIdentityBindings } from './dynamodb-identity-bindings';
import { InMemoryIdentityBindings } from './in-memory-identity-bindings';

const dynalite = useDynalite();

const adapters: [string, () => Promise<IdentityBindings>][] = [
  ['in memory', () => Promise.resolve(new InMemoryIdentityBindings())],
  [
    'DynamoDB',
    async () =>
      new DynamoDbIdentityBindings({
        client: dynalite.client,
        tableName: await dynalite.freshTable(),
      }),
  ],
];

describe.each(adapters)('identity bindings (%s)', (_name, make) => {
  it('binds an address to the first person and keeps it theirs', async () => {
    const bindings = await make();
    expect(await bindings.bind('alice@example.com', 'sub-alice')).toBe('bound');
    expect(await bindings.bind('alice@example.com', 'sub-alice')).toBe('bound');
  });

  it('refuses a second person presenting an address already bound', async () => {
    const bindings = await make();
    await bindings.bind('alice@example.com', 'sub-alice');
    expect(await bindings.bind('alice@example.com', 'sub-impostor')).toBe('taken');
    expect(await bindings.bind('bob@example.com', 'sub-impostor')).toBe('bound');
  });

  it('lets only one of two people racing for a free address win', async () => {
    const bindings = await make();
    const results = await Promise.all([
      bindings.bind('carol@example.com', 'sub-1'),
      bindings.bind('carol@example.com', 'sub-2'),
    ]);
    expect(results.filter((result) => result === 'bound')).toHaveLength(1);
  });
});
