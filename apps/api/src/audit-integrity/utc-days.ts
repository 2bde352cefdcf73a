const DAY_MS = 86_400_000;

/** Every UTC day from `from` to `to`, both included (YYYY-MM-DD). */
export const utcDaysBetween = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (
    let at = Date.parse(`${from}T00:00:00.000Z`);
    at <= Date.parse(`${to}T00:00:00.000Z`);
    at += DAY_MS
  )
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
};

/** The UTC day before the one `now` falls in: the day the daily producer signs. */
export const previousUtcDayOf = (now: string): string =>
  new Date(Date.parse(now) - DAY_MS).toISOString().slice(0, 10);
