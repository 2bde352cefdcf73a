export { loadDevConfig, devConfigSchema } from './config/dev-config';
export type { DevConfig, Persona, StsPrincipal } from './config/dev-config';
export { HOST, portSettings, resolvePorts } from './config/ports';
export type { Ports, Listener } from './config/ports';
export { startDynamoDb } from './dynamodb/start-dynamodb';
export type { DynamoDbOptions, RunningDynamoDb } from './dynamodb/start-dynamodb';
export { startDevIdp } from './idp';
export { startStsEmulator } from './sts';
