export * from './api-problem';
export * from './elevate-client';
export * from './send-api-request';
