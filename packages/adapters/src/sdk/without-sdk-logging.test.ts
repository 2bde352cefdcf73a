import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { withoutSdkLogging } from './without-sdk-logging';

const names = (client: { middlewareStack: { identify: () => string[] } }) =>
  client.middlewareStack.identify().map((entry) => entry.split(' ')[0]);

describe('withoutSdkLogging', () => {
  it.each([
    ['STS', () => new STSClient({ region: 'eu-west-1' })],
    ['DynamoDB', () => new DynamoDBClient({ region: 'eu-west-1' })],
  ])('takes the logger middleware out of a %s client and leaves the rest', (_name, create) => {
    const plain = create();
    const quiet = withoutSdkLogging(create());
    expect(names(plain)).toContain('loggerMiddleware');
    expect(names(quiet)).not.toContain('loggerMiddleware');
    expect(names(quiet)).toEqual(names(plain).filter((name) => name !== 'loggerMiddleware'));
  });
});
