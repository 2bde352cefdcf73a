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
