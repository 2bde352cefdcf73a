import { useEffect, useRef } from 'react';
import { useNow } from '../../hooks/use-now';
import { formatRemaining } from '../../lib/format-duration';
import { formatUtcDateTime } from '../../lib/format-time';

export interface CountdownProps {
  /** ISO-8601 instant the countdown reaches zero at. */
  until: string;
  /** Said once the time is up, instead of "0 seconds left". */
  elapsedText?: string;
  /** Called once when the time runs out while shown (e.g. to refetch the request). */
  onElapsed?: () => void;
  /** After the time, e.g. " left" (the default) or "" after "Starts in". */
  suffix?: string;
}

/**
 * Time left until a moment, ticking every second. `role="timer"` is not live by default, so screen
 * readers read it when asked instead of every second.
 */
export function Countdown({
  until,
  elapsedText = 'Time is up',
  onElapsed,
  suffix = ' left',
}: CountdownProps) {
  const now = useNow(1000);
  const end = Date.parse(until);
  const left = end - now;
  const elapsed = Number.isFinite(end) && left <= 0;
  const reported = useRef(false);

  useEffect(() => {
    if (elapsed && !reported.current) {
      reported.current = true;
      onElapsed?.();
    }
    if (!elapsed) reported.current = false;
  }, [elapsed, onElapsed]);

  if (!Number.isFinite(end)) return <span>{until}</span>;
  return (
    <span role="timer" title={`Until ${formatUtcDateTime(new Date(end))}`}>
      {elapsed ? elapsedText : `${formatRemaining(left)}${suffix}`}
    </span>
  );
}
