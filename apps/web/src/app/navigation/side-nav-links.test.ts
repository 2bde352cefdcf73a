import { describe, expect, it } from 'vitest';
import { sideNavLinks } from './side-nav-links';

describe('side navigation links', () => {
  it('gives admins every page', () => {
    expect(sideNavLinks(['elevate-admins']).map((link) => link.href)).toEqual([
      '/',
      '/requests/new',
      '/reviews',
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

  it('adds Reviews for reviewers and Audit for auditors', () => {
    expect(sideNavLinks(['reviewers']).map((link) => link.text)).toContain('Reviews');
    expect(sideNavLinks(['reviewers']).map((link) => link.text)).not.toContain('Audit');
    expect(sideNavLinks(['auditors']).map((link) => link.text)).toContain('Audit');
  });
});
