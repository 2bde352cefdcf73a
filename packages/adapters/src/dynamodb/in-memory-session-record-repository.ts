import type {
  RepositoryError,
  Result,
  SessionRecord,
  SessionRecordRepository,
} from '@elevate/domain';
import { err, ok } from '@elevate/domain';
import { sessionExists } from './repository-error';
import { REQUEST_PREFIX, sessionKeyOf } from './request-item';
import { validSessionRecord } from './session-record-item';

/** The same port in process memory, validating like the DynamoDB store; runs the same contract suite. */
export class InMemorySessionRecordRepository implements SessionRecordRepository {
  readonly #byKey = new Map<string, SessionRecord>();

  async record(session: SessionRecord): Promise<Result<SessionRecord, RepositoryError>> {
    const stored = validSessionRecord(session);
    const { PK, SK } = sessionKeyOf(stored.requestId, stored.issuedAt, stored.id);
    const key = `${PK}|${SK}`;
    if (this.#byKey.has(key)) return err(sessionExists(stored));
    this.#byKey.set(key, stored);
    return ok(structuredClone(stored));
  }

  async listForRequest(requestId: string): Promise<readonly SessionRecord[]> {
    const prefix = `${REQUEST_PREFIX}${requestId}|`;
    return [...this.#byKey.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, session]) => structuredClone(session));
  }
}
