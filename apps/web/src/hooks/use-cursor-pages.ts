import { useCallback, useMemo, useState } from 'react';

interface CursorState {
  /** The filters these cursors belong to; new filters start over at page 1. */
  key: string;
  /** cursors[i] opens page i; page 0 has none. */
  cursors: (string | undefined)[];
  /** counts[i]: how many rows page i showed, once it has been seen. */
  counts: number[];
  index: number;
}

const fresh = (key: string): CursorState => ({ key, cursors: [undefined], counts: [], index: 0 });

/**
 * Numbered pages over a forward-only cursor API: remember each page's cursor as it is learnt, so
 * "previous" and any seen page number work, and "next" exists while the server gave a cursor.
 * The server never says how many rows there are, so the counter says what is known: the exact
 * number once the last page has been seen, otherwise the rows seen so far and a "+".
 */
export function useCursorPages(key: string) {
  const [state, setState] = useState<CursorState>(() => fresh(key));
  const current = state.key === key ? state : fresh(key);
  if (current !== state) setState(current);

  const learnNext = useCallback(
    (nextCursor: string | undefined, rowCount = 0) =>
      setState((s) => {
        if (s.cursors[s.index + 1] === nextCursor && s.counts[s.index] === rowCount) return s;
        // A page's next cursor decides what follows it; anything learnt further on is stale.
        const cursors = s.cursors.slice(0, s.index + 1);
        if (nextCursor) cursors.push(nextCursor);
        const counts = s.counts.slice(0, s.index);
        counts[s.index] = rowCount;
        return { ...s, cursors, counts };
      }),
    [],
  );
  const goTo = useCallback(
    (index: number) =>
      setState((s) => (index >= 0 && index < s.cursors.length ? { ...s, index } : s)),
    [],
  );

  return useMemo(() => {
    const hasMore = current.cursors.length > current.index + 1;
    const seen = current.counts.reduce((sum, count) => sum + count, 0);
    // Pages are learnt in order, so this holds once a page without a next cursor was counted.
    const complete = current.counts.length === current.cursors.length;
    return {
      index: current.index,
      cursor: current.cursors[current.index],
      known: current.cursors.length,
      hasMore,
      /** More pages may exist beyond the ones known (Pagination's `openEnd`). */
      openEnd: !complete,
      /** "(12)" when every page has been seen, "(25+)" while more pages exist. */
      counterText: current.counts.length === 0 ? undefined : `(${seen}${complete ? '' : '+'})`,
      learnNext,
      goTo,
    };
  }, [current, learnNext, goTo]);
}
