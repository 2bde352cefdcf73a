export { DynamoDbPeopleDirectory } from './dynamodb-people-directory';
export { DynamoDbSuppressionList } from './dynamodb-suppression-list';
export { InMemoryPeopleDirectory, InMemorySuppressionList } from './in-memory-people';
