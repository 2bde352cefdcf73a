import './shell-frame.css';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import Button, { type ButtonProps } from '@cloudscape-design/components/button';
import { useNarrowScreen } from '../../hooks/use-narrow-screen';

export interface ShellFrameProps {
  topBar: ReactNode;
  /** The side navigation's content; the frame gives it its landmark and open/close buttons. */
  navigation: ReactNode;
  breadcrumbs: ReactNode;
  children: ReactNode;
}

/** Keeps `--elevate-top-bar-height` on the frame, so the navigation sticks just below the top bar. */
function useTopBarHeight() {
  const frame = useRef<HTMLDivElement>(null);
  const topBar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const bar = topBar.current;
    if (!bar || typeof ResizeObserver !== 'function') return;
    const update = () =>
      frame.current?.style.setProperty('--elevate-top-bar-height', `${bar.offsetHeight}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  return { frame, topBar };
}

/**
 * The signed-in frame, built from Cloudscape's components and design tokens instead of its
 * `AppLayout` (which bundles three layouts, drawers and drag and drop: ~75 KiB gzip, issue #12).
 * Desktop: the navigation beside the page, closable to a menu button. Phone: the navigation opens
 * over the page (inert until it closes: by its button, Escape or following a link), under the top bar.
 */
export function ShellFrame({ topBar, navigation, breadcrumbs, children }: ShellFrameProps) {
  const narrow = useNarrowScreen();
  // Crossing the phone breakpoint (rotation, resizing) starts from that width's default: open
  // beside the page on a desktop, closed on a phone.
  const [state, setState] = useState({ narrow, open: !narrow });
  if (state.narrow !== narrow) setState({ narrow, open: !narrow });
  const { open } = state;
  const setOpen = (next: boolean) => setState({ narrow, open: next });
  const { frame, topBar: topBarRef } = useTopBarHeight();
  const openButton = useRef<ButtonProps.Ref>(null);
  const closeButton = useRef<ButtonProps.Ref>(null);
  // Set by a person's toggle: the focus follows to the button that undoes it.
  const moveFocus = useRef(false);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (open ? closeButton : openButton).current?.focus();
  }, [open]);

  const toggle = (next: boolean) => {
    moveFocus.current = true;
    setOpen(next);
  };
  const overlay = narrow && open;
  return (
    <div ref={frame} className="elevate-shell" data-narrow={narrow || undefined}>
      <div id="top-bar" ref={topBarRef} className="elevate-shell__top-bar">
        {topBar}
      </div>
      <div className="elevate-shell__body">
        {open && (
          <nav
            aria-label="Side navigation"
            className="elevate-shell__navigation"
            onKeyDown={(event) => {
              if (overlay && event.key === 'Escape') toggle(false);
            }}
            onClick={(event) => {
              // On a phone, following a link shows its page: the navigation gets out of the way.
              if (overlay && (event.target as Element).closest('a[href]')) setOpen(false);
            }}
          >
            <div className="elevate-shell__navigation-close">
              <Button
                ref={closeButton}
                variant="icon"
                iconName={narrow ? 'close' : 'angle-left'}
                ariaLabel="Close side navigation"
                onClick={() => toggle(false)}
              />
            </div>
            {navigation}
          </nav>
        )}
        <main className="elevate-shell__main" inert={overlay}>
          <div className="elevate-shell__toolbar">
            {!open && (
              <Button
                ref={openButton}
                variant="icon"
                iconName="menu"
                ariaLabel="Open side navigation"
                onClick={() => toggle(true)}
              />
            )}
            {breadcrumbs}
          </div>
          {children}
        </main>
      </div>
    </div>
  );
}
