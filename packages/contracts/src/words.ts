import type { AccessPhase, RequestStatus } from './enums';
import { STATUS_IN_WORDS } from '@elevate/domain/vocabulary';

// The words people read for times and statuses, in the SPA and in the CLI alike
// (docs/glossary.md, "Words on screen"). The code keeps its enum names; people never see them.

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

/** A request's state as a person says it: an approved request is scheduled, active or over. */
export function requestStatusWords(status: RequestStatus, phase: AccessPhase | null): string {
  switch (status) {
    case 'PENDING':
      return 'Pending approval';
    case 'APPROVED':
      switch (phase) {
        case 'scheduled':
          return 'Approved, scheduled';
        case 'active':
          return 'Active';
        case 'over':
          return 'Window over';
        case null:
          return 'Approved';
      }
      break;
    case 'REJECTED':
      return 'Rejected';
    case 'CANCELLED':
      return 'Cancelled';
    case 'EXPIRED':
      return 'Expired unapproved';
    case 'REVOKED':
      return 'Revoked';
    case 'ENDED':
      return 'Ended early';
  }
}

/**
 * A status inside a sentence ("This request is already approved …"), in the words of the API's
 * refusals: the domain's vocabulary says them once.
 */
export const REQUEST_STATUS_IN_WORDS: Readonly<Record<RequestStatus, string>> = STATUS_IN_WORDS;
