import { DeadlineHttpHandler } from './deadline-http-handler';
import { OUTBOUND_DEADLINES } from './outbound-deadlines';

/** The SDK client settings every AWS client of one kind shares: hard deadlines, bounded retries. */
export interface AwsClientDeadlineConfig {
  readonly requestHandler: DeadlineHttpHandler;
  readonly maxAttempts: number;
  /** The SDK's standard mode: exponential backoff with full jitter, throttles back off longer. */
  readonly retryMode: 'standard';
}

export const awsClientConfig = (
  kind: 'dynamodb' | 'sns' | 'ses' | 'secretsManager' | 'iam' | 's3' | 'kms',
): AwsClientDeadlineConfig => {
  const deadline = OUTBOUND_DEADLINES[kind];
  return {
    requestHandler: new DeadlineHttpHandler(deadline),
    maxAttempts: deadline.maxAttempts,
    retryMode: 'standard',
  };
};
