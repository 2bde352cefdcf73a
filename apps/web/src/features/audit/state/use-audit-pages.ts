import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditPagePosition } from './audit-url';

/** What is known about the pages of one audit view (one set of filters). */
export interface LearntPages {
  /** The view's filters (the URL without the page); new filters start over. */
  key: string;
  /** cursors[i] opens page i: undefined for page 1, null while unknown (a shared link's earlier pages). */
  cursors: (string | null | undefined)[];
  /** counts[i]: the rows page i showed, once seen. */
  counts: (number | undefined)[];
  /** The index of the last page, once a page without a next cursor was seen. */
  lastIndex?: number;
  /** How many requests match: a whole first page's own count, or the server's count, asked apart. */
  total?: number;
}

/** Where reload finds what was learnt: the browser keeps `history.state` across reloads. */
const HISTORY_KEY = 'elevateAuditPages';

const fresh = (key: string, position: AuditPagePosition): LearntPages => {
  const cursors: (string | null | undefined)[] = [undefined];
  for (let i = 1; i <= position.index; i += 1)
    cursors.push(i === position.index ? position.cursor : null);
  return { key, cursors, counts: [] };
};

const saved = (key: string): LearntPages | undefined => {
  const state: unknown = window.history.state;
  if (typeof state !== 'object' || state === null || !(HISTORY_KEY in state)) return undefined;
  const learnt = (state as Record<string, unknown>)[HISTORY_KEY] as LearntPages | undefined;
  return learnt?.key === key && Array.isArray(learnt.cursors) ? learnt : undefined;
};

/** `learnt` with page `index` opened by `cursor` (the URL may know a cursor this state does not). */
const withPosition = (learnt: LearntPages, position: AuditPagePosition): LearntPages => {
  if (learnt.cursors[position.index] === position.cursor) return learnt;
  if (position.index === 0) return learnt;
  const cursors = [...learnt.cursors];
  while (cursors.length <= position.index) cursors.push(null);
  cursors[position.index] = position.cursor;
  // Whatever followed the old cursor of that page says nothing about this one.
  return {
    key: learnt.key,
    cursors: cursors.slice(0, position.index + 1),
    counts: learnt.counts.slice(0, position.index),
    ...(learnt.total === undefined ? {} : { total: learnt.total }),
  };
};

/**
 * Numbered pages over the audit's forward-only cursors, with the page in the URL: the URL says
 * which page is shown (number and cursor), so back, reload and a shared link open that same page.
 * The cursors of the pages before it are remembered as they are learnt — in memory and in the
 * history entry, so a reload keeps "previous" working; a shared link knows only its own page and
 * the first, and a page it does not know opens the first.
 */
export function useAuditPages(
  key: string,
  position: AuditPagePosition,
  show: (position: AuditPagePosition) => void,
) {
  const [state, setState] = useState<LearntPages>(() =>
    withPosition(saved(key) ?? fresh(key, position), position),
  );
  const current =
    state.key === key
      ? withPosition(state, position)
      : withPosition(saved(key) ?? fresh(key, position), position);
  if (current !== state) setState(current);

  useEffect(() => {
    const history: unknown = window.history.state;
    window.history.replaceState(
      {
        ...(typeof history === 'object' && history !== null ? history : {}),
        [HISTORY_KEY]: current,
      },
      '',
    );
  }, [current, position.index, position.cursor]);

  const { index } = position;
  const learn = useCallback(
    (nextCursor: string | undefined, rowCount: number, total: number | undefined) =>
      setState((s) => {
        if (s.key !== key) return s;
        const known = s.cursors[index + 1];
        const sameNext =
          known === nextCursor || (nextCursor === undefined && s.lastIndex === index);
        if (sameNext && s.counts[index] === rowCount && (total === undefined || s.total === total))
          return s;
        const cursors = sameNext ? s.cursors : s.cursors.slice(0, index + 1);
        if (!sameNext && nextCursor) cursors.push(nextCursor);
        const counts = sameNext ? [...s.counts] : s.counts.slice(0, index);
        counts[index] = rowCount;
        const lastIndex = nextCursor === undefined ? index : sameNext ? s.lastIndex : undefined;
        const keptTotal = total ?? s.total;
        return {
          key: s.key,
          cursors,
          counts,
          ...(lastIndex === undefined ? {} : { lastIndex }),
          ...(keptTotal === undefined ? {} : { total: keptTotal }),
        };
      }),
    [key, index],
  );

  const goTo = useCallback(
    (target: number) => {
      // A page beyond the ones learnt has no cursor yet: stay (its cursor arrives with this page).
      if (target >= current.cursors.length) return;
      const cursor = current.cursors[target];
      // Page 1, or a page a shared link did not know: the first page.
      if (target <= 0 || cursor === null || cursor === undefined)
        show({ index: 0, cursor: undefined });
      else show({ index: target, cursor });
    },
    [current, show],
  );

  return useMemo(() => {
    const seenUpTo = (last: number) => {
      let sum = 0;
      for (let i = 0; i <= last; i += 1) {
        const count = current.counts[i];
        if (count === undefined) return undefined;
        sum += count;
      }
      return sum;
    };
    const complete = current.lastIndex === undefined ? undefined : seenUpTo(current.lastIndex);
    const seen = seenUpTo(index);
    // The fewest rows there must be: every page learnt from the first on (also the ones after this
    // page, when the person came back), and at least this page's own on a link that skipped some.
    let known = 0;
    for (let i = 0; current.counts[i] !== undefined; i += 1) known += current.counts[i] ?? 0;
    const atLeast = Math.max(known, current.counts[index] ?? 0);
    // Once the last page is seen, the rows seen are the exact count. Before, a count from the
    // aggregates that is not above the rows there must be is behind the table (the change stream
    // lags): then it says nothing, and the header says what was seen, with a "+".
    const total =
      complete ??
      (current.total !== undefined && current.total > atLeast ? current.total : undefined);
    const counterText =
      total !== undefined ? `(${total})` : seen !== undefined ? `(${seen}+)` : undefined;
    return {
      index,
      cursor: position.cursor,
      /** Pages to number: every page learnt so far. */
      known: Math.max(current.cursors.length, index + 1),
      /** More pages may exist beyond the ones known (Pagination's `openEnd`). */
      openEnd: current.lastIndex === undefined,
      /** "(57)" when the total is known, "(25+)" while more pages may exist. */
      counterText,
      total,
      /** This page's answer has been learnt (its next cursor is known, or that it is the last). */
      learnt: current.counts[index] !== undefined,
      learn,
      goTo,
    };
  }, [current, index, position.cursor, learn, goTo]);
}
