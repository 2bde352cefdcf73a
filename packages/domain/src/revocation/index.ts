export * from './revocation-policy';
export * from './revocation-store';
