import { formatLocalDateTime, formatUtcDateTime } from '../../lib/format-time';
import { compactDateTimeParts, formatTimeOfDay, isSameDay } from './compact-time';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export interface LocalTimeProps {
  iso: string;
  /** Short form for table cells ("Nov 21, 10:33 AM"); the full date stays in the accessible name. */
  compact?: boolean;
  /** Time of day only, e.g. the end of a window that ends the day it starts. */
  timeOnly?: boolean;
}

/** A moment in the reader's timezone, with UTC on hover for comparing notes with others. */
export function LocalTime({ iso, compact = false, timeOnly = false }: LocalTimeProps) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  const utc = formatUtcDateTime(date);
  const full = formatLocalDateTime(date);
  const label = `${full} (${utc})`;
  if (!compact && !timeOnly) {
    return (
      <time dateTime={date.toISOString()} title={utc} aria-label={label}>
        {full}
      </time>
    );
  }
  // "Nov 21," and "10:41 AM" are each one unit: a narrow cell breaks between them, never inside.
  const { day, time } = timeOnly
    ? { day: '', time: formatTimeOfDay(date) }
    : compactDateTimeParts(date);
  return (
    <time dateTime={date.toISOString()} title={utc} aria-label={label}>
      {day && (
        <>
          <span style={NOWRAP}>{day}</span>{' '}
        </>
      )}
      <span style={NOWRAP}>{time}</span>
    </time>
  );
}

/** A window "Nov 21, 10:33 AM – 12:33 PM": the end's date only when it differs from the start's. */
export function LocalTimeRange({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay =
    !Number.isNaN(start.getTime()) && !Number.isNaN(end.getTime()) && isSameDay(start, end);
  return (
    <span>
      <LocalTime iso={startsAt} compact /> – <LocalTime iso={endsAt} compact timeOnly={sameDay} />
    </span>
  );
}
