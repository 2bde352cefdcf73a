import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** A client for dynalite on loopback; dynalite accepts any credentials, so these are placeholders. */
export const localClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
