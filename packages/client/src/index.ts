export * from './api-problem';
export * from './elevate-client';
export * from './send-api-request';
export { MAX_WRITE_ATTEMPTS } from './write-retry';
