import type { DeliveryKey, DeliveryLedger } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { DynamoDbDeliveryLedger } from './dynamodb-delivery-ledger';
import { InMemoryDeliveryLedger } from './in-memory-delivery-ledger';
import { useDynalite } from '../dynamodb/testing/use-dynalite';

const dynalite = useDynalite();

const key: DeliveryKey = {
  requestId: 'req-1',
  version: 1,
  event: 'REQUEST_CREATED',
  audience: 'reviewers',
  channel: 'sns',
};
const T0 = '2025-03-03T09:00:00.000Z';
const T1 = '2025-03-03T09:00:30.000Z';
const T3 = '2025-03-03T09:03:00.000Z';

describe.each([
  [
    'DynamoDbDeliveryLedger',
    async (): Promise<DeliveryLedger> => {
      const tableName = await dynalite.freshTable();
      const client = dynalite.client;
      return new DynamoDbDeliveryLedger({ client, tableName, leaseSeconds: 120 });
    },
  ],
  [
    'InMemoryDeliveryLedger',
    async (): Promise<DeliveryLedger> => new InMemoryDeliveryLedger({ leaseSeconds: 120 }),
  ],
])('%s', (_name, newLedger) => {
  it('lets exactly one of two concurrent claims through, and a completed delivery is done for good', async () => {
    const ledger = await newLedger();
    const outcomes = await Promise.all([ledger.claim(key, T0), ledger.claim(key, T0)]);
    expect(outcomes.sort()).toEqual(['busy', 'claimed']);
    await ledger.complete(key, T1);
    expect(await ledger.claim(key, T3)).toBe('done');
  });

  it('hands a released claim to the next caller at once', async () => {
    const ledger = await newLedger();
    expect(await ledger.claim(key, T0)).toBe('claimed');
    await ledger.release(key);
    expect(await ledger.claim(key, T1)).toBe('claimed');
  });

  it('takes back a claim whose lease lapsed (the holder crashed) but not a live one', async () => {
    const ledger = await newLedger();
    expect(await ledger.claim(key, T0)).toBe('claimed');
    expect(await ledger.claim(key, T1)).toBe('busy');
    expect(await ledger.claim(key, T3)).toBe('claimed');
  });

  it('keeps deliveries of other versions, audiences and channels apart', async () => {
    const ledger = await newLedger();
    await ledger.claim(key, T0);
    expect(await ledger.claim({ ...key, version: 2 }, T0)).toBe('claimed');
    expect(await ledger.claim({ ...key, channel: 'slack' }, T0)).toBe('claimed');
    expect(await ledger.claim({ ...key, audience: 'security' }, T0)).toBe('claimed');
  });
});
