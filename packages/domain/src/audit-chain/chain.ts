import type { HistoryEvent } from '../access-request';
import type { SessionRecord } from '../federation/ports';
import { canonicalJson } from './canonical-json';
import { sha256HexOf } from './hash';

/**
 * The per-request hash chain. Every history event and every session record is an entry whose hash
 * covers the hash of the entry before it (`prev`) and the entry's own canonical JSON, so changing,
 * dropping or slipping in an entry breaks every later link. Domain-separated prefixes keep a
 * history event from ever hashing like a session or a Merkle node.
 */
export const CHAIN_VERSION = 'elevate-audit-chain-v1';

/** The first `prev` of a request's chain: bound to the request id, so chains cannot be swapped. */
export const genesisHashOf = (requestId: string): string =>
  sha256HexOf(`${CHAIN_VERSION}\ngenesis\n${requestId}`);

export const historyEntryHashOf = (prev: string, event: HistoryEvent): string =>
  sha256HexOf(`${CHAIN_VERSION}\nhistory\n${prev}\n${canonicalJson(event)}`);

/** A session's hashed fields: the stored record, nothing else (it never holds a secret). */
export const sessionEntryHashOf = (prev: string, session: SessionRecord): string =>
  sha256HexOf(`${CHAIN_VERSION}\nsession\n${prev}\n${canonicalJson(session)}`);

/** The hashes of a whole history, in order: entry i links to entry i − 1 (the first to genesis). */
export const historyChainOf = (
  requestId: string,
  history: readonly HistoryEvent[],
): readonly string[] => {
  const hashes: string[] = [];
  let prev = genesisHashOf(requestId);
  for (const event of history) {
    prev = historyEntryHashOf(prev, event);
    hashes.push(prev);
  }
  return hashes;
};

/** The hash the next history event links to: the last event's, or genesis for a new request. */
export const historyHeadOf = (requestId: string, history: readonly HistoryEvent[]): string =>
  historyChainOf(requestId, history).at(-1) ?? genesisHashOf(requestId);
