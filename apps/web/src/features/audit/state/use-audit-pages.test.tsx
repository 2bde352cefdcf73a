import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditPagePosition } from './audit-url';
import { useAuditPages } from './use-audit-pages';

const first: AuditPagePosition = { index: 0, cursor: undefined };

/** The hook for one view, at `position`, with `learn` and `rerender` to drive it. */
function pagesAt(position: AuditPagePosition) {
  const show = vi.fn();
  return renderHook(({ at }) => useAuditPages('a view', at, show), {
    initialProps: { at: position },
  });
}

describe('the audit header’s count', () => {
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '');
  });

  it('takes the server’s count when it is above the rows shown, and says "N+" when it is behind', () => {
    const { result } = pagesAt(first);
    act(() => result.current.learn('c1', 25, 20));
    // The aggregates lag the table: 20 cannot be right with 25 rows on screen and more to come.
    expect(result.current.counterText).toBe('(25+)');
    act(() => result.current.learn('c1', 25, 57));
    expect(result.current.counterText).toBe('(57)');
  });

  it('weighs the count against every page learnt, also after going back to the first', () => {
    const { result, rerender } = pagesAt(first);
    act(() => result.current.learn('c1', 25, undefined));
    rerender({ at: { index: 1, cursor: 'c1' } });
    act(() => result.current.learn('c2', 25, undefined));
    rerender({ at: { index: 2, cursor: 'c2' } });
    act(() => result.current.learn('c3', 25, undefined));
    rerender({ at: first });
    // 75 rows have been shown: a count of 60 is behind, though page 1 holds only 25.
    act(() => result.current.learn('c1', 25, 60));
    expect(result.current.counterText).toBe('(25+)');
    act(() => result.current.learn('c1', 25, 120));
    expect(result.current.counterText).toBe('(120)');
  });

  it('on a link to a later page, takes no count below the rows of that page', () => {
    const { result } = pagesAt({ index: 2, cursor: 'c2' });
    act(() => result.current.learn('c3', 7, 0));
    // The earlier pages are unknown: nothing to say rather than "(0)" over seven rows.
    expect(result.current.counterText).toBeUndefined();
    act(() => result.current.learn('c3', 7, 57));
    expect(result.current.counterText).toBe('(57)');
  });

  it('counts exactly once the last page is seen, whatever the server said', () => {
    const { result, rerender } = pagesAt(first);
    act(() => result.current.learn('c1', 25, 40));
    rerender({ at: { index: 1, cursor: 'c1' } });
    act(() => result.current.learn(undefined, 12, 40));
    expect(result.current.counterText).toBe('(37)');
  });
});
