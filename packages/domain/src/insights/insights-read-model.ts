import type { AccessRequest } from '../access-request';
import type { SessionRecord } from '../federation/ports';
import type { InsightFact } from './insight-fact';

/**
 * The daily aggregates behind Insights, kept from the change stream. `record` is idempotent and
 * order-free: a fact replaces the stored one of its request only if derived from a later state.
 */
export interface InsightsReadModel {
  record(request: AccessRequest, sessions: readonly SessionRecord[]): Promise<void>;
  /** Every fact of the UTC days `fromDay`..`toDay` (inclusive), optionally of one account. */
  factsOfDays(
    fromDay: string,
    toDay: string,
    accountId?: string,
  ): Promise<{ readonly facts: readonly InsightFact[]; readonly itemsRead: number }>;
}
