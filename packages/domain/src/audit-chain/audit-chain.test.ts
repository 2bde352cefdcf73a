import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../access-request';
import { alice, rita } from '../testing/fixtures';
import { canonicalJson } from './canonical-json';
import { genesisHashOf, historyChainOf, historyHeadOf } from './chain';
import { chainEntriesOf } from './chain-entry';
import { dailyDigestOf } from './digest';
import { merkleRootOf } from './merkle';
import { verifyDayAgainstDigest, verifyUnsignedDay } from './verify-day';
import { sha256HexOf } from './hash';

const event = (at: string, type: HistoryEvent['type'] = 'APPROVAL'): HistoryEvent => ({
  type,
  actor: rita,
  at,
  statusAfter: 'APPROVED',
});

const history: HistoryEvent[] = [
  { type: 'CREATED', actor: alice, at: '2030-01-01T09:00:00.000Z', statusAfter: 'PENDING' },
  event('2030-01-01T09:05:00.000Z'),
];
const [created, approved] = history as [HistoryEvent, HistoryEvent];

describe('canonicalJson', () => {
  it('is independent of key order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: undefined }] })).toBe(
      '{"a":[true,null,{"d":"x"}],"b":1}',
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      }),
    );
  });
});

describe('sha256HexOf (@noble/hashes)', () => {
  it('matches the FIPS 180-4 test vector', () => {
    expect(sha256HexOf('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('historyChainOf', () => {
  it('links each event to the one before, from a genesis bound to the request id', () => {
    const chain = historyChainOf('req-1', history);
    expect(chain).toHaveLength(2);
    expect(historyHeadOf('req-1', history)).toBe(chain[1]);
    expect(historyHeadOf('req-1', [])).toBe(genesisHashOf('req-1'));
    // Same events under another request id: another chain.
    expect(historyChainOf('req-2', history)[0]).not.toBe(chain[0]);
    // Changing the first event changes every later hash.
    const altered = historyChainOf('req-1', [
      { ...created, at: '2030-01-01T09:00:01.000Z' },
      approved,
    ]);
    expect(altered[1]).not.toBe(chain[1]);
  });
});

describe('merkleRootOf', () => {
  it('depends on every leaf and its position', () => {
    const leaves = ['a', 'b', 'c'].map(sha256HexOf);
    const [a, b, c] = leaves as [string, string, string];
    expect(merkleRootOf(leaves)).not.toBe(merkleRootOf([b, a, c]));
    expect(merkleRootOf(leaves)).not.toBe(merkleRootOf(leaves.slice(0, 2)));
    expect(merkleRootOf([a])).toBe(a);
  });
});

describe('verifyDayAgainstDigest', () => {
  const day = '2030-01-01';
  const entries = chainEntriesOf('req-1', history, historyChainOf('req-1', history), []);
  const { digest } = dailyDigestOf(day, entries, '2030-01-02T00:05:00.000Z');

  it('finds nothing in an untouched day', () => {
    expect(digest.leaves).toHaveLength(2);
    expect(verifyDayAgainstDigest(digest, entries)).toEqual([]);
  });

  it('names an altered, a removed and an inserted event', () => {
    const tampered = [{ ...created, comment: 'edited' }, approved];
    const altered = chainEntriesOf('req-1', tampered, historyChainOf('req-1', history), []);
    expect(verifyDayAgainstDigest(digest, altered).map((f) => [f.change, f.key])).toEqual([
      ['ALTERED', '0'],
    ]);
    const removed = chainEntriesOf(
      'req-1',
      [created],
      historyChainOf('req-1', history).slice(0, 1),
      [],
    );
    expect(verifyDayAgainstDigest(digest, removed).map((f) => [f.change, f.key])).toEqual([
      ['REMOVED', '1'],
    ]);
    const longer = [...history, event('2030-01-01T10:00:00.000Z', 'REVOCATION')];
    const inserted = chainEntriesOf('req-1', longer, historyChainOf('req-1', longer), []);
    expect(verifyDayAgainstDigest(digest, inserted).map((f) => [f.change, f.key])).toEqual([
      ['INSERTED', '2'],
    ]);
  });

  it('refuses a digest whose leaves do not match its root', () => {
    expect(() =>
      verifyDayAgainstDigest({ ...digest, leaves: digest.leaves.slice(1) }, entries),
    ).toThrow(/Merkle root/);
  });

  it('without a digest, checks the links: an event edited in place breaks its own', () => {
    const tampered = [created, { ...approved, comment: 'edited' }];
    const entriesNow = chainEntriesOf('req-1', tampered, historyChainOf('req-1', history), []);
    expect(verifyUnsignedDay(day, entriesNow).map((f) => [f.change, f.key])).toEqual([
      ['ALTERED', '1'],
    ]);
    expect(verifyUnsignedDay(day, entries)).toEqual([]);
  });
});
