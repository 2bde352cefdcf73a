// Test support for every suite of the workspace, defined once: the personas and the tokens that
// stand for them, the in-memory adapters, a test OpenID issuer, spies for the outbound ports and
// builders of policies, requests and bodies. Tests only: production code never imports this
// package (a lint rule says so, and tooling/dependency-rule.test.ts proves the rule fires).
export * from '@elevate/domain/testing';
export * from '@elevate/adapters/testing';
export * from '@elevate/dev-stack/testing';
export * from './example-policy';
export * from './federation-spies';
export * from './persona-tokens';
export * from './recording-channel';
export * from './request-bodies';
export * from './sequential-ids';
export * from './write-counting-repository';
