import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, resourcesOf } from '../testing/test-app';
import { ElevateTargetRole } from './elevate-target-role';

const BROKER = 'arn:aws:iam::999999999999:role/elevate-federate';
const POLICIES = ['arn:aws:iam::aws:policy/ReadOnlyAccess'];

function constructRole(sessionNamePattern?: string): Record<string, unknown> {
  const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Target');
  new ElevateTargetRole(stack, 'ReadOnly', {
    brokerRoleArn: BROKER,
    roleName: 'ReadOnly',
    managedPolicyArns: POLICIES,
    ...(sessionNamePattern === undefined ? {} : { sessionNamePattern }),
  });
  const roles = Object.values(resourcesOf(Template.fromStack(stack), 'AWS::IAM::Role'));
  expect(roles).toHaveLength(1);
  return roles[0]?.Properties ?? {};
}

/** The plain template's role with its parameters filled in, as CloudFormation would. */
function templateRole(parameters: Record<string, unknown>): Record<string, unknown> {
  const template = parse(
    readFileSync(resolve(REPO_ROOT, 'infra/templates/target-role.yaml'), 'utf8'),
  ) as {
    Parameters: Record<string, { Default?: unknown }>;
    Resources: Record<string, { Properties: unknown }>;
  };
  const values: Record<string, unknown> = {
    ...Object.fromEntries(
      Object.entries(template.Parameters)
        .filter(([, parameter]) => parameter.Default !== undefined)
        .map(([name, parameter]) => [name, parameter.Default]),
    ),
    ...parameters,
  };
  const substitute = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(substitute);
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node);
      const [first] = entries;
      if (entries.length === 1 && first?.[0] === 'Ref' && typeof first[1] === 'string') {
        if (!(first[1] in values)) throw new Error(`parameter ${first[1]} has no value`);
        return values[first[1]];
      }
      return Object.fromEntries(entries.map(([key, value]) => [key, substitute(value)]));
    }
    return node;
  };
  return substitute(template.Resources.TargetRole?.Properties) as Record<string, unknown>;
}

describe('ElevateTargetRole', () => {
  it('trusts only the broker role, for AssumeRole, SetSourceIdentity and TagSession, under both conditions', () => {
    const role = constructRole();
    expect(role.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: BROKER },
          Action: ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'],
          Condition: {
            Null: { 'sts:SourceIdentity': 'false' },
            StringLike: { 'sts:RoleSessionName': '*@*' },
          },
        },
      ],
    });
  });

  it('lasts one hour at most, keeps its fixed name and carries the operator’s managed policies', () => {
    const role = constructRole();
    expect(role.MaxSessionDuration).toBe(3600);
    expect(role.RoleName).toBe('ReadOnly');
    expect(role.ManagedPolicyArns).toEqual(POLICIES);
  });

  it('takes the session-name pattern from its props', () => {
    const role = constructRole('*@example.com-*');
    expect(JSON.stringify(role.AssumeRolePolicyDocument)).toContain(
      '"StringLike":{"sts:RoleSessionName":"*@example.com-*"}',
    );
  });
});

describe('templates/target-role.yaml', () => {
  it('has the same trust policy, duration and policies as the construct', () => {
    for (const pattern of [undefined, '*@example.com-*']) {
      const fromConstruct = constructRole(pattern);
      const fromTemplate = templateRole({
        BrokerRoleArn: BROKER,
        RoleName: 'ReadOnly',
        ManagedPolicyArns: POLICIES,
        ...(pattern === undefined ? {} : { SessionNamePattern: pattern }),
      });
      expect(fromTemplate.AssumeRolePolicyDocument).toEqual(fromConstruct.AssumeRolePolicyDocument);
      expect(fromTemplate.MaxSessionDuration).toBe(fromConstruct.MaxSessionDuration);
      expect(fromTemplate.ManagedPolicyArns).toEqual(fromConstruct.ManagedPolicyArns);
      expect(fromTemplate.RoleName).toBe(fromConstruct.RoleName);
    }
  });

  it('defaults the session-name pattern to the construct’s default', () => {
    const fromTemplate = templateRole({
      BrokerRoleArn: BROKER,
      RoleName: 'ReadOnly',
      ManagedPolicyArns: POLICIES,
    });
    expect(JSON.stringify(fromTemplate.AssumeRolePolicyDocument)).toContain(
      '"sts:RoleSessionName":"*@*"',
    );
  });
});
