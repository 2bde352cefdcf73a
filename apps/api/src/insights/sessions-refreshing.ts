import type { RequestProjections } from '@elevate/adapters';
import type { SessionRecord, SessionRecordRepository } from '@elevate/domain';
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
): SessionRecordRepository => {
  const refreshed = async (written: ReturnType<SessionRecordRepository['record']>) => {
    const result = await written;
    if (result.ok)
      void projections
        .refresh(result.value.requestId)
        .catch((error: unknown) => logger.warn('projection refresh failed', errorFields(error)));
    return result;
  };
  const { prepare } = inner;
  return {
    listForRequest: (requestId) => inner.listForRequest(requestId),
    record: (session) => refreshed(inner.record(session)),
    ...(prepare === undefined
      ? {}
      : {
          prepare: (requestId: string) => {
            const write = prepare.call(inner, requestId);
            return (session: SessionRecord) => refreshed(write(session));
          },
        }),
  };
};
