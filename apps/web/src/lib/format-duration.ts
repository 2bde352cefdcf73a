import { unit } from '@elevate/contracts';

// Lengths of time and time left are the same words in the CLI (@elevate/contracts, words.ts).
export { formatMinutes, formatRemaining, unit } from '@elevate/contracts';

/** "3 minutes ago", "2 hours ago", "4 days ago": how long something has waited. */
export function formatAge(milliseconds: number): string {
  const minutes = Math.max(0, Math.floor(milliseconds / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${unit(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${unit(hours, 'hour')} ago`;
  return `${unit(Math.floor(hours / 24), 'day')} ago`;
}
