import type { MeResponse } from '@elevate/contracts';
import { paths } from '../../lib/paths';

/**
 * Where a person lands: where their work is. Admins watch who holds access now, reviewers decide,
 * auditors read the record; everyone else (including people eligible for nothing, whose My access
 * says why and who to ask) starts at their own requests.
 */
export function homePathFor(me: Pick<MeResponse, 'eligibility'>): string {
  const { roles } = me.eligibility;
  if (roles.admin) return paths.activeAccess;
  if (roles.reviewer) return paths.reviews();
  if (roles.auditor) return paths.audit;
  return paths.myAccess;
}

/** Someone no policy rule lets request anything: no "New request" is offered to them. */
export function eligibleForNothing(me: Pick<MeResponse, 'eligibility'>): boolean {
  return me.eligibility.entries.length === 0;
}
