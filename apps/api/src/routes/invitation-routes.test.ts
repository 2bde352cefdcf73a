import { describe, expect, it } from 'vitest';
import { problemSchema, requestPageSchema, requestViewSchema } from '@elevate/contracts';
import { apiWorld } from '../testing/api-world';
import type { ApiWorld } from '../testing/api-world';
import { PERSONAS, sandbox } from '@elevate/testing';

const { alice, nina, rita } = PERSONAS;

const ids = async (w: ApiWorld, who: typeof alice, path: string) => {
  const response = await w.call(who, 'GET', path);
  expect(response.status).toBe(200);
  return requestPageSchema.parse(await response.json()).items.map((item) => item.id);
};

async function invite(w: ApiWorld, inviteeEmail: string) {
  const response = await w.call(rita, 'POST', '/invitations', { ...sandbox, inviteeEmail });
  expect(response.status).toBe(201);
  const view = requestViewSchema.parse(await response.json());
  expect(response.headers.get('location')).toBe(`/requests/${view.id}`);
  return view;
}

describe('invitations over HTTP', () => {
  it('Rita invites Alice; Alice finds it, accepts it and it is hers, approved', async () => {
    const w = apiWorld();
    const invited = await invite(w, 'Alice@Example.com');
    expect(invited.status).toBe('PENDING');
    expect(invited.invitation).toMatchObject({
      inviter: { sub: rita.sub, email: rita.email },
      inviteeEmail: alice.email,
      state: 'AWAITING',
    });
    expect(invited.approvalsCount).toBe(1);
    expect(await ids(w, alice, '/invitations/mine')).toEqual([invited.id]);
    expect(await ids(w, alice, '/requests/mine')).toEqual([]);

    const seen = requestViewSchema.parse(
      await (await w.call(alice, 'GET', `/requests/${invited.id}`)).json(),
    );
    expect(seen.allowedActions).toEqual(['acceptInvitation', 'declineInvitation']);

    const response = await w.call(alice, 'POST', `/requests/${invited.id}/accept`, {});
    expect(response.status).toBe(200);
    const accepted = requestViewSchema.parse(await response.json());
    expect(accepted.status).toBe('APPROVED');
    expect(accepted.requester.sub).toBe(alice.sub);
    expect(accepted.history.map((event) => [event.type, event.actor.sub])).toEqual([
      ['CREATED', rita.sub],
      ['INVITATION_ACCEPTANCE', alice.sub],
    ]);
    expect(await ids(w, alice, '/invitations/mine')).toEqual([]);
    expect(await ids(w, alice, '/requests/mine')).toEqual([invited.id]);
  });

  it('refuses an ineligible invitee with the reason, and keeps the invitation for others to see', async () => {
    const w = apiWorld();
    const invited = await invite(w, nina.email);
    const response = await w.call(nina, 'POST', `/requests/${invited.id}/accept`, {});
    expect(response.status).toBe(403);
    expect(problemSchema.parse(await response.json()).code).toBe('NOT_ELIGIBLE');
    const still = requestViewSchema.parse(
      await (await w.call(rita, 'GET', `/requests/${invited.id}`)).json(),
    );
    expect(still.invitation?.state).toBe('AWAITING');
  });
});
