import type { HistoryEvent } from '../access-request';
import type { SessionRecord } from '../federation/ports';
import { genesisHashOf, historyEntryHashOf, sessionEntryHashOf } from './chain';

export type ChainEntryKind = 'history' | 'session';

/**
 * One entry of a request's chain as the store holds it now. `key` names it for people: the
 * history position ("0", "1", …) or the session id. `hash`/`prev` are what was stored (undefined
 * when missing); the verifier recomputes the hash from `content`.
 */
export type ChainEntry = {
  readonly requestId: string;
  readonly key: string;
  readonly at: string;
  /** The event type or session kind, so a finding reads "APPROVED at …", not a hash. */
  readonly label: string;
  readonly prev: string | undefined;
  readonly hash: string | undefined;
} & (
  | { readonly kind: 'history'; readonly content: HistoryEvent }
  | { readonly kind: 'session'; readonly content: SessionRecord }
);

/** A session as stored, with the chain fields written next to it. */
export interface ChainedSession {
  readonly record: SessionRecord;
  readonly prev: string | undefined;
  readonly hash: string | undefined;
}

export const entryHashOf = (entry: ChainEntry, prev: string): string =>
  entry.kind === 'history'
    ? historyEntryHashOf(prev, entry.content)
    : sessionEntryHashOf(prev, entry.content);

/** The stored request's entries: history event i links to stored hash i − 1 (genesis first). */
export const chainEntriesOf = (
  requestId: string,
  history: readonly HistoryEvent[],
  storedChain: readonly string[] | undefined,
  sessions: readonly ChainedSession[],
): readonly ChainEntry[] => {
  const chain = storedChain ?? [];
  const historyEntries: ChainEntry[] = history.map((event, index) => ({
    requestId,
    kind: 'history',
    key: String(index),
    at: event.at,
    label: event.type,
    prev: index === 0 ? genesisHashOf(requestId) : chain[index - 1],
    hash: chain[index],
    content: event,
  }));
  const sessionEntries: ChainEntry[] = sessions.map((session) => ({
    requestId,
    kind: 'session',
    key: session.record.id,
    at: session.record.issuedAt,
    label: session.record.kind,
    prev: session.prev,
    hash: session.hash,
    content: session.record,
  }));
  return [...historyEntries, ...sessionEntries];
};

/** UTC day (YYYY-MM-DD) of an instant: the digest an entry belongs to. */
export const utcDayOf = (instant: string): string =>
  new Date(Date.parse(instant)).toISOString().slice(0, 10);
