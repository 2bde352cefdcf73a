export * from './api-problem';
export * from './elevate-client';
