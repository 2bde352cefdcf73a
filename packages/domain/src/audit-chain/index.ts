export * from './canonical-json';
export * from './chain';
export * from './chain-entry';
export * from './merkle';
export * from './digest';
export * from './verify-day';
