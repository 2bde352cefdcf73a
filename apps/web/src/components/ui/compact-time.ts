/** Calendar day of a moment in a timezone, for "same day" and "same year" checks. */
function dayParts(date: Date, timeZone?: string): { year: string; day: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return { year: part('year'), day: `${part('year')}-${part('month')}-${part('day')}` };
}

export interface CompactTimeOptions {
  locale?: string;
  timeZone?: string;
  /** Epoch ms; the year is left out for moments in the same year as now. */
  now?: number;
}

/**
 * The compact form split into its day ("Nov 21,") and its time ("10:33 AM"), so a narrow cell
 * breaks between them and never inside either. The year only when it is not this year.
 */
export function compactDateTimeParts(
  date: Date,
  { locale, timeZone, now = Date.now() }: CompactTimeOptions = {},
): { day: string; time: string } {
  const sameYear = dayParts(date, timeZone).year === dayParts(new Date(now), timeZone).year;
  const parts = new Intl.DateTimeFormat(locale, {
    year: sameYear ? undefined : 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).formatToParts(date);
  const hour = parts.findIndex((part) => part.type === 'hour');
  const join = (from: number, to?: number) =>
    parts
      .slice(from, to)
      .map((part) => part.value)
      .join('')
      // Newer ICU puts a narrow no-break space before AM/PM; format() gives a plain one.
      .replace(/\u202f/g, ' ');
  if (hour <= 0) return { day: '', time: join(0) };
  return { day: join(0, hour).trimEnd(), time: join(hour) };
}

/** "Nov 21, 10:33 AM" this year, "Nov 21, 2025, 10:33 AM" otherwise: table cells stay short. */
export function formatCompactDateTime(date: Date, options: CompactTimeOptions = {}): string {
  const { day, time } = compactDateTimeParts(date, options);
  return day ? `${day} ${time}` : time;
}

/** The time of day alone, e.g. "12:33 PM", for the end of a window that ends the day it starts. */
export function formatTimeOfDay(date: Date, { locale, timeZone }: CompactTimeOptions = {}): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(
    date,
  );
}

export function isSameDay(a: Date, b: Date, timeZone?: string): boolean {
  return dayParts(a, timeZone).day === dayParts(b, timeZone).day;
}
