export * from './auth';
export * from './dynamodb';
export * from './policy';
export * from './clock';
export * from './sts';
export * from './federation';
export * from './notifications';
export * from './sdk';
