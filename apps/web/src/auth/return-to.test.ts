import { describe, expect, it } from 'vitest';
import { currentPath, returnToFromState, safeReturnTo } from './return-to';

describe('return-to after sign-in', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnTo('/reviews?tab=mine#top')).toBe('/reviews?tab=mine#top');
  });

  it('refuses anything that could leave the site', () => {
    for (const value of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '',
      undefined,
      42,
    ]) {
      expect(safeReturnTo(value)).toBe('/');
    }
  });

  it('reads the path from the OIDC state and falls back to home when the state is not ours', () => {
    expect(returnToFromState({ returnTo: '/audit' })).toBe('/audit');
    expect(returnToFromState({ returnTo: '//evil.example' })).toBe('/');
    expect(returnToFromState('something else')).toBe('/');
    expect(returnToFromState(undefined)).toBe('/');
  });

  it('describes the current location as path, query and fragment', () => {
    expect(currentPath({ pathname: '/audit', search: '?status=active', hash: '#r-1' })).toBe(
      '/audit?status=active#r-1',
    );
  });
});
