export { systemClock } from './system-clock';
export { createUlidIdGenerator, ulidIdGenerator } from './ulid-id-generator';
