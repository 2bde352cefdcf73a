import type { AccessRequest } from '../access-request';
import { addMinutes, isBefore } from '../time';
import type { NotificationEvent } from './notification-event';

/** A pending request created at or before `now − reminderAfterMinutes` is due one reminder. */
export const isDueForReminder = (
  request: AccessRequest,
  now: string,
  reminderAfterMinutes: number,
): boolean =>
  request.status === 'PENDING' &&
  !isBefore(addMinutes(now, -reminderAfterMinutes), request.createdAt);

/** The reminder about `request` as it stands (reviewers hear it; see audiencesFor). */
export const reminderEventOf = (request: AccessRequest): NotificationEvent | undefined => {
  const cause = request.history.at(-1);
  return cause === undefined
    ? undefined
    : { type: 'PENDING_REMINDER', request, cause, version: request.version };
};
