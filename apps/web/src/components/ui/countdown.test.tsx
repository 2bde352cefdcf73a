import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { Countdown } from './countdown';

describe('countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-05-12T12:00:00Z'));
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('ticks down every second and says when time is up, telling its owner once', () => {
    const onElapsed = vi.fn();
    render(
      <Countdown until="2026-05-12T12:01:02Z" elapsedText="Access ended" onElapsed={onElapsed} />,
    );
    expect(screen.getByRole('timer').textContent).toBe('1 minute 2 seconds left');

    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(screen.getByRole('timer').textContent).toBe('59 seconds left');
    expect(onElapsed).not.toHaveBeenCalled();

    act(() => {
      vi.advanceTimersByTime(59_000);
    });
    expect(screen.getByRole('timer').textContent).toBe('Access ended');
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(onElapsed).toHaveBeenCalledTimes(1);
  });

  it('shows hours for long windows and the end in UTC on hover', () => {
    render(<Countdown until="2026-05-12T14:05:00Z" />);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('2 hours 5 minutes left');
    expect(timer.getAttribute('title')).toBe('Until 2026-05-12 14:05:00 UTC');
  });
});
