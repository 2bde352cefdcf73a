import type {
  Clock,
  DecisionReadModel,
  DeliveryLedger,
  NotificationChannel,
  NoticeSchedule,
  PeopleDirectory,
  Policy,
} from '@elevate/domain';
import type { RequestProjections } from '@elevate/adapters';
import type { Logger } from '../logger';
import type { OperationalMetrics } from '../observability/operational-metrics';

/** A channel as deployed: a best-effort one (Slack) never holds a record back for a retry. */
export interface ConfiguredChannel {
  readonly channel: NotificationChannel;
  readonly bestEffort?: boolean;
}

/** What delivering notifications needs: the policy (account names, tags), channels, the ledger. */
export interface NotifierDeps {
  readonly policy: Policy;
  readonly clock: Clock;
  readonly ledger: DeliveryLedger;
  readonly channels: readonly ConfiguredChannel[];
  /** Deep links start here, e.g. https://elevate.example.com. */
  readonly appUrl: string;
  readonly logger: Logger;
  /** Deliveries and failures by channel (EMF in Lambda); none when unset. */
  readonly metrics?: OperationalMetrics;
  /**
   * The "my past decisions" read model, kept from the same stream before anything is delivered.
   * Absent where nothing reads it (tests of delivery alone).
   */
  readonly decisionReadModel?: DecisionReadModel;
  /**
   * Who to address personally (person-scoped channels: SES, Slack DMs, the dev mailbox). Without
   * it, person-scoped channels reach only requesters.
   */
  readonly people?: PeopleDirectory;
  /** People who have not signed in for this many days are not addressed (default 30). */
  readonly activeWithinDays?: number;
  /** Insights' daily aggregates and the JSON Lines exports, refreshed from the same stream. */
  readonly projections?: RequestProjections;
  /**
   * Which requests have audit-chain entries dated each day, kept from the same stream, so the daily
   * digest reads only the chains changed that day.
   */
  readonly chainDays?: { recordStreamRecord(raw: unknown, now: string): Promise<void> };
  /**
   * The sweeper's schedule: each request change adds the moments the sweeper must look at it
   * (reminders, expiry, window opening and end), so a sweep reads only what is due.
   */
  readonly schedule?: NoticeSchedule;
  /** Pending requests this old remind their reviewers, once (default 240). */
  readonly reminderAfterMinutes?: number;
  /** Pending requests this old escalate to the admins, once (0: never). Default 1,440. */
  readonly escalateAfterMinutes?: number;
  /** The requester is warned this long before a pending request expires, once (0: never). Default 60. */
  readonly expiryWarningMinutes?: number;
}
