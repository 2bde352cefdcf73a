// Test support, reached only through `@elevate/domain/testing` (re-exported by @elevate/testing):
// the personas, the example policy as data and request builders made by the real transitions.
// Production code never imports this entry; a lint rule says so.
export * from './personas';
export * from './fixtures';
export * from './invitation-fixtures';
export * from './self-service-fixtures';
export * from '../notifications/testing/lifecycle-scenarios';
