import { describe, expect, it } from 'vitest';
import { aRequest } from '../../testing/fixtures';
import { navCount } from './nav-counts';

const page = (n: number, more = false) => ({
  items: Array.from({ length: n }, (_, i) => aRequest({ id: `r-${i}` })),
  ...(more ? { nextCursor: 'next' } : {}),
});

describe('navigation counts', () => {
  it('shows nothing while unknown or when nothing waits', () => {
    expect(navCount('pendingReviews', undefined)).toBeUndefined();
    expect(navCount('pendingReviews', page(0))).toBeUndefined();
  });

  it('counts a whole list exactly, in numbers and in words', () => {
    expect(navCount('pendingReviews', page(3))).toEqual({
      text: '3',
      value: 3,
      spoken: '3 requests waiting for your decision',
    });
    expect(navCount('openWindows', page(1))?.spoken).toBe('1 window of yours open now');
    expect(navCount('breakGlassToReview', page(1))?.spoken).toBe('1 break-glass access to review');
  });

  it('says "20+" when the list goes on past its first page, not a made-up total', () => {
    expect(navCount('pendingReviews', page(20, true))?.text).toBe('20+');
  });
});
