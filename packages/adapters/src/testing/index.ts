// Test support, reached only through `@elevate/adapters/testing` (re-exported by @elevate/testing):
// the in-memory adapters, which run each port's contract suite beside the real one, and a test
// OpenID issuer. Production code never imports this entry; a lint rule says so.
export { InMemoryAccessRequestRepository } from '../dynamodb/in-memory-access-request-repository';
export { InMemorySessionRecordRepository } from '../dynamodb/in-memory-session-record-repository';
export { InMemoryIdentityBindings } from '../identity/in-memory-identity-bindings';
export { InMemoryDeliveryLedger } from '../notifications/in-memory-delivery-ledger';
export { InMemoryNoticeSchedule } from '../notifications/in-memory-notice-schedule';
export { InMemoryReplayGuard } from '../notifications/in-memory-replay-guard';
export { InMemoryChatPostStore } from '../notifications/in-memory-chat-post-store';
export { InMemoryIdempotencyStore } from '../idempotency/in-memory-idempotency-store';
export { InMemoryInsightsReadModel } from '../insights/in-memory-insights-read-model';
export { InMemoryPeopleDirectory, InMemorySuppressionList } from '../people/in-memory-people';
export {
  createTestKey,
  signWith,
  startTestIssuer,
  TEST_API_AUDIENCE,
  TEST_CLIENT_ID,
} from '../auth/testing/test-issuer';
export type { SignOptions, TestIssuer, TestKey, TokenPerson } from '../auth/testing/test-issuer';
export { localClient } from '../dynamodb/testing/local-client';
export { streamEventOf, streamRecordOf } from '../notifications/testing/stream-events';
