export { DynamoDbPeopleDirectory } from './dynamodb-people-directory';
export { DynamoDbSuppressionList } from './dynamodb-suppression-list';
