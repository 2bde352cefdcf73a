import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useValidNavAria } from './use-valid-nav-aria';

function Probe({ late }: { late?: boolean }) {
  useValidNavAria();
  return late ? null : <nav aria-label="Side navigation" aria-orientation="horizontal" />;
}

describe('useValidNavAria', () => {
  afterEach(cleanup);

  it('removes aria-orientation from a navigation landmark, also one added later', async () => {
    const { container, rerender } = render(<Probe late />);
    rerender(<Probe />);
    await waitFor(() =>
      expect(container.querySelector('nav')?.hasAttribute('aria-orientation')).toBe(false),
    );
    expect(container.querySelector('nav')?.getAttribute('aria-label')).toBe('Side navigation');
  });
});
