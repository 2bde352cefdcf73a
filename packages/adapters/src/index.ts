export * from './auth';
export * from './dynamodb';
export * from './policy';
export * from './clock';
export * from './sts';
export * from './federation';
export * from './notifications';
export { DynamoDbIdentityBindings } from './identity/dynamodb-identity-bindings';
export { InMemoryIdentityBindings } from './identity/in-memory-identity-bindings';
