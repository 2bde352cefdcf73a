import type { AccessRequestRepository, NoticeSchedule } from '@elevate/domain';
import type { NotifierDeps } from '../notifications/notifier-deps';

/** What the sweeper needs: the notifier's deps, the requests and the notice schedule. */
export interface SweeperDeps extends NotifierDeps {
  readonly repository: AccessRequestRepository;
  readonly schedule: NoticeSchedule;
  /** A pending request this old gets one reminder to its reviewers. */
  readonly reminderAfterMinutes: number;
  readonly pageSize?: number;
  /** Bounds one run; what is left waits for the next run. */
  readonly maxPages?: number;
}
