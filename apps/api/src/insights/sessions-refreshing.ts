import type { RequestProjections } from '@elevate/adapters';
import type { SessionRecordRepository } from '@elevate/domain';
import type { Logger } from '../logger';
import { errorFields } from '../logger';

/**
 * The local stack's stand-in for the stream records of session items (dynalite has no stream and
 * the outbox carries request writes only): after a session is stored, its request's projections
 * are refreshed off the caller's path. A failure is logged; `pnpm rebuild:insights` repairs it.
 */
export const sessionsRefreshing = (
  inner: SessionRecordRepository,
  projections: Pick<RequestProjections, 'refresh'>,
  logger: Logger,
): SessionRecordRepository => ({
  listForRequest: (requestId) => inner.listForRequest(requestId),
  async record(session) {
    const result = await inner.record(session);
    if (result.ok)
      void projections
        .refresh(session.requestId)
        .catch((error: unknown) => logger.warn('projection refresh failed', errorFields(error)));
    return result;
  },
});
