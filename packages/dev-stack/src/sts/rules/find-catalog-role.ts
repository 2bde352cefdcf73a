import type { CatalogRole, RoleCatalog } from '../role-catalog';
import { StsError, validationError } from '../sts-error';

/** AWS's AccessDenied wording for AssumeRole: the same whether the role is missing or does not trust the caller. */
export function notAuthorizedToAssume(callerArn: string, roleArn: string): StsError {
  return new StsError(
    'AccessDenied',
    `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
  );
}

/** RoleArn must be well-formed (ValidationError) and name a role that exists (AccessDenied, as AWS hides existence). */
export function findCatalogRole(
  roleArn: string | undefined,
  catalog: RoleCatalog,
  callerArn: string,
): CatalogRole {
  if (roleArn === undefined) throw validationError(null, 'roleArn', 'Member must not be null');
  if (roleArn.length < 20) {
    throw validationError(
      roleArn,
      'roleArn',
      'Member must have length greater than or equal to 20',
    );
  }
  if (roleArn.length > 2048) {
    throw validationError(roleArn, 'roleArn', 'Member must have length less than or equal to 2048');
  }
  const role = catalog.roles.get(roleArn);
  if (!role) throw notAuthorizedToAssume(callerArn, roleArn);
  return role;
}
