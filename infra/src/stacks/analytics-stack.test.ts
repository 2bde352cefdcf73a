import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildTestApp, resourcesOf } from '../testing/test-app';

describe('the analytics stack', () => {
  const { stacks } = buildTestApp();
  const analytics = Template.fromStack(stacks.analytics);

  it('declares one Glue table per dataset, partitioned by day with projection', () => {
    const tables = Object.values(resourcesOf(analytics, 'AWS::Glue::Table')).map(
      (table) => table.Properties?.TableInput as Record<string, unknown>,
    );
    expect(tables.map((table) => table['Name']).sort()).toEqual(['events', 'sessions']);
    for (const table of tables) {
      const parameters = table['Parameters'] as Record<string, unknown>;
      expect(parameters['projection.enabled']).toBe('true');
      expect(parameters['projection.dt.type']).toBe('date');
      expect(table['PartitionKeys']).toEqual([{ Name: 'dt', Type: 'string' }]);
    }
  });

  it('keeps exports encrypted, versioned and private, and Athena results encrypted', () => {
    analytics.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    const [workGroup] = Object.values(resourcesOf(analytics, 'AWS::Athena::WorkGroup'));
    const configuration = workGroup?.Properties?.WorkGroupConfiguration as Record<string, unknown>;
    expect(configuration['EnforceWorkGroupConfiguration']).toBe(true);
    expect(
      (configuration['ResultConfiguration'] as Record<string, unknown>)['EncryptionConfiguration'],
    ).toMatchObject({ EncryptionOption: 'SSE_KMS' });
    expect(Object.keys(resourcesOf(analytics, 'AWS::Athena::NamedQuery')).length).toBe(5);
  });

  it('lets the notifier only put objects under the datasets, told the bucket by name', () => {
    const api = Template.fromStack(stacks.api);
    const notifier = Object.values(resourcesOf(api, 'AWS::Lambda::Function')).find((fn) =>
      String(fn.Properties?.Description).startsWith('Elevate notifier'),
    );
    // The notifier's own role: other functions read the audit digests' bucket, not this one.
    const role = (notifier?.Properties?.Role as { 'Fn::GetAtt': [string, string] })[
      'Fn::GetAtt'
    ][0];
    const statements = Object.values(resourcesOf(api, 'AWS::IAM::Policy'))
      .filter((policy) =>
        (policy.Properties?.Roles as { Ref?: string }[]).some((ref) => ref.Ref === role),
      )
      .flatMap(
        (policy) =>
          (policy.Properties?.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
      );
    const s3Actions = statements
      .flatMap((statement) => [statement['Action']].flat())
      .filter((action) => String(action).startsWith('s3:'));
    expect(new Set(s3Actions)).toEqual(new Set(['s3:PutObject']));
    const variables = (notifier?.Properties?.Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(variables['ELEVATE_EXPORTS_BUCKET']).toBeDefined();
  });
});
