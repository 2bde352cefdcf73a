export * from './problem';
export * from './me';
