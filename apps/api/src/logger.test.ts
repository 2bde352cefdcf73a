import { describe, expect, it } from 'vitest';
import { createJsonLogger } from './logger';

function capture(level: 'debug' | 'info' | 'warn' | 'error' | 'silent') {
  const lines: string[] = [];
  const logger = createJsonLogger({
    level,
    write: (line) => lines.push(line),
    now: () => new Date('2030-01-01T00:00:00Z'),
  });
  return {
    logger,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('the JSON logger', () => {
  it('writes one JSON object per line with level, time, message, fields and child fields', () => {
    const { logger, entries } = capture('info');
    logger.child({ correlationId: 'c-1' }).info('hello', { status: 200 });
    expect(entries()).toEqual([
      {
        level: 'info',
        time: '2030-01-01T00:00:00.000Z',
        msg: 'hello',
        correlationId: 'c-1',
        status: 200,
      },
    ]);
  });

  it('drops lines below its level', () => {
    const { logger, entries } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(entries().map((entry) => entry['msg'])).toEqual(['c', 'd']);
    const silent = capture('silent');
    silent.logger.error('e');
    expect(silent.entries()).toEqual([]);
  });

  it('redacts fields whose names suggest a secret, whoever passes them', () => {
    const { logger, entries } = capture('info');
    const value = ['eyJhbGciOiJSUzI1NiJ9', 'cGF5bG9hZA', 'c2ln'].join('.');
    logger.info('oops', {
      authorization: `Bearer ${value}`,
      idToken: value,
      sessionToken: value,
      path: '/me',
    });
    expect(entries()[0]).toMatchObject({
      authorization: '[redacted]',
      idToken: '[redacted]',
      sessionToken: '[redacted]',
      path: '/me',
    });
    expect(JSON.stringify(entries())).not.toContain(value);
  });
});

describe('the Powertools-backed logger in Lambda', () => {
  const lambdaContext = {
    functionName: 'elevate-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:elevate-api',
    memoryLimitInMB: '512',
    awsRequestId: 'invocation-1',
  };

  it('puts the invocation’s context on every line, children included', () => {
    const { logger, entries } = capture('info');
    logger.addLambdaContext(lambdaContext);
    logger.child({ correlationId: 'apigw-1' }).info('request', { status: 200 });
    expect(entries()[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      service: 'elevate',
      function_name: 'elevate-api',
      function_request_id: 'invocation-1',
      correlationId: 'apigw-1',
      status: 200,
    });
    expect(entries()[0]).toHaveProperty('cold_start');
  });

  it('redacts secrets at any depth and sign-in URLs, and keeps the rest', () => {
    const { logger, entries } = capture('info');
    const secret = 'do-not-log-this-value';
    logger.child({ session: { credentials: { secretAccessKey: secret } } }).warn('nested', {
      request: { headers: { Authorization: `Bearer ${secret}`, cookie: secret }, path: '/me' },
      signinUrl: `https://signin.aws.amazon.com/federation?SigninToken=${secret}`,
      accessKeyId: 'test-access-key-id',
    });
    const line = JSON.stringify(entries());
    expect(line).not.toContain(secret);
    expect(entries()[0]).toMatchObject({
      session: { credentials: '[redacted]' },
      request: { headers: { Authorization: '[redacted]', cookie: '[redacted]' }, path: '/me' },
      signinUrl: '[redacted]',
      accessKeyId: 'test-access-key-id',
    });
  });
});
