export { DynamoDbIdempotencyStore } from './dynamodb-idempotency-store';
export type {
  BeginInput,
  BeginResult,
  IdempotencyStore,
  StoredResponse,
} from './idempotency-store';
