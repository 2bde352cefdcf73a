import type { EmulatorState, VendedSession } from '../emulator-state';
import { StsError } from '../sts-error';
import { hasApplicable } from './evaluate-policy';
import type { RequestContext } from './evaluate-policy';

/**
 * IAM's evaluation for a call made with role-session credentials, as far as the emulator models
 * permissions: the role allows everything, so the call is refused when an inline policy on the role
 * or the session policy denies it, or when a session policy exists and allows nothing that matches.
 */
export function assertSessionMayCall(
  session: VendedSession,
  action: string,
  state: EmulatorState,
  now: Date,
): void {
  const context: RequestContext = {
    action,
    now,
    principalTags: new Map(session.tags.map((tag) => [tag.key, tag.value])),
    tokenIssueTime: session.issuedAt,
    sourceIdentity: session.sourceIdentity,
  };
  const rolePolicies = [...(state.rolePolicies.get(session.roleArn)?.values() ?? [])];
  const sessionPolicy =
    session.sessionPolicy === undefined ? undefined : JSON.stringify(session.sessionPolicy);
  const denied =
    rolePolicies.some((document) => hasApplicable(document, 'Deny', context)) ||
    (sessionPolicy !== undefined && hasApplicable(sessionPolicy, 'Deny', context));
  const notAllowed = sessionPolicy !== undefined && !hasApplicable(sessionPolicy, 'Allow', context);
  if (denied || notAllowed) {
    throw new StsError(
      'AccessDenied',
      `User: ${session.assumedRoleArn} is not authorized to perform: ${action} with an explicit deny`,
    );
  }
}
