import { describe, expect, it } from 'vitest';
import { sideNavLinks } from './side-nav-links';

describe('side navigation links', () => {
  it('lists only sections that have a page, even for admins', () => {
    expect(sideNavLinks(['elevate-admins'])).toEqual([{ section: 'my-access', text: 'My access', href: '/' }]);
  });
});
