import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ElevateRevokerRole } from '../constructs/elevate-revoker-role';
import { ElevateTargetRole } from '../constructs/elevate-target-role';

/**
 * IAM writes that create or widen a principal: what an administrator inside a window could do to
 * keep access after it (docs/threat-model.md).
 */
const PERSISTENCE_IAM_EVENTS = [
  'CreateUser',
  'CreateAccessKey',
  'CreateLoginProfile',
  'UpdateLoginProfile',
  'CreateRole',
  'UpdateAssumeRolePolicy',
  'AttachRolePolicy',
  'PutRolePolicy',
  'AttachUserPolicy',
  'PutUserPolicy',
  'AddUserToGroup',
  'CreatePolicyVersion',
  'CreateServiceSpecificCredential',
  'UploadSSHPublicKey',
  'CreateOpenIDConnectProvider',
  'CreateSAMLProvider',
] as const;

/**
 * The event pattern of IAM writes made by brokered sessions: every Elevate session carries a
 * SourceIdentity, which CloudTrail records in `sessionContext.sourceIdentity`.
 */
function brokeredIamWritePattern(targetRoleNames: readonly string[]): events.EventPattern {
  return {
    source: ['aws.iam'],
    detailType: ['AWS API Call via CloudTrail'],
    detail: {
      eventSource: ['iam.amazonaws.com'],
      eventName: [...PERSISTENCE_IAM_EVENTS],
      userIdentity: {
        sessionContext: {
          sourceIdentity: [{ exists: true }],
          sessionIssuer: { userName: [...targetRoleNames] },
        },
      },
    },
  };
}

export interface TargetRoleSpec {
  readonly roleName: string;
  readonly managedPolicyArns: readonly string[];
}

export interface TargetRolesStackProps extends StackProps {
  /** The federate role's ARN in the Elevate account. */
  readonly brokerRoleArn: string;
  readonly sessionNamePattern: string;
  readonly roles: readonly TargetRoleSpec[];
  /** The revoker function's role ARN; with it, the account gets the revoker role. */
  readonly revokerFunctionRoleArn?: string;
  readonly revokerRoleName?: string;
  /**
   * An SNS topic (in this account and region) told of IAM writes by brokered sessions. IAM's
   * CloudTrail events reach EventBridge in us-east-1 only, so deploy this stack there for it.
   */
  readonly iamWriteAlarmTopicArn?: string;
}

/**
 * The target roles for one controlled account, environment-agnostic so that one template serves
 * every account (deploy it per account, or hand its template to a StackSet).
 */
export class TargetRolesStack extends Stack {
  constructor(scope: Construct, id: string, props: TargetRolesStackProps) {
    super(scope, id, props);
    for (const spec of props.roles) {
      const target = new ElevateTargetRole(this, spec.roleName, {
        brokerRoleArn: props.brokerRoleArn,
        roleName: spec.roleName,
        managedPolicyArns: spec.managedPolicyArns,
        sessionNamePattern: props.sessionNamePattern,
      });
      new CfnOutput(this, `${spec.roleName.replace(/[^A-Za-z0-9]/g, '')}Arn`, {
        value: target.role.roleArn,
      });
    }
    const roleNames = props.roles.map((spec) => spec.roleName);
    if (props.revokerFunctionRoleArn !== undefined && props.revokerRoleName !== undefined) {
      const revoker = new ElevateRevokerRole(this, 'Revoker', {
        revokerFunctionRoleArn: props.revokerFunctionRoleArn,
        roleName: props.revokerRoleName,
        targetRoleNames: roleNames,
      });
      new CfnOutput(this, 'RevokerRoleArn', { value: revoker.role.roleArn });
    }
    if (props.iamWriteAlarmTopicArn !== undefined) {
      new events.Rule(this, 'BrokeredIamWrites', {
        description:
          'Elevate: IAM writes by brokered sessions (possible persistence after a window)',
        eventPattern: brokeredIamWritePattern(roleNames),
        targets: [
          new eventTargets.SnsTopic(
            sns.Topic.fromTopicArn(this, 'IamWriteAlarmTopic', props.iamWriteAlarmTopicArn),
          ),
        ],
      });
    }
  }
}
