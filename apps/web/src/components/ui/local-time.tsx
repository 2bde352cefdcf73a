import { formatLocalDateTime, formatUtcDateTime } from '../../lib/format-time';

/** A moment in the reader's timezone, with UTC on hover for comparing notes with others. */
export function LocalTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  const utc = formatUtcDateTime(date);
  return (
    <time dateTime={date.toISOString()} title={utc} aria-label={`${formatLocalDateTime(date)} (${utc})`}>
      {formatLocalDateTime(date)}
    </time>
  );
}
