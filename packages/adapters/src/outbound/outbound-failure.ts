/**
 * Whether a thrown error means "a service we depend on did not answer usefully — try again later"
 * (throttling past retries, 5xx, timeouts, refused or reset connections, our own deadline) as
 * opposed to a bug or a refusal that asking again will not change.
 */
export const isServiceUnavailable = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const fields = error as Error & {
    code?: unknown;
    $fault?: unknown;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  if (TRANSIENT_NAMES.has(error.name)) return true;
  if (typeof fields.code === 'string' && NETWORK_CODES.has(fields.code)) return true;
  if (fields.$retryable !== undefined) return true;
  const status = fields.$metadata?.httpStatusCode;
  if (fields.$fault === 'server' || (status !== undefined && status >= 500)) return true;
  // The SDK wraps some network errors; the cause says what happened.
  return error.cause !== undefined && error.cause !== error && isServiceUnavailable(error.cause);
};

const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'AbortError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TransactionInProgressException',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
