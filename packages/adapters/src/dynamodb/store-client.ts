import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClientConfig } from '../outbound';

/**
 * The one way Elevate builds its DynamoDB client: hard deadlines and bounded, jittered retries
 * (outbound-deadlines.ts), at `endpoint` (dynalite on a laptop) or the SDK's default for the
 * region; credentials and region come from the SDK's usual chain.
 */
export const createStoreClient = (endpoint?: string): DynamoDBClient =>
  new DynamoDBClient({
    ...awsClientConfig('dynamodb'),
    ...(endpoint === undefined ? {} : { endpoint }),
  });
