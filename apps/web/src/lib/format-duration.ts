// Durations in plain words ("1 hour 30 minutes"), never unit abbreviations ("1 h 30 min", "7 d"):
// people read them on phones, in mail and through screen readers, which say "h" as a letter.

/** "1 minute", "2 minutes". */
export function unit(count: number, singular: string): string {
  return `${count} ${count === 1 ? singular : `${singular}s`}`;
}

/** "1 hour 5 minutes", "4 minutes 5 seconds", "42 seconds": the time left, as precise as useful. */
export function formatRemaining(milliseconds: number): string {
  const totalSeconds = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0)
    return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  if (minutes > 0)
    return seconds > 0
      ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}`
      : unit(minutes, 'minute');
  return unit(seconds, 'second');
}

/** "45 minutes", "2 hours", "1 hour 30 minutes", "3 days 2 hours": a length of time from minutes. */
export function formatMinutes(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts = [
    days > 0 ? unit(days, 'day') : '',
    hours > 0 ? unit(hours, 'hour') : '',
    minutes > 0 ? unit(minutes, 'minute') : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 minutes';
}

/** "3 minutes ago", "2 hours ago", "4 days ago": how long something has waited. */
export function formatAge(milliseconds: number): string {
  const minutes = Math.max(0, Math.floor(milliseconds / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${unit(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${unit(hours, 'hour')} ago`;
  return `${unit(Math.floor(hours / 24), 'day')} ago`;
}
