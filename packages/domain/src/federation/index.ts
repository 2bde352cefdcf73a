export * from './sha256';
export * from './sts-identifier';
export * from './role-session-name';
export * from './source-identity';
export * from './session-tags';
export * from './session-plan';
export * from './federation-check';
export * from './ports';
