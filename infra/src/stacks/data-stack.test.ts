import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_TTL_ATTRIBUTE } from '@elevate/adapters';
import { AUDIT_DIGEST_RETENTION_DAYS } from '../constructs/audit-digest-store';
import { buildTestApp, resourcesOf } from '../testing/test-app';

let data: Template;
let notifications: Template;

beforeAll(() => {
  const { stacks } = buildTestApp();
  data = Template.fromStack(stacks.data);
  notifications = Template.fromStack(stacks.notifications);
});

describe('the data stack', () => {
  it('keeps signed audit digests in an Object Lock (compliance) bucket, signed by a P-256 KMS key', () => {
    data.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: AUDIT_DIGEST_RETENTION_DAYS } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    const keys = Object.values(resourcesOf(data, 'AWS::KMS::Key'));
    expect(
      keys.map((key) => [key.Properties?.KeySpec, key.Properties?.KeyUsage, key.DeletionPolicy]),
    ).toEqual([['ECC_NIST_P256', 'SIGN_VERIFY', 'Retain']]);
  });

  it('keeps the table through stack deletion and replacement, with deletion protection on', () => {
    const tables = Object.values(resourcesOf(data, 'AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table?.DeletionPolicy).toBe('Retain');
    expect(table?.UpdateReplacePolicy).toBe('Retain');
    expect(table?.Properties?.DeletionProtectionEnabled).toBe(true);
  });

  it('has point-in-time recovery, a NEW_AND_OLD_IMAGES stream and encryption at rest', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      SSESpecification: { SSEEnabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('has TTL on for the dedicated TTL attribute only (accepted Slack signatures), not on a field of requests or sessions', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'ttlEpochSeconds', Enabled: true },
    });
    expect(TABLE_TTL_ATTRIBUTE).toBe('ttlEpochSeconds');
  });

  it('has PK/SK string keys and GSI1–10 with GSI<n>PK/GSI<n>SK string keys, each holding whole items', () => {
    const table = Object.values(resourcesOf(data, 'AWS::DynamoDB::Table'))[0];
    expect(table?.Properties?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    const indexes = table?.Properties?.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: unknown;
      Projection: unknown;
    }[];
    expect(indexes.map((index) => index.IndexName)).toEqual([
      'GSI1',
      'GSI2',
      'GSI3',
      'GSI4',
      'GSI5',
      'GSI6',
      'GSI7',
      'GSI8',
      'GSI9',
      'GSI10',
    ]);
    for (const index of indexes) {
      expect(index.KeySchema).toEqual([
        { AttributeName: `${index.IndexName}PK`, KeyType: 'HASH' },
        { AttributeName: `${index.IndexName}SK`, KeyType: 'RANGE' },
      ]);
      expect(index.Projection).toEqual({ ProjectionType: 'ALL' });
    }
    const attributes = table?.Properties?.AttributeDefinitions as { AttributeType: string }[];
    expect(attributes).toHaveLength(22);
    expect(attributes.every((attribute) => attribute.AttributeType === 'S')).toBe(true);
  });
});

describe('the notifications stack', () => {
  it('encrypts the topic with a rotating key, refuses plain HTTP and subscribes the configured e-mails', () => {
    const keyId = Object.keys(resourcesOf(notifications, 'AWS::KMS::Key'))[0];
    notifications.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    notifications.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
    notifications.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Deny',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    });
    const subscriptions = Object.values(resourcesOf(notifications, 'AWS::SNS::Subscription'));
    expect(subscriptions.map((s) => [s.Properties?.Protocol, s.Properties?.Endpoint])).toEqual([
      ['email', 'reviewers@example.com'],
      ['email', 'security-team@example.com'],
    ]);
  });
});
