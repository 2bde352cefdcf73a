/** Time arithmetic on ISO-8601 UTC strings, kept here so windows and sessions compute alike. */

export const MS_PER_MINUTE = 60_000;

export const toMillis = (iso: string): number => Date.parse(iso);

export const toIso = (millis: number): string => new Date(millis).toISOString();

export const addMinutes = (iso: string, minutes: number): string =>
  toIso(toMillis(iso) + minutes * MS_PER_MINUTE);

export const isBefore = (a: string, b: string): boolean => toMillis(a) < toMillis(b);

export const laterOf = (a: string, b: string): string => (toMillis(a) >= toMillis(b) ? a : b);

export const earlierOf = (a: string, b: string): string => (toMillis(a) <= toMillis(b) ? a : b);

/** Whole seconds from `from` to `to`, negative when `to` is earlier. */
export const secondsBetween = (from: string, to: string): number =>
  Math.floor((toMillis(to) - toMillis(from)) / 1000);

export const isIsoInstant = (value: string): boolean => Number.isFinite(Date.parse(value));
