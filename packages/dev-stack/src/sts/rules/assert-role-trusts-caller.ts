import type { Caller } from '../authenticate-caller';
import type { CatalogRole } from '../role-catalog';
import { notAuthorizedToAssume } from './find-catalog-role';

/** The role's trust policy, reduced to a list: a role session is trusted through its role's ARN, anyone else by ARN. */
export function assertRoleTrustsCaller(
  role: CatalogRole,
  caller: Pick<Caller, 'arn' | 'roleArn'>,
  trustedPrincipalArns: ReadonlySet<string>,
): void {
  const trusted =
    (caller.roleArn !== undefined && trustedPrincipalArns.has(caller.roleArn)) ||
    trustedPrincipalArns.has(caller.arn);
  if (!trusted) throw notAuthorizedToAssume(caller.arn, role.arn);
}
