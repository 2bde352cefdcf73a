import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ShellFrame } from './shell-frame';

/** Pretends the screen is a phone (≤ 688 px) or not, for useNarrowScreen's media query. */
function screenIs(narrow: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: narrow,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

function renderFrame() {
  return render(
    <ShellFrame
      topBar={<button type="button">Account menu</button>}
      navigation={
        // Stays on the page (jsdom does not navigate); the frame still sees the click.
        <a href="/policy" onClick={(event) => event.preventDefault()}>
          Policy
        </a>
      }
      breadcrumbs={<span>Crumbs</span>}
    >
      <p>Page content</p>
    </ShellFrame>,
  );
}

const navigation = () => screen.queryByRole('navigation', { name: 'Side navigation' });

describe('the signed-in frame', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the navigation beside the page on a desktop, closable to a menu button', () => {
    screenIs(false);
    renderFrame();
    expect(screen.getByRole('main').textContent).toContain('Page content');
    expect(navigation()).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Close side navigation' }).click());
    expect(navigation()).toBeNull();
    const open = screen.getByRole('button', { name: 'Open side navigation' });
    act(() => open.click());
    expect(navigation()).toBeTruthy();
    // The focus follows to the button that undoes the click.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Close side navigation' }),
    );
  });

  it('opens the navigation over the page on a phone and closes it on a link, Escape or its button', () => {
    screenIs(true);
    renderFrame();
    expect(navigation()).toBeNull();
    const openNavigation = () =>
      act(() => screen.getByRole('button', { name: 'Open side navigation' }).click());

    openNavigation();
    // The page is inert while the navigation covers it; the top bar stays in reach.
    expect(screen.getByRole('main', { hidden: true }).hasAttribute('inert')).toBe(true);
    expect(screen.getByRole('button', { name: 'Account menu' })).toBeTruthy();
    act(() => screen.getByRole('link', { name: 'Policy' }).click());
    expect(navigation()).toBeNull();
    expect(screen.getByRole('main').hasAttribute('inert')).toBe(false);

    openNavigation();
    const nav = navigation();
    if (!nav) throw new Error('no navigation');
    fireEvent.keyDown(nav, { key: 'Escape' });
    expect(navigation()).toBeNull();

    openNavigation();
    act(() => screen.getByRole('button', { name: 'Close side navigation' }).click());
    expect(navigation()).toBeNull();
  });
});
