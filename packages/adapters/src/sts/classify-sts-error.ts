import type { CredentialIssueFailure } from '@elevate/domain';

/** What to do after a failed AssumeRole: try the next region or stop. */
export type StsErrorClass =
  | { readonly retry: true; readonly code: string }
  | { readonly retry: false; readonly code: string; readonly failure: CredentialIssueFailure };

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
]);

/** STS's answers that mean our input was wrong: the same call fails in every region. */
const INVALID_INPUT = new Set([
  'ValidationError',
  'MalformedPolicyDocument',
  'PackedPolicyTooLarge',
  'InvalidParameterValue',
  'MissingParameter',
]);

/** Regional trouble: STS not activated in that region (the next region may answer). */
const REGIONAL = new Set(['RegionDisabledException']);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
  $retryable?: { throttling?: unknown };
  $metadata?: { httpStatusCode?: unknown };
}

const shapeOf = (error: unknown): SdkErrorShape =>
  typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};

/**
 * Throttling, 5xx, network errors, timeouts and a disabled region are retried in the next region;
 * anything else STS answered (AccessDenied, ValidationError, ...) is final: it would fail the same
 * way everywhere, and retrying an AccessDenied only hides it.
 */
export const classifyStsError = (error: unknown): StsErrorClass => {
  const shape = shapeOf(error);
  const name = typeof shape.name === 'string' ? shape.name : 'Error';
  const status =
    typeof shape.$metadata?.httpStatusCode === 'number'
      ? shape.$metadata.httpStatusCode
      : undefined;
  if (THROTTLING.has(name) || shape.$retryable?.throttling === true || status === 429)
    return { retry: true, code: name };
  if (REGIONAL.has(name)) return { retry: true, code: name };
  if (shape.$fault === 'server' || (status !== undefined && status >= 500))
    return { retry: true, code: name };
  // The broker has no credentials of its own to sign with: no region will do better.
  if (name === 'CredentialsProviderError') return { retry: false, code: name, failure: 'denied' };
  if (status === undefined) {
    // No HTTP answer at all: refused connection, reset, DNS, or our own abort at the attempt timeout.
    const code = typeof shape.code === 'string' ? shape.code : name;
    return { retry: true, code: name === 'AbortError' ? 'TimeoutError' : code };
  }
  if (INVALID_INPUT.has(name)) return { retry: false, code: name, failure: 'invalid' };
  return { retry: false, code: name, failure: 'denied' };
};
