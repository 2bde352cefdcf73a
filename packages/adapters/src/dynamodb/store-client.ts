import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClientConfig, traced } from '../outbound';

type SdkLogger = NonNullable<DynamoDBClientConfig['logger']>;

/**
 * The SDK's logger middleware builds a redacted copy of every command's input and output (walking
 * every item of a page against the schema) to pass to `logger.info` — even when the logger throws
 * it away. A logger without `info` skips that work: ~5% of the API's CPU per list call. Elevate logs
 * its own requests; the SDK's warnings and errors reach the caller as exceptions.
 */
const SDK_LOGGER_WITHOUT_INFO = {
  trace: () => undefined,
  debug: () => undefined,
  warn: () => undefined,
  error: () => undefined,
} as unknown as SdkLogger;

/**
 * The one way Elevate builds its DynamoDB client: hard deadlines and bounded, jittered retries
 * (outbound-deadlines.ts), at `endpoint` (dynalite on a laptop) or the SDK's default for the
 * region; credentials and region come from the SDK's usual chain.
 */
export const createStoreClient = (endpoint?: string): DynamoDBClient =>
  traced(
    new DynamoDBClient({
      ...awsClientConfig('dynamodb'),
      ...(endpoint === undefined ? {} : { endpoint }),
      logger: SDK_LOGGER_WITHOUT_INFO,
    }),
  );
