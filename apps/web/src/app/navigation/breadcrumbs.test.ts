import { describe, expect, it } from 'vitest';
import { breadcrumbsFrom } from './breadcrumbs';

describe('breadcrumbs', () => {
  it('start at the product and follow the routes that name themselves', () => {
    const matches = [
      { pathname: '/', handle: undefined },
      { pathname: '/audit', handle: { crumb: 'Audit' } },
      { pathname: '/audit/r-1', handle: { crumb: 'Request r-1' } },
    ];
    expect(breadcrumbsFrom(matches)).toEqual([
      { text: 'Elevate', href: '/' },
      { text: 'Audit', href: '/audit' },
      { text: 'Request r-1', href: '/audit/r-1' },
    ]);
  });

  it('ignore handles without a text crumb', () => {
    expect(breadcrumbsFrom([{ pathname: '/', handle: { crumb: 3 } }])).toEqual([
      { text: 'Elevate', href: '/' },
    ]);
  });
});
