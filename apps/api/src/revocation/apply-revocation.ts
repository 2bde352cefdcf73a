import type {
  AccessRequest,
  RevocationPolicyStore,
  RevocationTarget,
  SessionRecord,
} from '@elevate/domain';
import {
  policySizeOf,
  revocationEntriesOf,
  revocationEntryOf,
  revocationPolicyOf,
  ROLE_INLINE_POLICY_MAX_CHARS,
  withRevocation,
} from '@elevate/domain';

/** The revocation policy would not fit IAM's inline-policy quota for the role. */
class RevocationCapacityError extends Error {
  override readonly name = 'RevocationCapacityError';
}

/** Statuses that close a window early and so must end sessions already issued. */
export const needsRevocation = (request: Pick<AccessRequest, 'status'>): boolean =>
  request.status === 'REVOKED' || request.status === 'ENDED';

const targetOf = (request: Pick<AccessRequest, 'accountId' | 'roleName'>): RevocationTarget => ({
  accountId: request.accountId,
  roleName: request.roleName,
});

/**
 * Writes the deny for a revoked or ended request's sessions on its target role, pruning entries
 * whose sessions have all expired. Idempotent: running it twice leaves the same document.
 */
export async function applyRevocation(
  store: RevocationPolicyStore,
  request: AccessRequest,
  sessions: readonly SessionRecord[],
  now: string,
): Promise<void> {
  const target = targetOf(request);
  const current = revocationEntriesOf(await store.read(target));
  const next = withRevocation(current, revocationEntryOf(request, sessions), now);
  const document = revocationPolicyOf(next);
  if (document === undefined) return;
  if (policySizeOf(document) > ROLE_INLINE_POLICY_MAX_CHARS)
    throw new RevocationCapacityError(
      `${next.length} revocations on ${request.roleName} in ${request.accountId} exceed IAM's inline-policy quota`,
    );
  await store.write(target, document);
}
