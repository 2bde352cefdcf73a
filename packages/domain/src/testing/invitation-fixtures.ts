import type { AccessRequest } from '../access-request';
import type { Actor } from '../actor';
import type { InviteRequestInput } from '../transitions/invite-request';
import { inviteRequest } from '../transitions/invite-request';
import { SANDBOX, alice, ctx, rita, unwrap } from './fixtures';

/** Rita (a reviewer) invites Alice to PowerUser in the sandbox: one approval is needed. */
export const inviteInput = (overrides: Partial<InviteRequestInput> = {}): InviteRequestInput => ({
  id: 'inv-1',
  inviteeEmail: alice.email,
  accountId: SANDBOX,
  roleName: 'PowerUser',
  justification: 'Join the incident bridge and look at the queue',
  durationMinutes: 60,
  ...overrides,
});

export const invitation = (
  inviter: Actor = rita,
  overrides: Partial<InviteRequestInput> = {},
  now?: string,
): AccessRequest => unwrap(inviteRequest(inviteInput(overrides), ctx(inviter, now)));
