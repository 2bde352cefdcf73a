import { readRequestChange } from '@elevate/adapters';
import type { Clock, RevocationPolicyStore, SessionRecordRepository } from '@elevate/domain';
import type { Logger } from '../logger';
import { errorFields, withCallOf } from '../logger';
import type { StreamBatchResponse } from '../notifications/handle-stream-batch';
import { applyRevocation, needsRevocation } from './apply-revocation';

/** What the revoker works with: the deny-policy store, the session records, a clock and a log. */
export interface RevokerDeps {
  readonly store: RevocationPolicyStore;
  readonly sessions: SessionRecordRepository;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * The revoker's stream consumer: each request that just left APPROVED for REVOKED or ENDED gets the
 * deny for its sessions on its target role. A failure is reported by sequence number (Lambda
 * retries it); applying the same revocation twice leaves the same policy.
 */
export async function handleRevocationBatch(
  records: readonly unknown[],
  deps: RevokerDeps,
): Promise<StreamBatchResponse> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const raw of records) {
    const record = raw as { eventID?: string; dynamodb?: { SequenceNumber?: string } };
    const itemIdentifier = record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
    try {
      const change = readRequestChange(raw);
      if (change.kind === 'ignored') continue;
      const { before, after } = change;
      if (before?.status !== 'APPROVED' || !needsRevocation(after)) continue;
      const sessions = await deps.sessions.listForRequest(after.id);
      await applyRevocation(deps.store, after, sessions, deps.clock.now());
      withCallOf(after, deps.logger).info('revocation written', {
        requestId: after.id,
        accountId: after.accountId,
        roleName: after.roleName,
        sessions: sessions.length,
      });
    } catch (error) {
      deps.logger.error('revocation failed', { ...errorFields(error), stack: undefined });
      batchItemFailures.push({ itemIdentifier });
    }
  }
  return { batchItemFailures };
}
