import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { DeployConfigError } from './config/load-deploy-config';
import { brokerRoleArn, revokerRoleArn } from './elevate-app';
import {
  buildTestApp,
  exampleConfig,
  exampleConfigData,
  logicalIdOf,
  resourcesOf,
} from './testing/test-app';

/** cdk-nag's findings as `<rule id> at <construct path>`, for readable failures. */
function nagFindings(scope: Parameters<AwsSolutionsChecks['validateScope']>[0]): string[] {
  const report = new AwsSolutionsChecks(scope).validateScope(scope);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map(
      (resource) => `${violation.ruleName} at ${resource.resourceLogicalId}`,
    ),
  );
}

describe('cdk-nag (AwsSolutions)', () => {
  it('finds nothing unacknowledged in any stack built from the example config', () => {
    const { app, stacks } = buildTestApp();
    expect(stacks.targetRoles).toBeDefined();
    expect(nagFindings(app)).toEqual([]);
  });

  it('finds nothing either without a custom domain or target-role stack', () => {
    const spa = { origin: 'https://d111111abcdef8.cloudfront.net' };
    const { app, stacks } = buildTestApp({
      config: exampleConfig({ spa, targetRoles: { managedPolicyArns: {} } }),
    });
    expect(stacks.targetRoles).toBeUndefined();
    expect(nagFindings(app)).toEqual([]);
  });

  it('does report a finding that nobody acknowledged (the check is live)', () => {
    const { app } = buildTestApp();
    const stray = new Stack(app, 'stray');
    new s3.Bucket(stray, 'Unlogged');
    expect(nagFindings(stray)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AwsSolutions-S1 at /),
        expect.stringMatching(/^AwsSolutions-S10 at /),
      ]),
    );
  });
});

describe('the target-roles stack', () => {
  it('trusts exactly the role name the API stack gives the federate function', () => {
    const { stacks, config } = buildTestApp();
    const api = Template.fromStack(stacks.api);
    const federateRole = resourcesOf(api, 'AWS::IAM::Role')[
      logicalIdOf(stacks.api.functions.federate.role)
    ];
    expect(brokerRoleArn(config)).toBe(
      `arn:aws:iam::${config.account}:role/${String(federateRole?.Properties?.RoleName)}`,
    );
    if (stacks.targetRoles === undefined) throw new Error('expected a target-roles stack');
    const allRoles = Object.values(
      resourcesOf(Template.fromStack(stacks.targetRoles), 'AWS::IAM::Role'),
    );
    // The account's revoker role trusts the revoker function, not the broker.
    const revoker = allRoles.filter((role) =>
      String(role.Properties?.RoleName).endsWith('-revocation-writer'),
    );
    expect(revoker).toHaveLength(1);
    expect(JSON.stringify(revoker[0]?.Properties?.AssumeRolePolicyDocument)).toContain(
      `"Principal":{"AWS":"${revokerRoleArn(config)}"}`,
    );
    const roles = allRoles.filter((role) => !revoker.includes(role));
    expect(roles.map((role) => role.Properties?.RoleName).sort()).toEqual([
      'Administrator',
      'PowerUser',
      'ReadOnly',
    ]);
    for (const role of roles) {
      expect(JSON.stringify(role.Properties?.AssumeRolePolicyDocument)).toContain(
        `"Principal":{"AWS":"${brokerRoleArn(config)}"}`,
      );
    }
  });

  it('refuses managed policies for some but not all of the policy’s roles, naming the missing one', () => {
    const data = exampleConfigData();
    const config = exampleConfig({
      targetRoles: {
        ...(data.targetRoles as Record<string, unknown>),
        managedPolicyArns: {
          ReadOnly: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
          Typo: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        },
      },
    });
    expect(() => buildTestApp({ config })).toThrow(DeployConfigError);
    try {
      buildTestApp({ config });
    } catch (error) {
      expect((error as DeployConfigError).issues).toEqual([
        expect.stringMatching(
          /^targetRoles\.managedPolicyArns\.Administrator: the policy names role Administrator/,
        ),
        expect.stringMatching(
          /^targetRoles\.managedPolicyArns\.PowerUser: the policy names role PowerUser/,
        ),
        'targetRoles.managedPolicyArns.Typo: no rule in the policy names role Typo',
      ]);
    }
  });
});
