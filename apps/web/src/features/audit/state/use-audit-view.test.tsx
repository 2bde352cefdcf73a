import { Suspense, startTransition, useLayoutEffect, useState, type ReactNode } from 'react';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuditView } from './use-audit-view';

type View = ReturnType<typeof useAuditView>;

/**
 * The page as the router drives it: the URL is state that changes in a transition (as react-router
 * commits a navigation), and `pushed` records every URL the page asked for.
 */
function harness(initial: string) {
  const pushed: string[] = [];
  const current: { view?: View } = {};
  const controls: {
    showUrl?: (search: string, options?: { hold?: boolean }) => void;
    rerenderUrgently?: (then?: (view: View) => void) => void;
  } = {};
  // A transition that suspends is rendered but not committed: React keeps showing the old URL.
  const never = new Promise<never>(() => undefined);
  function Hold({ hold }: { hold: boolean }): ReactNode {
    if (hold) throw never;
    return null;
  }
  function Page() {
    const [url, setUrl] = useState({ search: new URLSearchParams(initial), hold: false });
    // An urgent render, and what an event handled right after its commit does.
    const [urgent, setUrgent] = useState<{ then?: (view: View) => void }>({});
    const view = useAuditView(url.search, (next) => pushed.push(next.toString()), 1_000);
    // What was committed: a render React throws away must not be what the test reads.
    useLayoutEffect(() => {
      current.view = view;
    });
    controls.showUrl = (search, options) =>
      startTransition(() =>
        setUrl({ search: new URLSearchParams(search), hold: options?.hold ?? false }),
      );
    controls.rerenderUrgently = (then) => setUrgent(then ? { then } : {});
    useLayoutEffect(() => urgent.then?.(view), [urgent]);
    return (
      <Suspense fallback={null}>
        <Hold hold={url.hold} />
      </Suspense>
    );
  }
  render(<Page />);
  const view = () => {
    if (!current.view) throw new Error('not rendered');
    return current.view;
  };
  return { pushed, view, controls: controls as Required<typeof controls> };
}

describe('the audit view and its changes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('builds each change on the newest applied filters, not on the URL shown', () => {
    const { pushed, view } = harness('requester=bob');
    act(() => view().apply({ ticketMatch: 'prefix' }));
    act(() => view().setDraft('ticket', 'OPS-'));
    act(() => view().apply());
    act(() => view().apply({ order: 'oldest' }));
    expect(pushed).toEqual([
      'requester=bob&ticketMatch=prefix',
      'requester=bob&ticket=OPS-&ticketMatch=prefix',
      'requester=bob&ticket=OPS-&ticketMatch=prefix&order=oldest',
    ]);
  });

  it('keeps a change when the router renders its URL, is interrupted, and a keystroke renders the old URL', () => {
    const { pushed, view, controls } = harness('requester=bob');
    act(() => view().apply({ ticketMatch: 'prefix' }));
    // The router starts rendering the new URL in a transition; it does not commit yet.
    act(() => controls.showUrl('requester=bob&ticketMatch=prefix', { hold: true }));
    expect(view().filters.ticketMatch).toBe('exact');
    // A keystroke renders the old URL urgently in between, and Enter is handled before the router
    // renders the new URL again.
    act(() => view().setDraft('ticket', 'OPS-'));
    act(() => controls.rerenderUrgently((shown) => shown.apply()));
    expect(pushed.at(-1)).toBe('requester=bob&ticket=OPS-&ticketMatch=prefix');
  });

  it('keeps a change when the URL of an earlier change lands after it', () => {
    const { pushed, view, controls } = harness('');
    act(() => view().apply({ ticketMatch: 'prefix' }));
    act(() => view().apply({ status: 'ENDED' }));
    act(() => controls.showUrl('ticketMatch=prefix'));
    act(() => view().apply({ order: 'oldest' }));
    expect(pushed.at(-1)).toBe('status=ENDED&ticketMatch=prefix&order=oldest');
  });

  it('follows a URL it did not apply (back, forward, a link), boxes included', () => {
    const { pushed, view, controls } = harness('ticket=OPS-1');
    act(() => view().apply({ status: 'ENDED' }));
    act(() => controls.showUrl('ticket=OPS-1&status=ENDED'));
    act(() => controls.showUrl('ticket=OPS-1'));
    expect(view().drafts.ticket).toBe('OPS-1');
    act(() => controls.showUrl('requester=carol'));
    expect(view().drafts).toEqual({ requester: 'carol', ticket: '', text: '' });
    act(() => view().apply({ order: 'oldest' }));
    expect(pushed.at(-1)).toBe('requester=carol&order=oldest');
  });

  it('applies typing after a pause, once, and Enter at once without a second apply', () => {
    const { pushed, view } = harness('');
    act(() => view().setDraft('requester', 'bo'));
    act(() => {
      vi.advanceTimersByTime(300);
    });
    act(() => view().setDraft('requester', 'bob'));
    act(() => {
      vi.advanceTimersByTime(499);
    });
    expect(pushed).toEqual([]);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(pushed).toEqual(['requester=bob']);

    act(() => view().setDraft('text', 'restore'));
    act(() => view().apply());
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(pushed).toEqual(['requester=bob', 'requester=bob&q=restore']);
  });

  it('takes what the boxes hold into any change, so a select does not drop typed text', () => {
    const { pushed, view } = harness('');
    act(() => view().setDraft('ticket', 'OPS-9'));
    act(() => view().apply({ accountId: '111111111111' }));
    expect(pushed).toEqual(['account=111111111111&ticket=OPS-9']);
  });

  it('resolves a relative range once per applied view: the loader’s moment first, a new one per change', () => {
    const { view, controls } = harness('');
    expect(view().resolvedAt).toBe(1_000);
    vi.setSystemTime(50_000);
    act(() => view().apply({ status: 'ENDED' }));
    // Until the router shows the new view, the old one keeps its moment (no fetch of old filters).
    expect(view().resolvedAt).toBe(1_000);
    act(() => controls.showUrl('status=ENDED'));
    expect(view().resolvedAt).toBe(50_000);
    act(() => controls.showUrl(''));
    expect(view().resolvedAt).toBe(1_000);
    vi.setSystemTime(90_000);
    act(() => view().refresh());
    expect(view().resolvedAt).toBe(90_000);
  });
});
