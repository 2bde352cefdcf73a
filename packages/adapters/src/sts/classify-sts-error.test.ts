import { describe, expect, it } from 'vitest';
import { classifyStsError } from './classify-sts-error';

const sdkError = (name: string, status: number | undefined, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), {
    name,
    $metadata: status === undefined ? {} : { httpStatusCode: status },
    ...extra,
  });

describe('classifyStsError', () => {
  it.each([
    ['Throttling', 400],
    ['RequestLimitExceeded', 400],
    ['TooManyRequestsException', 429],
    ['RegionDisabledException', 403],
    ['InternalFailure', 500],
    ['ServiceUnavailable', 503],
  ])('retries %s (HTTP %s) in the next region', (name, status) => {
    expect(classifyStsError(sdkError(name, status))).toEqual({ retry: true, code: name });
  });

  it('retries an error the SDK marks as a server fault or throttling', () => {
    expect(classifyStsError(sdkError('Odd', 400, { $fault: 'server' })).retry).toBe(true);
    expect(classifyStsError(sdkError('Odd', 400, { $retryable: { throttling: true } })).retry).toBe(
      true,
    );
  });

  it('retries network failures and timeouts, which have no HTTP answer', () => {
    expect(classifyStsError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toEqual(
      { retry: true, code: 'ECONNREFUSED' },
    );
    expect(classifyStsError(sdkError('AbortError', undefined))).toEqual({
      retry: true,
      code: 'TimeoutError',
    });
    expect(classifyStsError('not even an error')).toEqual({ retry: true, code: 'Error' });
  });

  it.each([
    ['AccessDenied', 'denied'],
    ['ExpiredTokenException', 'denied'],
    ['InvalidClientTokenId', 'denied'],
    ['ValidationError', 'invalid'],
    ['MalformedPolicyDocument', 'invalid'],
    ['PackedPolicyTooLarge', 'invalid'],
  ])('stops at %s as %s', (name, failure) => {
    expect(classifyStsError(sdkError(name, 400))).toEqual({ retry: false, code: name, failure });
  });

  it('stops when the broker has no credentials to sign with', () => {
    expect(classifyStsError(sdkError('CredentialsProviderError', undefined))).toMatchObject({
      retry: false,
      failure: 'denied',
    });
  });
});
