import { describe, expect, it } from 'vitest';
import { cloudTrailEventHistoryUrl } from './cloudtrail-link';

describe('cloudTrailEventHistoryUrl', () => {
  it('opens event history in the session region, filtered by its AccessKeyId', () => {
    expect(
      cloudTrailEventHistoryUrl({
        roleArn: 'arn:aws:iam::111111111111:role/PowerUser',
        region: 'eu-west-1',
        accessKeyId: 'test-access-key-id',
      }),
    ).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-1#/events?AccessKeyId=test-access-key-id',
    );
  });

  it('uses the console of the role partition', () => {
    const url = (roleArn: string) =>
      new URL(cloudTrailEventHistoryUrl({ roleArn, region: 'r-1', accessKeyId: 'k' })).host;
    expect(url('arn:aws-cn:iam::111111111111:role/R')).toBe('r-1.console.amazonaws.cn');
    expect(url('arn:aws-us-gov:iam::111111111111:role/R')).toBe('r-1.console.amazonaws-us-gov.com');
  });
});
