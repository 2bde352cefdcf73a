export { DynamoDbIdempotencyStore } from './dynamodb-idempotency-store';
export { InMemoryIdempotencyStore } from './in-memory-idempotency-store';
export type {
  BeginInput,
  BeginResult,
  IdempotencyStore,
  StoredResponse,
} from './idempotency-store';
