import type { AccessRequest } from './access-request';
import type { Actor, PersonRef } from './actor';
import { canonicalEmail } from './federation/sts-identifier';

/**
 * Until an invitee accepts, Elevate knows them by the address the inviter typed, not by an IdP
 * `sub`. The request's requester then carries this placeholder `sub` (the prefix is Elevate's own,
 * like `elevate:system`, so no IdP subject can collide with it); "my requests" of an invitee looks
 * under it, and accepting replaces it with the invitee's verified identity.
 */
export const INVITEE_SUB_PREFIX = 'elevate:invitee:';

export const inviteeSubOf = (email: string): string =>
  `${INVITEE_SUB_PREFIX}${canonicalEmail(email)}`;

/** The requester of an invitation nobody has answered yet. */
export const inviteePersonOf = (email: string): PersonRef => ({
  sub: inviteeSubOf(email),
  email: canonicalEmail(email),
  name: canonicalEmail(email),
});

/** An invitation that still waits for the engineer: no window may open. */
export const awaitsAcceptance = (request: Pick<AccessRequest, 'invitation'>): boolean =>
  request.invitation?.state === 'AWAITING';

/**
 * Whether `actor` is the person an unanswered invitation names: their verified e-mail (the token
 * verifier requires a verified address) equals the invited one, compared canonically.
 */
export const isInvitee = (request: Pick<AccessRequest, 'invitation'>, actor: Actor): boolean =>
  request.invitation !== undefined &&
  awaitsAcceptance(request) &&
  canonicalEmail(actor.email) === request.invitation.inviteeEmail;
