export { DynamoDbInsightsReadModel } from './dynamodb-insights-read-model';
export { InMemoryInsightsReadModel } from './in-memory-insights-read-model';
export { daysBetween } from './insight-fact-item';
export { RequestProjections, requestIdOfStreamRecord } from './request-projections';
export type { RequestProjection } from './request-projections';
export { rebuildProjections } from './rebuild-projections';
