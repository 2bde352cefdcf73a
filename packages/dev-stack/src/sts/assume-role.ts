import type { Caller } from './authenticate-caller';
import type { EmulatorState, VendedSession } from './emulator-state';
import { readMemberList, readMemberStructs } from './read-query-params';
import type { RoleCatalog } from './role-catalog';
import { assertRoleTrustsCaller } from './rules/assert-role-trusts-caller';
import { checkPackedPolicySize } from './rules/check-packed-policy-size';
import { findCatalogRole } from './rules/find-catalog-role';
import { validateDurationSeconds } from './rules/validate-duration-seconds';
import { validatePolicyArns } from './rules/validate-policy-arns';
import { validateRoleSessionName } from './rules/validate-role-session-name';
import { validateSessionPolicy } from './rules/validate-session-policy';
import { validateSessionTags } from './rules/validate-session-tags';
import { validateSourceIdentity } from './rules/validate-source-identity';
import { vendCredentials } from './vend-credentials';
import { assertSessionMayCall } from './policy/assert-session-may-call';

export interface AssumeRoleContext {
  catalog: RoleCatalog;
  state: EmulatorState;
  now: Date;
  region: string;
}

export interface AssumeRoleOutcome {
  session: VendedSession;
  packedPolicySize: number | undefined;
}

function param(params: URLSearchParams, name: string): string | undefined {
  return params.get(name) ?? undefined;
}

/** STS AssumeRole: every input rule, then a new session remembered in the shared state. */
export function assumeRole(
  params: URLSearchParams,
  caller: Caller,
  context: AssumeRoleContext,
): AssumeRoleOutcome {
  const role = findCatalogRole(param(params, 'RoleArn'), context.catalog, caller.arn);
  const sessionName = validateRoleSessionName(param(params, 'RoleSessionName'));
  assertRoleTrustsCaller(
    role,
    caller,
    role.trustedPrincipalArns ?? context.catalog.trustedPrincipalArns,
  );
  // A role session assuming a role is a call its own policies must allow (session policy, role deny).
  if (caller.session !== undefined)
    assertSessionMayCall(caller.session, 'sts:AssumeRole', context.state, context.now);
  const roleChaining = caller.roleArn !== undefined;
  const durationSeconds = validateDurationSeconds(param(params, 'DurationSeconds'), {
    maxSessionDurationSeconds: role.maxSessionDurationSeconds,
    roleChaining,
  });
  const sourceIdentity = validateSourceIdentity(
    param(params, 'SourceIdentity'),
    caller.sourceIdentity,
  );
  const tags = validateSessionTags(
    {
      tags: readMemberStructs(params, 'Tags', ['Key', 'Value'] as const),
      transitiveTagKeys: readMemberList(params, 'TransitiveTagKeys'),
    },
    caller.transitiveTags,
  );
  const sessionPolicy = validateSessionPolicy(param(params, 'Policy'));
  const policyArns = validatePolicyArns(
    readMemberStructs(params, 'PolicyArns', ['arn'] as const).map((p) => p.arn ?? ''),
  );
  const packedPolicySize = checkPackedPolicySize({ policy: sessionPolicy, policyArns, tags });

  const session: VendedSession = {
    ...vendCredentials(),
    account: role.account,
    roleName: role.name,
    roleArn: role.arn,
    sessionName,
    assumedRoleArn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
    assumedRoleId: `${role.roleId}:${sessionName}`,
    sourceIdentity,
    tags,
    sessionPolicy,
    policyArns,
    issuedAt: context.now,
    expiresAt: new Date(context.now.getTime() + durationSeconds * 1000),
    roleChained: roleChaining,
    issuedInRegion: context.region,
  };
  context.state.sessions.set(session.accessKeyId, session);
  return { session, packedPolicySize };
}
