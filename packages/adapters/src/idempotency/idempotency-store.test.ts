import { describe, expect, it } from 'vitest';
import { useDynalite } from '../dynamodb/testing/use-dynalite';
import { DynamoDbIdempotencyStore } from './dynamodb-idempotency-store';
import type { BeginInput, IdempotencyStore } from './idempotency-store';
import { InMemoryIdempotencyStore } from './in-memory-idempotency-store';

const dynalite = useDynalite();

const input = (over: Partial<BeginInput> = {}): BeginInput => ({
  scope: 'user-alice',
  key: 'key-00000001',
  fingerprint: 'fp-1',
  writerToken: 'token-1',
  reservedId: 'id-1',
  nowMs: 1_000,
  leaseMs: 15_000,
  ...over,
});

const stores: Array<[string, () => Promise<IdempotencyStore>]> = [
  ['in memory', async () => new InMemoryIdempotencyStore()],
  [
    'DynamoDB',
    async () =>
      new DynamoDbIdempotencyStore({
        client: dynalite.client,
        tableName: await dynalite.freshTable(),
      }),
  ],
];

describe.each(stores)('idempotency store (%s)', (_name, makeStore) => {
  it('the first call starts; a retry while it runs is busy', async () => {
    const store = await makeStore();
    expect(await store.begin(input())).toEqual({
      kind: 'started',
      writerToken: 'token-1',
      reservedId: 'id-1',
      resumed: false,
    });
    expect(await store.begin(input({ writerToken: 'token-2', reservedId: 'id-2' }))).toEqual({
      kind: 'busy',
    });
  });

  it('a completed call is replayed; a different call with the key is a mismatch', async () => {
    const store = await makeStore();
    await store.begin(input());
    const response = {
      status: 201,
      body: '{"id":"id-1"}',
      headers: { location: '/requests/id-1' },
    };
    await store.complete('user-alice', 'key-00000001', 'token-1', response);
    expect(await store.begin(input({ writerToken: 'token-2' }))).toEqual({
      kind: 'replay',
      response,
    });
    expect(await store.begin(input({ fingerprint: 'fp-2' }))).toEqual({ kind: 'mismatch' });
  });

  it('a released or expired call is taken over with the first call’s token and id', async () => {
    const store = await makeStore();
    await store.begin(input());
    await store.release('user-alice', 'key-00000001', 'token-1');
    expect(await store.begin(input({ writerToken: 'token-2', reservedId: 'id-2' }))).toEqual({
      kind: 'started',
      writerToken: 'token-1',
      reservedId: 'id-1',
      resumed: true,
    });
    // The taker-over now holds a new lease; after it, another retry takes over again.
    expect(await store.begin(input({ writerToken: 'token-3', nowMs: 2_000 }))).toEqual({
      kind: 'busy',
    });
    expect(
      await store.begin(input({ writerToken: 'token-3', nowMs: 1_000 + 15_000 + 1 + 15_000 })),
    ).toMatchObject({ kind: 'started', writerToken: 'token-1', resumed: true });
  });

  it('keys are per scope', async () => {
    const store = await makeStore();
    await store.begin(input());
    expect(await store.begin(input({ scope: 'user-bob', writerToken: 'token-b' }))).toMatchObject({
      kind: 'started',
      writerToken: 'token-b',
      resumed: false,
    });
  });
});
