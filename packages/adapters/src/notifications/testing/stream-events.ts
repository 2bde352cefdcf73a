// Test support: stream records exactly as Lambda delivers them (DynamoDB JSON images of stored items).
import type { AccessRequest } from '@elevate/domain';
import { changeRecordOf } from '../../dynamodb/change-feed';
import type { ChangeRecord } from '../../dynamodb/change-record';
import { itemOf } from '../../dynamodb/request-item';

/** The record of writing `after` over `before` (absent: an INSERT), as the table's stream has it. */
export const streamRecordOf = (
  before: AccessRequest | undefined,
  after: AccessRequest,
): ChangeRecord => changeRecordOf(before === undefined ? undefined : itemOf(before), itemOf(after));

/** A Lambda DynamoDB stream event of these records. */
export const streamEventOf = (...records: readonly unknown[]): { Records: unknown[] } => ({
  Records: [...records],
});
