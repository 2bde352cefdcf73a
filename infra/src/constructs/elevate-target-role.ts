import { Duration, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../nag/acknowledge';

/** What the broker's role may do on a target role: assume it, stamp who, tag the session. */
export const TARGET_ROLE_TRUST_ACTIONS = [
  'sts:AssumeRole',
  'sts:SetSourceIdentity',
  'sts:TagSession',
] as const;

/**
 * The broker names sessions after the user's e-mail (`<local>@<domain>-<suffix>`), so `*@*`
 * refuses any session that does not carry a person's identity in CloudTrail.
 */
export const DEFAULT_SESSION_NAME_PATTERN = '*@*';

/** The conditions every assumption must meet; shared with the plain template's test. */
export function targetRoleTrustConditions(sessionNamePattern: string): Record<string, unknown> {
  return {
    // A source identity must be set: it names the person and survives role chaining.
    Null: { 'sts:SourceIdentity': 'false' },
    StringLike: { 'sts:RoleSessionName': sessionNamePattern },
  };
}

/** Trusts exactly one role ARN, with all three actions and the conditions in one statement. */
class BrokerRolePrincipal extends iam.ArnPrincipal {
  constructor(
    arn: string,
    private readonly sessionNamePattern: string,
  ) {
    super(arn);
  }

  override addToAssumeRolePolicy(document: iam.PolicyDocument): void {
    document.addStatements(
      new iam.PolicyStatement({
        effect: iam.Effect.ALLOW,
        principals: [new iam.ArnPrincipal(this.arn)],
        actions: [...TARGET_ROLE_TRUST_ACTIONS],
        conditions: targetRoleTrustConditions(this.sessionNamePattern),
      }),
    );
  }
}

export interface ElevateTargetRoleProps {
  /** The federate function's role ARN: the only principal this role trusts. */
  readonly brokerRoleArn: string;
  /** The role's name; the policy file names target roles by it, so it is fixed. */
  readonly roleName: string;
  /** The permissions a session gets, the operator's choice (AWS or customer managed policies). */
  readonly managedPolicyArns: readonly string[];
  /** `sts:RoleSessionName` must match this StringLike pattern. */
  readonly sessionNamePattern?: string;
}

/** A role in an account Elevate controls: assumable only by the broker, one hour at most. */
export class ElevateTargetRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ElevateTargetRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      description:
        'Elevate target role: assumed only by the Elevate broker, for approved requests.',
      assumedBy: new BrokerRolePrincipal(
        props.brokerRoleArn,
        props.sessionNamePattern ?? DEFAULT_SESSION_NAME_PATTERN,
      ),
      // The broker chains roles, which STS caps at one hour anyway; say so in the role too.
      maxSessionDuration: Duration.hours(1),
      managedPolicies: props.managedPolicyArns.map((arn, index) =>
        iam.ManagedPolicy.fromManagedPolicyArn(this, `Policy${index}`, arn),
      ),
    });
    // The revoker role of a plain-template rollout may write inline policies only on roles so tagged.
    Tags.of(this.role).add('elevate:target-role', 'true');
    acknowledge(
      this.role,
      props.managedPolicyArns
        .filter((arn) => /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn))
        .map((arn) => `AwsSolutions-IAM4[Policy::${arn}]`),
      'A target role exists to grant the permissions the operator chose for it (often an AWS managed job-function policy); Elevate controls who may assume it and for how long.',
    );
  }
}
