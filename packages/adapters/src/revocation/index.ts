export * from './iam-revocation-policy-store';
