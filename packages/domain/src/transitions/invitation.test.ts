import { describe, expect, it } from 'vitest';
import { federationCheck } from '../federation/federation-check';
import { inviteeSubOf } from '../invitation';
import { deriveNotificationEvents } from '../notifications/derive-notification-events';
import { audiencesFor } from '../notifications/audience';
import { canSee } from '../policy/request-visibility';
import { addMinutes } from '../time';
import {
  NOW,
  PRODUCTION,
  SANDBOX,
  ada,
  alice,
  bob,
  ctx,
  errorCode,
  examplePolicy,
  nina,
  ravi,
  rita,
  unwrap,
} from '../testing/fixtures';
import { invitation, inviteInput } from '../testing/invitation-fixtures';
import { allowedActions } from './allowed-actions';
import { acceptInvitation, declineInvitation } from './answer-invitation';
import { approveRequest } from './approve-request';
import { cancelRequest } from './cancel-request';
import { expireRequest } from './expire-request';
import { inviteRequest } from './invite-request';
import { rejectRequest } from './reject-request';

const soon = addMinutes(NOW, 5);

describe('inviteRequest', () => {
  it('opens a pending request for the invitee, known by address, with the inviter recorded', () => {
    const request = invitation();
    expect(request.status).toBe('PENDING');
    expect(request.requester).toEqual({
      sub: inviteeSubOf(alice.email),
      email: alice.email,
      name: alice.email,
    });
    expect(request.invitation).toMatchObject({
      inviter: { sub: rita.sub, name: rita.name },
      inviteeEmail: alice.email,
      state: 'AWAITING',
      invitedAt: NOW,
    });
    expect(request.history[0]).toMatchObject({ type: 'CREATED', actor: { sub: rita.sub } });
    expect(request.pendingExpiresAt).toBe(addMinutes(NOW, 1440));
  });

  it("counts a routed inviter's invitation as their approval, and an unrouted admin's as none", () => {
    expect(invitation().decisions.map((decision) => decision.approver.sub)).toEqual([rita.sub]);
    expect(invitation(ada).decisions).toEqual([]);
  });

  it('canonicalises the address and refuses self-invitation under any case', () => {
    expect(
      invitation(rita, { inviteeEmail: '  Alice@Example.COM ' }).invitation?.inviteeEmail,
    ).toBe(alice.email);
    expect(
      errorCode(inviteRequest(inviteInput({ inviteeEmail: 'RITA@example.com' }), ctx(rita))),
    ).toBe('SELF_INVITATION');
  });

  it('refuses inviters who neither review this account × role nor administer Elevate', () => {
    expect(errorCode(inviteRequest(inviteInput(), ctx(bob)))).toBe('NOT_ROUTED_TO_REVIEWER');
  });

  it('checks the request against every rule offering the role, and never makes it break-glass', () => {
    expect(errorCode(inviteRequest(inviteInput({ roleName: 'Billing' }), ctx(rita)))).toBe(
      'UNKNOWN_ROLE',
    );
    expect(
      errorCode(
        inviteRequest(
          inviteInput({ accountId: PRODUCTION, roleName: 'Administrator', ticket: undefined }),
          ctx(rita),
        ),
      ),
    ).toBe('TICKET_REQUIRED');
    expect(errorCode(inviteRequest(inviteInput({ durationMinutes: 10_000 }), ctx(rita)))).toBe(
      'DURATION_OUT_OF_RANGE',
    );
    expect(invitation().breakGlass).toBe(false);
  });
});

describe('acceptInvitation', () => {
  it('makes the request the invitee’s and approves it when the approvals already meet their rule', () => {
    const accepted = unwrap(acceptInvitation(invitation(), {}, ctx(alice, soon)));
    expect(accepted.requester).toEqual({ sub: alice.sub, email: alice.email, name: alice.name });
    expect(accepted.status).toBe('APPROVED');
    expect(accepted.approvedAt).toBe(soon);
    expect(accepted.invitation).toMatchObject({ state: 'ACCEPTED', answeredAt: soon });
    expect(accepted.history.map((event) => [event.type, event.actor.sub])).toEqual([
      ['CREATED', rita.sub],
      ['INVITATION_ACCEPTANCE', alice.sub],
    ]);
  });

  it('waits for the rest of the quorum when the inviter alone is not enough', () => {
    const invited = invitation(rita, {
      accountId: PRODUCTION,
      roleName: 'Administrator',
      ticket: 'OPS-1',
      justification: 'Join the bridge for the database incident',
    });
    const accepted = unwrap(acceptInvitation(invited, {}, ctx(alice, soon)));
    expect(accepted.status).toBe('PENDING');
    const approved = unwrap(approveRequest(accepted, {}, ctx(ravi, soon)));
    expect(approved.status).toBe('APPROVED');
  });

  it('keeps a fully approved invitation PENDING until the invitee accepts', () => {
    const invited = invitation(ada);
    const approved = unwrap(approveRequest(invited, {}, ctx(rita, soon)));
    expect(approved.status).toBe('PENDING');
    const accepted = unwrap(acceptInvitation(approved, {}, ctx(alice, addMinutes(soon, 1))));
    expect(accepted.status).toBe('APPROVED');
    expect(accepted.approvedAt).toBe(addMinutes(soon, 1));
  });

  it('checks the invitee’s own eligibility from their token when they accept', () => {
    const invited = invitation(rita, { inviteeEmail: nina.email });
    expect(errorCode(acceptInvitation(invited, {}, ctx(nina, soon)))).toBe('NOT_ELIGIBLE');
  });

  it('lets only the invited address answer, once, and not after expiry', () => {
    const invited = invitation();
    expect(errorCode(acceptInvitation(invited, {}, ctx(bob, soon)))).toBe('NOT_INVITEE');
    expect(errorCode(acceptInvitation(invited, {}, ctx(rita, soon)))).toBe('NOT_INVITEE');
    const accepted = unwrap(acceptInvitation(invited, {}, ctx(alice, soon)));
    expect(errorCode(acceptInvitation(accepted, {}, ctx(alice, soon)))).toBe('INVALID_STATE');
    expect(errorCode(declineInvitation(accepted, {}, ctx(alice, soon)))).toBe('INVALID_STATE');
    const late = addMinutes(NOW, 1440);
    expect(errorCode(acceptInvitation(invited, {}, ctx(alice, late)))).toBe('INVALID_STATE');
    expect(unwrap(expireRequest(invited, ctx(rita, late))).status).toBe('EXPIRED');
  });

  it('refuses an inviter accepting under a second address', () => {
    const twin = { ...rita, email: 'rita.alias@example.com' };
    const invited = invitation(rita, { inviteeEmail: twin.email });
    expect(errorCode(acceptInvitation(invited, {}, ctx(twin, soon)))).toBe('SELF_INVITATION');
  });

  it('refuses acceptance by someone who already approved it under another address', () => {
    const twin = { ...alice, email: 'alice.alias@example.com', groups: ['engineers', 'reviewers'] };
    const invited = invitation(ada);
    const approvedByTwin = unwrap(approveRequest(invited, {}, ctx(twin, soon)));
    expect(errorCode(acceptInvitation(approvedByTwin, {}, ctx(alice, soon)))).toBe('SELF_DECISION');
  });

  it('lets the invitee neither approve nor reject their own invitation', () => {
    const reviewerInvitee = invitation(ravi, { inviteeEmail: rita.email });
    expect(errorCode(approveRequest(reviewerInvitee, {}, ctx(rita, soon)))).toBe('SELF_DECISION');
    expect(errorCode(rejectRequest(reviewerInvitee, { comment: 'no' }, ctx(rita, soon)))).toBe(
      'SELF_DECISION',
    );
  });
});

describe('declineInvitation and withdrawal', () => {
  it('ends the request CANCELLED with both names in the history; it never opens', () => {
    const declined = unwrap(declineInvitation(invitation(), { comment: 'busy' }, ctx(alice, soon)));
    expect(declined.status).toBe('CANCELLED');
    expect(declined.invitation?.state).toBe('DECLINED');
    expect(declined.history.map((event) => [event.type, event.actor.sub])).toEqual([
      ['CREATED', rita.sub],
      ['INVITATION_DECLINE', alice.sub],
    ]);
    expect(errorCode(approveRequest(declined, {}, ctx(ravi, soon)))).toBe('INVALID_STATE');
    expect(federationCheck(declined, alice, examplePolicy, soon).ok).toBe(false);
  });

  it('lets the inviter withdraw an unanswered invitation, nobody else but the invitee', () => {
    expect(unwrap(cancelRequest(invitation(), {}, ctx(rita, soon))).status).toBe('CANCELLED');
    expect(errorCode(cancelRequest(invitation(), {}, ctx(ravi, soon)))).toBe('NOT_REQUESTER');
  });
});

describe('invitations elsewhere in the domain', () => {
  it('gives no session before acceptance, and one after', () => {
    const invited = unwrap(approveRequest(invitation(ada), {}, ctx(rita, soon)));
    const denied = federationCheck(invited, alice, examplePolicy, soon);
    expect(denied.ok).toBe(false);
    const accepted = unwrap(acceptInvitation(invited, {}, ctx(alice, soon)));
    expect(federationCheck(accepted, alice, examplePolicy, addMinutes(soon, 1)).ok).toBe(true);
  });

  it('shows the invitation to the invitee and offers them Accept and Decline only', () => {
    const invited = invitation();
    expect(canSee(examplePolicy, alice, invited).allowed).toBe(true);
    expect(canSee(examplePolicy, bob, invited).allowed).toBe(false);
    expect(allowedActions(invited, ctx(alice, soon))).toEqual([
      'acceptInvitation',
      'declineInvitation',
    ]);
    expect(allowedActions(invited, ctx(ravi, soon))).toEqual(['approve', 'reject']);
  });

  it('tells the invitee and the reviewers of the invitation, and the reviewers of the answer', () => {
    const invited = invitation();
    const [sent] = deriveNotificationEvents(undefined, invited);
    expect(sent?.type).toBe('INVITATION_SENT');
    expect(sent === undefined ? [] : audiencesFor(sent)).toEqual([
      { kind: 'requester', person: invited.requester },
      { kind: 'reviewers', groups: ['reviewers'] },
    ]);
    const declined = unwrap(declineInvitation(invited, {}, ctx(alice, soon)));
    expect(deriveNotificationEvents(invited, declined).map((event) => event.type)).toEqual([
      'INVITATION_DECLINED',
    ]);
    expect(SANDBOX).toBe(invited.accountId);
  });
});
