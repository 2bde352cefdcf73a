import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ElevateTargetRole } from '../constructs/elevate-target-role';

export interface TargetRoleSpec {
  readonly roleName: string;
  readonly managedPolicyArns: readonly string[];
}

export interface TargetRolesStackProps extends StackProps {
  /** The federate role's ARN in the Elevate account. */
  readonly brokerRoleArn: string;
  readonly sessionNamePattern: string;
  readonly roles: readonly TargetRoleSpec[];
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
  }
}
