export {
  DynamoDbAccessRequestRepository,
  MAX_READS_PER_PAGE,
} from './dynamodb-access-request-repository';
export type { DynamoDbAccessRequestRepositoryOptions } from './dynamodb-access-request-repository';
export { InMemoryAccessRequestRepository } from './in-memory-access-request-repository';
export { InvalidCursorError } from './repository-error';
export { elevateTableDefinition, ensureTable, TABLE_INDEXES } from './table-definition';
export type { TableIndex } from './table-definition';
export {
  keyOf as requestKeyOf,
  sessionKeyOf,
  SESSION_SK_PREFIX,
  REQUEST_PREFIX,
  REQUEST_SK,
} from './request-item';
export { ChangeFeed, changeRecordOf } from './change-feed';
export type { ChangeListener } from './change-feed';
export type { ChangeRecord } from './change-record';
export { DynamoDbSessionRecordRepository } from './dynamodb-session-record-repository';
export type { DynamoDbSessionRecordRepositoryOptions } from './dynamodb-session-record-repository';
export { InMemorySessionRecordRepository } from './in-memory-session-record-repository';
export { createStoreClient } from './store-client';
export {
  DurableOutbox,
  OUTBOX_ABANDON_AFTER_MS,
  OUTBOX_PARTITION,
  OUTBOX_RETRY_DELAYS_MS,
} from './durable-outbox';
export type { ChangeOutbox, OutboxListener } from './durable-outbox';
