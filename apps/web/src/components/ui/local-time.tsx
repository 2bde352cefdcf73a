import { formatLocalDateTime, formatUtcDateTime } from '../../lib/format-time';
import { formatCompactDateTime, formatTimeOfDay, isSameDay } from './compact-time';

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
  const shown = timeOnly ? formatTimeOfDay(date) : compact ? formatCompactDateTime(date) : full;
  return (
    // A short time is one unit: "10:41 AM" never splits across lines.
    <time dateTime={date.toISOString()} title={utc} aria-label={`${full} (${utc})`} style={compact || timeOnly ? { whiteSpace: 'nowrap' } : undefined}>
      {shown}
    </time>
  );
}

/** A window "Nov 21, 10:33 AM – 12:33 PM": the end's date only when it differs from the start's. */
export function LocalTimeRange({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = !Number.isNaN(start.getTime()) && !Number.isNaN(end.getTime()) && isSameDay(start, end);
  return (
    <span>
      <LocalTime iso={startsAt} compact /> – <LocalTime iso={endsAt} compact timeOnly={sameDay} />
    </span>
  );
}
