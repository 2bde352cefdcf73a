import { useCallback, useMemo, useState } from 'react';

interface CursorState {
  /** The filters these cursors belong to; new filters start over at page 1. */
  key: string;
  /** cursors[i] opens page i; page 0 has none. */
  cursors: (string | undefined)[];
  index: number;
}

/**
 * Numbered pages over a forward-only cursor API: remember each page's cursor as it is learnt, so
 * "previous" and any seen page number work, and "next" exists while the server gave a cursor.
 */
export function useCursorPages(key: string) {
  const [state, setState] = useState<CursorState>({ key, cursors: [undefined], index: 0 });
  const current = state.key === key ? state : { key, cursors: [undefined], index: 0 };
  if (current !== state) setState(current);

  const learnNext = useCallback(
    (nextCursor: string | undefined) =>
      setState((s) => {
        if (s.cursors[s.index + 1] === nextCursor) return s;
        // A page's next cursor decides what follows it; anything learnt further on is stale.
        const cursors = s.cursors.slice(0, s.index + 1);
        if (nextCursor) cursors.push(nextCursor);
        return { ...s, cursors };
      }),
    [],
  );
  const goTo = useCallback(
    (index: number) =>
      setState((s) => (index >= 0 && index < s.cursors.length ? { ...s, index } : s)),
    [],
  );

  return useMemo(
    () => ({
      index: current.index,
      cursor: current.cursors[current.index],
      known: current.cursors.length,
      hasMore: current.cursors.length > current.index + 1,
      learnNext,
      goTo,
    }),
    [current, learnNext, goTo],
  );
}
