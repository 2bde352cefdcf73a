export {
  DynamoDbAccessRequestRepository,
  MAX_READS_PER_PAGE,
} from './dynamodb-access-request-repository';
export type { DynamoDbAccessRequestRepositoryOptions } from './dynamodb-access-request-repository';
export { InvalidCursorError } from './repository-error';
export {
  elevateTableDefinition,
  ensureTable,
  TABLE_INDEXES,
  TABLE_TTL_ATTRIBUTE,
} from './table-definition';
export {
  DynamoDbDecisionReadModel,
  deciderEntriesOf,
  DECIDER_PREFIX,
  ENTITY_DECIDER_ENTRY,
} from './decider-read-model';
export { rebuildReadModels } from './rebuild-read-models';
export type { RebuildOptions, RebuildReport } from './rebuild-read-models';
export { batchWriteAll, documentClientOf } from './batch-operations';
export { itemOf as requestItemOf } from './request-item';
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
export { createStoreClient } from './store-client';
export {
  DurableOutbox,
  OUTBOX_ABANDON_AFTER_MS,
  OUTBOX_PARTITION,
  OUTBOX_RETRY_PARTITION,
  OUTBOX_RETRY_DELAYS_MS,
} from './durable-outbox';
export type { ChangeOutbox, OutboxListener } from './durable-outbox';
export { chainEntriesOfItems, DynamoDbAuditChainReader } from './audit-chain-reader';
export { DynamoDbChainDayIndex } from './chain-day-index';
