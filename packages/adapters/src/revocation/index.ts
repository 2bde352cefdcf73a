export * from './iam-revocation-policy-store';
export * from './in-memory-revocation-policy-store';
