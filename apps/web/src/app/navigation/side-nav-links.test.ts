import { describe, expect, it } from 'vitest';
import { sideNavLinks } from './side-nav-links';

describe('side navigation links', () => {
  it('gives admins every page, with the break-glass shortcut under Reviews', () => {
    expect(sideNavLinks(['elevate-admins']).map((link) => link.href)).toEqual([
      '/my-access',
      '/requests/new',
      '/reviews',
      '/reviews?tab=break-glass',
      '/access',
      '/audit',
      '/insights',
      '/policy',
    ]);
  });

  it('shows requesters only their own pages and the policy', () => {
    expect(sideNavLinks(['engineers']).map((link) => link.text)).toEqual([
      'My access',
      'New request',
      'Policy',
    ]);
  });

  it('offers no New request to someone no rule lets request anything', () => {
    expect(
      sideNavLinks(['contractors'], undefined, { mayRequest: false }).map((link) => link.text),
    ).toEqual(['My access', 'Policy']);
  });

  it('counts what waits: open windows on My access, pending requests on Reviews', () => {
    const links = sideNavLinks(['reviewers']);
    expect(links.find((link) => link.text === 'My access')?.counter).toBe('openWindows');
    expect(links.find((link) => link.text === 'Reviews')?.counter).toBe('pendingReviews');
    expect(links.find((link) => link.text === 'Break-glass to review')).toMatchObject({
      counter: 'breakGlassToReview',
      onlyWhenCounted: true,
    });
  });

  it('adds Reviews for reviewers and Audit for auditors', () => {
    expect(sideNavLinks(['reviewers']).map((link) => link.text)).toContain('Reviews');
    expect(sideNavLinks(['reviewers']).map((link) => link.text)).not.toContain('Audit');
    expect(sideNavLinks(['auditors']).map((link) => link.text)).toContain('Audit');
  });
});
