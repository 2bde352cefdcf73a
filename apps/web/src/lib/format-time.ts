/** Local date and time in the user's locale and timezone, e.g. "12 May 2026, 14:03". */
export function formatLocalDateTime(date: Date, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

/** Unambiguous UTC, for hover text and for quoting to others: "2026-05-12 12:03:09 UTC". */
export function formatUtcDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
