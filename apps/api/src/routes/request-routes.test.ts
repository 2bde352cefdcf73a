import { describe, expect, it } from 'vitest';
import { problemSchema, requestPageSchema, requestViewSchema } from '@elevate/contracts';
import type { RequestView } from '@elevate/contracts';
import { apiWorld } from '../testing/api-world';
import type { ApiWorld } from '../testing/api-world';
import { PERSONAS, sandbox, productionAdmin } from '@elevate/testing';

const { alice, bob, rita, ravi, adam } = PERSONAS;

async function view(response: Response, status = 200): Promise<RequestView> {
  expect(response.status).toBe(status);
  return requestViewSchema.parse(await response.json());
}

const create = async (w: ApiWorld, body: unknown = sandbox, who = alice) =>
  view(await w.call(who, 'POST', '/requests', body), 201);

describe('a request through its life over HTTP', () => {
  it('is created pending with its routing, a Location and the requester’s buttons', async () => {
    const w = apiWorld();
    const response = await w.call(alice, 'POST', '/requests', sandbox);
    const created = await view(response, 201);
    expect(response.headers.get('location')).toBe(`/requests/${created.id}`);
    expect(created).toMatchObject({
      status: 'PENDING',
      accountName: 'sandbox',
      approverGroups: ['reviewers'],
      approvalsRequired: 1,
      approvalsCount: 0,
      phase: null,
      window: null,
      allowedActions: ['cancel'],
      pendingExpiresAt: '2030-01-02T09:00:00.000Z',
      history: [{ type: 'CREATED', actor: { sub: alice.sub }, statusAfter: 'PENDING' }],
    });
  });

  it('is approved by a reviewer, opens its window now, and can be ended early by the requester', async () => {
    const w = apiWorld();
    const created = await create(w);
    const approved = await view(
      await w.call(rita, 'POST', `/requests/${created.id}/approve`, { comment: 'ok' }),
    );
    expect(approved).toMatchObject({
      status: 'APPROVED',
      phase: 'active',
      window: { startsAt: '2030-01-01T09:00:00.000Z', endsAt: '2030-01-01T11:00:00.000Z' },
      // Rita may still revoke it; she is no longer asked to decide.
      allowedActions: ['revoke'],
    });
    expect(
      (await view(await w.call(alice, 'GET', `/requests/${created.id}`))).allowedActions,
    ).toEqual(['endEarly', 'extend']);

    w.setNow('2030-01-01T10:00:00.000Z');
    const ended = await view(await w.call(alice, 'POST', `/requests/${created.id}/end`, {}));
    expect(ended).toMatchObject({
      status: 'ENDED',
      phase: 'over',
      closedAt: '2030-01-01T10:00:00.000Z',
    });
    expect(ended.history.map((event) => event.type)).toEqual(['CREATED', 'APPROVAL', 'EARLY_END']);
  });

  it('needs two distinct reviewers for production Administrator; one person counts once', async () => {
    const w = apiWorld();
    const created = await create(w, productionAdmin);
    const first = await view(await w.call(rita, 'POST', `/requests/${created.id}/approve`, {}));
    expect(first).toMatchObject({ status: 'PENDING', approvalsCount: 1, approvalsRequired: 2 });

    const again = await w.call(rita, 'POST', `/requests/${created.id}/approve`, {});
    expect(again.status).toBe(409);
    expect(problemSchema.parse(await again.json()).code).toBe('ALREADY_DECIDED_BY_ACTOR');

    const second = await view(await w.call(ravi, 'POST', `/requests/${created.id}/approve`, {}));
    expect(second).toMatchObject({ status: 'APPROVED', approvalsCount: 2 });
  });

  it('answers 403 with the policy’s reason when the requester tries to approve', async () => {
    const w = apiWorld();
    const created = await create(w, sandbox, rita);
    const response = await w.call(rita, 'POST', `/requests/${created.id}/approve`, {});
    expect(response.status).toBe(403);
    expect(problemSchema.parse(await response.json())).toMatchObject({
      code: 'SELF_DECISION',
      detail: 'You cannot approve your own request.',
    });
  });

  it('ends at the first rejection; a later approval is a 409', async () => {
    const w = apiWorld();
    const created = await create(w);
    const rejected = await view(
      await w.call(rita, 'POST', `/requests/${created.id}/reject`, { comment: 'Use ReadOnly' }),
    );
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      decisions: [{ decision: 'REJECT', comment: 'Use ReadOnly' }],
    });
    const late = await w.call(ravi, 'POST', `/requests/${created.id}/approve`, {});
    expect(late.status).toBe(409);
    expect(problemSchema.parse(await late.json()).code).toBe('INVALID_STATE');
  });

  it('cannot be decided once its pending time is up, even before the sweeper runs', async () => {
    const w = apiWorld();
    const created = await create(w);
    w.setNow('2030-01-02T09:00:00.000Z');
    expect((await w.call(rita, 'POST', `/requests/${created.id}/approve`, {})).status).toBe(409);
  });

  it('a decision that loses a race is re-run on the fresh state and refused, never overwriting', async () => {
    const w = apiWorld();
    const created = await create(w);
    const [a, b] = await Promise.all([
      w.call(rita, 'POST', `/requests/${created.id}/approve`, {}),
      w.call(ravi, 'POST', `/requests/${created.id}/reject`, { comment: 'No' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(problemSchema.parse(await loser.json()).code).toBe('INVALID_STATE');
    expect((await w.repository.get(created.id))?.decisions).toHaveLength(1);
  });

  it('answers 404 alike for an unknown id, a malformed id and a request the caller may not see', async () => {
    const w = apiWorld();
    const created = await create(w);
    const bodies = await Promise.all(
      [
        w.call(bob, 'GET', `/requests/${created.id}`),
        w.call(bob, 'GET', '/requests/01J0000000000000000000000X'),
        w.call(bob, 'GET', `/requests/${encodeURIComponent('../etc/passwd')}`),
      ].map(async (pending) => {
        const response = await pending;
        expect(response.status).toBe(404);
        return problemSchema.parse(await response.json());
      }),
    );
    expect(new Set(bodies.map((problem) => `${problem.code} ${problem.detail ?? ''}`)).size).toBe(
      1,
    );
  });
});

describe('break-glass over HTTP', () => {
  it('is approved at creation and waits in the review queue until a reviewer marks it reviewed', async () => {
    const w = apiWorld();
    const created = await create(w, { ...productionAdmin, breakGlass: true });
    expect(created).toMatchObject({
      status: 'APPROVED',
      breakGlass: true,
      phase: 'active',
      postAccessReview: { state: 'PENDING' },
    });

    const queue = async (who: typeof rita) =>
      requestPageSchema
        .parse(await (await w.call(who, 'GET', '/reviews/break-glass')).json())
        .items.map((item) => item.id);
    expect(await queue(rita)).toEqual([created.id]);
    expect(await queue(alice)).toEqual([]);

    const reviewed = await view(
      await w.call(adam, 'POST', `/requests/${created.id}/review`, {
        comment: 'CloudTrail checked',
      }),
    );
    expect(reviewed.postAccessReview).toMatchObject({
      state: 'REVIEWED',
      reviewer: { sub: adam.sub },
      comment: 'CloudTrail checked',
    });
    expect(await queue(rita)).toEqual([]);
  });
});

describe('listings', () => {
  it('lists my requests newest first, page by page, optionally by status', async () => {
    const w = apiWorld();
    const ids: string[] = [];
    for (const minute of [1, 2, 3]) {
      w.setNow(`2030-01-01T09:0${minute}:00.000Z`);
      ids.push((await create(w)).id);
    }
    await create(w, sandbox, bob);
    await w.call(alice, 'POST', `/requests/${ids[0] ?? ''}/cancel`, {});

    const first = requestPageSchema.parse(
      await (await w.call(alice, 'GET', '/requests/mine?limit=2')).json(),
    );
    expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    const rest = requestPageSchema.parse(
      await (
        await w.call(alice, 'GET', `/requests/mine?limit=2&cursor=${first.nextCursor ?? ''}`)
      ).json(),
    );
    expect(rest.items.map((item) => item.id)).toEqual([ids[0]]);
    expect(rest.nextCursor).toBeUndefined();

    const cancelled = requestPageSchema.parse(
      await (await w.call(alice, 'GET', '/requests/mine?status=CANCELLED')).json(),
    );
    expect(cancelled.items.map((item) => item.id)).toEqual([ids[0]]);
  });

  it('shows a reviewer the pending requests routed to them, not their own nor ones they decided', async () => {
    const w = apiWorld();
    const alices = await create(w);
    const ritas = await create(w, sandbox, rita);
    const admin = await create(w, productionAdmin, bob);
    await w.call(rita, 'POST', `/requests/${admin.id}/approve`, {});

    const pending = async (who: typeof rita) =>
      requestPageSchema
        .parse(await (await w.call(who, 'GET', '/reviews/pending')).json())
        .items.map((item) => item.id);
    expect(await pending(rita)).toEqual([alices.id]);
    expect(await pending(ravi)).toEqual([alices.id, ritas.id, admin.id]);
    expect(await pending(alice)).toEqual([]);
  });
});
