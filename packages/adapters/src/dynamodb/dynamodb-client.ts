import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

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

/** The DynamoDB client every process of Elevate uses: the configured endpoint, or the SDK's default. */
export const createDynamoDbClient = (endpoint?: string): DynamoDBClient =>
  new DynamoDBClient({
    ...(endpoint === undefined ? {} : { endpoint }),
    logger: SDK_LOGGER_WITHOUT_INFO,
  });
