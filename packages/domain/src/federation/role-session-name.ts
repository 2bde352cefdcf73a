import type { PersonRef } from '../actor';
import { canonicalEmail, stsIdentifierFor } from './sts-identifier';

/**
 * The RoleSessionName for `actor` assuming `roleName`, so CloudTrail's
 * `assumed-role/<role>/<session name>` names the person. `<email>-<role>` (the seed's form, e.g.
 * `someone@example.com-TempAccessRoleS3Admin`) when that is valid for STS as is; otherwise the
 * sanitized start of it plus a hash of the full email and role, e.g.
 * `j-rgen@example.de-ReadOnly-9f86d081884c7d65`. Deterministic; see docs/federation.md.
 */
export const roleSessionNameFor = (actor: Pick<PersonRef, 'email'>, roleName: string): string => {
  const email = canonicalEmail(actor.email);
  return stsIdentifierFor(
    `${email}-${roleName}`,
    `role-session-name\u0000${email}\u0000${roleName}`,
  );
};
