import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** What the revoker role may do on the target roles: read, write and delete their inline policies. */
const REVOKER_ROLE_ACTIONS = [
  'iam:GetRolePolicy',
  'iam:PutRolePolicy',
  'iam:DeleteRolePolicy',
] as const;

export interface ElevateRevokerRoleProps {
  /** The revoker function's role ARN in the Elevate account: the only principal this role trusts. */
  readonly revokerFunctionRoleArn: string;
  /** Fixed: the revoker function assumes `arn:…:role/<roleName>` in every target account. */
  readonly roleName: string;
  /** The target roles of this account; the only roles whose inline policies it may touch. */
  readonly targetRoleNames: readonly string[];
}

/**
 * The role through which Elevate's revoker writes the revocation deny on this account's target
 * roles. IAM has no condition key for an inline policy's name, so the limit is by resource: these
 * target roles only, and nothing else in the account (docs/threat-model.md says what remains).
 */
export class ElevateRevokerRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ElevateRevokerRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      description: 'Elevate revoker: writes the revocation deny on Elevate target roles only.',
      assumedBy: new iam.ArnPrincipal(props.revokerFunctionRoleArn),
      inlinePolicies: {
        WriteRevocationDeny: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              sid: 'RevocationDenyOnTargetRoles',
              actions: [...REVOKER_ROLE_ACTIONS],
              resources: props.targetRoleNames.map(
                (name) => `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${name}`,
              ),
            }),
          ],
        }),
      },
    });
  }
}
