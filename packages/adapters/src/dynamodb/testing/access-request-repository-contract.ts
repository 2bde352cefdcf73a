// The one contract every AccessRequestRepository passes (in-memory and DynamoDB/dynalite).
// Requests are built by the domain's own transitions, so the store is tested with real states.
import type {
  AccessRequest,
  ListedRequest,
  AccessRequestRepository,
  Actor,
  AuditQuery,
  Page,
  TransitionResult,
} from '@elevate/domain';
import {
  acceptInvitation,
  addMinutes,
  approveRequest,
  inviteeSubOf,
  inviteRequest,
  cancelRequest,
  createBreakGlassRequest,
  createRequest,
  expireRequest,
  markBreakGlassReviewed,
  rejectRequest,
  revokeRequest,
  routingKeyOf,
  SYSTEM_ACTOR,
  transitionWriteOf,
} from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import {
  adam,
  alice,
  bob,
  ctx,
  productionAdminInput,
  ravi,
  rita,
  sandboxInput,
  STAGING,
} from '@elevate/domain/testing';

export interface ContractSubject {
  readonly repository: AccessRequestRepository;
  /**
   * Waits until read models kept from the change stream (the decider entries) have caught up with
   * every write so far — eventual consistency, as in AWS. Absent: the store is always caught up.
   */
  readonly settle?: () => Promise<void>;
}

const created = (result: TransitionResult): AccessRequest => {
  if (!result.ok) throw new Error(`transition refused: ${result.error.code}`);
  return result.value.request;
};

const fresh = (actor: Actor, now: string): Actor => ({ ...actor, authTime: now });

/** A pending sandbox request by `actor` at `now`. */
const pendingAt = (
  id: string,
  now: string,
  actor: Actor = alice,
  overrides: Parameters<typeof sandboxInput>[0] = {},
): AccessRequest =>
  created(createRequest(sandboxInput({ id, ...overrides }), ctx(fresh(actor, now), now)));

const breakGlassAt = (id: string, now: string, actor: Actor = alice): AccessRequest =>
  created(createBreakGlassRequest(productionAdminInput({ id }), ctx(fresh(actor, now), now)));

/** The same request routed to other approver groups (routing is fixed at creation; the store just keys on it). */
const routedTo = (request: AccessRequest, groups: string[]): AccessRequest => ({
  ...request,
  routing: { ...request.routing, approverGroups: groups, routingKey: routingKeyOf(groups) },
});

const later = (request: AccessRequest, minutes = 1): string =>
  addMinutes(request.createdAt, minutes);

const ids = (page: Page<ListedRequest>): string[] => page.items.map((request) => request.id);

const mustCreate = async (
  repository: AccessRequestRepository,
  ...requests: AccessRequest[]
): Promise<void> => {
  for (const request of requests) {
    const result = await repository.create(request);
    if (!result.ok) throw new Error(`create ${request.id} failed: ${result.error.code}`);
  }
};

/** Runs a domain transition on the stored request and persists it; returns the request after. */
const decide = async (
  repository: AccessRequestRepository,
  request: AccessRequest,
  transition: (request: AccessRequest) => TransitionResult,
): Promise<AccessRequest> => {
  const outcome = transition(request);
  if (!outcome.ok) throw new Error(`transition refused: ${outcome.error.code}`);
  const result = await repository.applyTransition(transitionWriteOf(request, outcome.value));
  if (!result.ok) throw new Error(`transition not stored: ${result.error.code}`);
  return result.value;
};

/** Walks every page with `limit`, asserting each page respects it; returns the ids in order and the page count. */
const walk = async (
  list: (cursor: string | undefined) => Promise<Page<ListedRequest>>,
  limit: number,
): Promise<{ ids: string[]; pages: number }> => {
  const all: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list(cursor);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    all.push(...ids(page));
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(50);
  } while (cursor !== undefined);
  return { ids: all, pages };
};

const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof Error && 'code' in error && typeof error.code === 'string'
      ? error.code
      : `untyped: ${String(error)}`;
  }
};

export const describeAccessRequestRepositoryContract = (
  name: string,
  setup: () => Promise<ContractSubject>,
): void => {
  describe(`${name} — AccessRequestRepository contract`, () => {
    it('stores a new request and reads it back whole', async () => {
      const { repository } = await setup();
      const request = pendingAt('req-create', '2025-03-03T09:00:00.000Z');
      const result = await repository.create(request);
      expect(result).toEqual({ ok: true, value: request });
      expect(await repository.get('req-create')).toEqual(request);
      expect(await repository.get('req-absent')).toBeUndefined();
    });

    it('refuses to create a request whose id exists, and keeps the first one', async () => {
      const { repository } = await setup();
      const first = pendingAt('req-dup', '2025-03-03T09:00:00.000Z');
      await mustCreate(repository, first);
      const second = pendingAt('req-dup', '2025-03-03T10:00:00.000Z', bob);
      const result = await repository.create(second);
      expect(result.ok ? undefined : result.error.code).toBe('ALREADY_EXISTS');
      expect(await repository.get('req-dup')).toEqual(first);
    });

    it('a create repeated under the same writer token is its own success, not ALREADY_EXISTS', async () => {
      const { repository } = await setup();
      const request = pendingAt('req-token', '2025-03-03T09:00:00.000Z');
      expect((await repository.create(request, 'writer-1')).ok).toBe(true);
      expect(await repository.create(request, 'writer-1')).toEqual({ ok: true, value: request });
      const other = await repository.create(request, 'writer-2');
      expect(other.ok ? undefined : other.error.code).toBe('ALREADY_EXISTS');
      expect(await repository.writtenBy('req-token', 'writer-1')).toEqual(request);
      expect(await repository.writtenBy('req-token', 'writer-2')).toBeUndefined();
    });

    it('a transition repeated under its writer token reads back as applied; another writer conflicts', async () => {
      const { repository } = await setup();
      const before = pendingAt('req-token-t', '2025-03-03T09:00:00.000Z');
      await mustCreate(repository, before);
      const outcome = approveRequest(before, {}, ctx(rita, later(before)));
      if (!outcome.ok) throw new Error(outcome.error.code);
      const write = { ...transitionWriteOf(before, outcome.value), writerToken: 'approve-1' };
      expect((await repository.applyTransition(write)).ok).toBe(true);
      expect(await repository.applyTransition(write)).toEqual({
        ok: true,
        value: outcome.value.request,
      });
      const stranger = await repository.applyTransition({ ...write, writerToken: 'approve-2' });
      expect(stranger.ok ? undefined : stranger.error.code).toBe('VERSION_CONFLICT');
      expect((await repository.get(before.id))?.history).toHaveLength(2);
    });

    it('applies a transition at the expected version: one event appended, version bumped', async () => {
      const { repository } = await setup();
      const before = pendingAt('req-approve', '2025-03-03T09:00:00.000Z');
      await mustCreate(repository, before);
      const outcome = approveRequest(before, { comment: 'ok' }, ctx(rita, later(before)));
      if (!outcome.ok) throw new Error(outcome.error.code);
      const result = await repository.applyTransition(transitionWriteOf(before, outcome.value));
      expect(result).toEqual({ ok: true, value: outcome.value.request });
      const stored = await repository.get(before.id);
      expect(stored?.version).toBe(2);
      expect(stored?.status).toBe('APPROVED');
      expect(stored?.history).toEqual([...before.history, outcome.value.event]);
      expect(stored).toEqual(outcome.value.request);
    });

    it('keeps an invitation under the invited address until accepted, then under the engineer', async () => {
      const { repository } = await setup();
      const now = '2025-03-03T09:00:00.000Z';
      const invited = created(
        inviteRequest(
          {
            id: 'inv-1',
            inviteeEmail: alice.email,
            accountId: sandboxInput().accountId,
            roleName: 'PowerUser',
            justification: 'Join the incident bridge and look at the queue',
            durationMinutes: 60,
          },
          ctx(fresh(rita, now), now),
        ),
      );
      await mustCreate(repository, invited);
      const ids = async (requesterSub: string) =>
        (await repository.listByRequester({ requesterSub, limit: 10 })).items.map((r) => r.id);
      expect(await ids(inviteeSubOf(alice.email))).toEqual(['inv-1']);
      expect(await ids(alice.sub)).toEqual([]);
      const accepted = acceptInvitation(
        invited,
        {},
        ctx(fresh(alice, later(invited)), later(invited)),
      );
      if (!accepted.ok) throw new Error(accepted.error.code);
      const written = await repository.applyTransition(transitionWriteOf(invited, accepted.value));
      expect(written.ok).toBe(true);
      expect(await repository.get('inv-1')).toEqual(accepted.value.request);
      expect(await ids(inviteeSubOf(alice.email))).toEqual([]);
      expect(await ids(alice.sub)).toEqual(['inv-1']);
    });

    it('removes optional fields a transition clears and keeps what it does not touch', async () => {
      const { repository } = await setup();
      const before = { ...pendingAt('req-clear', '2025-03-03T09:00:00.000Z'), ticket: 'OPS-1' };
      await mustCreate(repository, before);
      const outcome = cancelRequest(before, {}, ctx(alice, later(before)));
      if (!outcome.ok) throw new Error(outcome.error.code);
      const { ticket: _ticket, ...withoutTicket } = outcome.value.request;
      const result = await repository.applyTransition(
        transitionWriteOf(before, { ...outcome.value, request: withoutTicket }),
      );
      expect(result.ok).toBe(true);
      const stored = await repository.get(before.id);
      expect(stored).toEqual(withoutTicket);
      expect(stored && 'ticket' in stored).toBe(false);
    });

    it('refuses a stale version or status with VERSION_CONFLICT and changes nothing', async () => {
      const { repository } = await setup();
      const before = pendingAt('req-stale', '2025-03-03T09:00:00.000Z');
      await mustCreate(repository, before);
      const approved = approveRequest(before, {}, ctx(rita, later(before)));
      const rejected = rejectRequest(before, { comment: 'no' }, ctx(rita, later(before)));
      if (!approved.ok || !rejected.ok) throw new Error('transitions refused');
      expect((await repository.applyTransition(transitionWriteOf(before, approved.value))).ok).toBe(
        true,
      );
      const afterWin = await repository.get(before.id);

      const stale = await repository.applyTransition(transitionWriteOf(before, rejected.value));
      expect(stale.ok ? undefined : stale.error.code).toBe('VERSION_CONFLICT');
      // Right version, wrong status: still a conflict.
      const wrongStatus = await repository.applyTransition({
        ...transitionWriteOf(before, rejected.value),
        request: { ...rejected.value.request, version: 3 },
        expected: { status: 'PENDING', version: 2 },
      });
      expect(wrongStatus.ok ? undefined : wrongStatus.error.code).toBe('VERSION_CONFLICT');
      expect(await repository.get(before.id)).toEqual(afterWin);
    });

    it('answers NOT_FOUND for a transition of a request that does not exist', async () => {
      const { repository } = await setup();
      const before = pendingAt('req-ghost', '2025-03-03T09:00:00.000Z');
      const outcome = cancelRequest(before, {}, ctx(alice, later(before)));
      if (!outcome.ok) throw new Error(outcome.error.code);
      const result = await repository.applyTransition(transitionWriteOf(before, outcome.value));
      expect(result.ok ? undefined : result.error.code).toBe('NOT_FOUND');
      expect(await repository.get(before.id)).toBeUndefined();
    });

    it('lets exactly one of 20 concurrent transitions on the same version win', async () => {
      const { repository } = await setup();
      const before = pendingAt('req-race', '2025-03-03T09:00:00.000Z');
      await mustCreate(repository, before);
      const writes = Array.from({ length: 20 }, (_, index) => {
        const outcome =
          index % 2 === 0
            ? approveRequest(before, { comment: `approve ${index}` }, ctx(rita, later(before)))
            : rejectRequest(before, { comment: `reject ${index}` }, ctx(rita, later(before)));
        if (!outcome.ok) throw new Error(outcome.error.code);
        return transitionWriteOf(before, outcome.value);
      });
      const results = await Promise.all(writes.map((write) => repository.applyTransition(write)));
      const winners = results.filter((result) => result.ok);
      expect(winners).toHaveLength(1);
      expect(
        results.filter((result) => !result.ok && result.error.code === 'VERSION_CONFLICT'),
      ).toHaveLength(19);
      const stored = await repository.get(before.id);
      expect(stored?.version).toBe(2);
      expect(stored?.history).toHaveLength(2);
      expect(stored).toEqual(winners[0]?.ok ? winners[0].value : undefined);
    });

    it("lists a requester's requests newest first, page by page, optionally of one status", async () => {
      const { repository } = await setup();
      const mine = ['2025-01-10', '2025-02-10', '2025-03-10', '2025-03-11', '2025-03-12'].map(
        (day, index) => pendingAt(`mine-${index}`, `${day}T08:00:00.000Z`),
      );
      const theirs = pendingAt('theirs', '2025-03-05T08:00:00.000Z', bob);
      await mustCreate(repository, ...mine, theirs);
      const cancelled = cancelRequest(
        mine[1] as AccessRequest,
        {},
        ctx(alice, later(mine[1] as AccessRequest)),
      );
      if (!cancelled.ok) throw new Error(cancelled.error.code);
      expect(
        (
          await repository.applyTransition(
            transitionWriteOf(mine[1] as AccessRequest, cancelled.value),
          )
        ).ok,
      ).toBe(true);

      const all = await walk(
        (cursor) =>
          repository.listByRequester({
            requesterSub: alice.sub,
            limit: 2,
            ...(cursor ? { cursor } : {}),
          }),
        2,
      );
      expect(all).toEqual({ ids: ['mine-4', 'mine-3', 'mine-2', 'mine-1', 'mine-0'], pages: 3 });
      const exact = await walk(
        (cursor) =>
          repository.listByRequester({
            requesterSub: alice.sub,
            limit: 5,
            ...(cursor ? { cursor } : {}),
          }),
        5,
      );
      expect(exact.pages).toBe(1);
      const pending = await walk(
        (cursor) =>
          repository.listByRequester({
            requesterSub: alice.sub,
            status: 'PENDING',
            limit: 1,
            ...(cursor ? { cursor } : {}),
          }),
        1,
      );
      expect(pending.ids).toEqual(['mine-4', 'mine-3', 'mine-2', 'mine-0']);
      const none = await repository.listByRequester({ requesterSub: 'nobody', limit: 10 });
      expect(none).toEqual({ items: [] });
    });

    it("finds text in a requester's own requests, ignoring case, alone and with a status", async () => {
      const { repository } = await setup();
      await mustCreate(
        repository,
        pendingAt('s-1', '2025-03-01T09:00:00.000Z', alice, {
          justification: 'Rotate the KMS key',
        }),
        pendingAt('s-2', '2025-03-02T09:00:00.000Z', alice, { justification: 'Deploy hotfix' }),
        pendingAt('s-3', '2025-03-03T09:00:00.000Z', alice, {
          justification: 'Look at logs',
          ticket: 'OPS-77',
        }),
        pendingAt('s-4', '2025-03-04T09:00:00.000Z', bob, { justification: 'Rotate keys too' }),
      );
      const search = async (text: string, status?: 'PENDING' | 'APPROVED') =>
        (
          await walk(
            (cursor) =>
              repository.listByRequester({
                requesterSub: alice.sub,
                text,
                limit: 1,
                ...(status === undefined ? {} : { status }),
                ...(cursor ? { cursor } : {}),
              }),
            1,
          )
        ).ids;
      expect(await search('ROTATE')).toEqual(['s-1']);
      expect(await search('ops-77')).toEqual(['s-3']);
      expect(await search('o')).toEqual(['s-3', 's-2', 's-1']);
      expect(await search('rotate', 'PENDING')).toEqual(['s-1']);
      expect(await search('rotate', 'APPROVED')).toEqual([]);
    });

    it('lists pending requests of several routing keys oldest first across pages, and drops decided ones', async () => {
      const { repository } = await setup();
      const reviewers = ['reviewers'];
      const data = ['data-reviewers'];
      const requests = [
        routedTo(pendingAt('p-1', '2025-03-01T08:00:00.000Z'), reviewers),
        routedTo(pendingAt('p-2', '2025-03-01T09:00:00.000Z', bob), data),
        routedTo(pendingAt('p-3', '2025-03-01T10:00:00.000Z'), reviewers),
        routedTo(pendingAt('p-4', '2025-03-01T11:00:00.000Z', bob), data),
        routedTo(pendingAt('p-5', '2025-03-01T12:00:00.000Z'), ['security']),
        routedTo(pendingAt('p-6', '2025-03-01T13:00:00.000Z'), reviewers),
      ];
      await mustCreate(repository, ...requests);
      const keys = [routingKeyOf(reviewers), routingKeyOf(data)];
      const listed = await walk(
        (cursor) =>
          repository.listPendingForReview({
            routingKeys: keys,
            limit: 2,
            ...(cursor ? { cursor } : {}),
          }),
        2,
      );
      expect(listed).toEqual({ ids: ['p-1', 'p-2', 'p-3', 'p-4', 'p-6'], pages: 3 });
      // Newest first: the newest request is on the first page, whatever the queue's length.
      for (const limit of [1, 2, 3]) {
        const newest = await walk(
          (cursor) =>
            repository.listPendingForReview({
              routingKeys: keys,
              order: 'newestFirst',
              limit,
              ...(cursor ? { cursor } : {}),
            }),
          limit,
        );
        expect(newest.ids).toEqual(['p-6', 'p-4', 'p-3', 'p-2', 'p-1']);
      }
      // A cursor of one order is refused by the other.
      const oldestPage = await repository.listPendingForReview({ routingKeys: keys, limit: 1 });
      expect(
        await codeOf(
          repository.listPendingForReview({
            routingKeys: keys,
            order: 'newestFirst',
            limit: 1,
            cursor: oldestPage.nextCursor ?? '',
          }),
        ),
      ).toBe('INVALID_CURSOR');
      const onlyData = await repository.listPendingForReview({
        routingKeys: [routingKeyOf(data)],
        limit: 10,
      });
      expect(ids(onlyData)).toEqual(['p-2', 'p-4']);

      const p3 = requests[2] as AccessRequest;
      const approved = approveRequest(p3, {}, ctx(rita, later(p3)));
      if (!approved.ok) throw new Error(approved.error.code);
      expect((await repository.applyTransition(transitionWriteOf(p3, approved.value))).ok).toBe(
        true,
      );
      const after = await repository.listPendingForReview({ routingKeys: keys, limit: 10 });
      expect(ids(after)).toEqual(['p-1', 'p-2', 'p-4', 'p-6']);
      expect(await repository.listPendingForReview({ routingKeys: [], limit: 10 })).toEqual({
        items: [],
      });
    });

    it('lists break-glass requests awaiting review oldest first, until they are reviewed', async () => {
      const { repository } = await setup();
      const first = breakGlassAt('bg-1', '2025-03-02T08:00:00.000Z');
      const second = breakGlassAt('bg-2', '2025-03-02T09:00:00.000Z', bob);
      const third = breakGlassAt('bg-3', '2025-03-02T10:00:00.000Z');
      await mustCreate(
        repository,
        second,
        pendingAt('not-bg', '2025-03-02T08:30:00.000Z'),
        third,
        first,
      );
      const listed = await walk(
        (cursor) =>
          repository.listBreakGlassAwaitingReview({ limit: 2, ...(cursor ? { cursor } : {}) }),
        2,
      );
      expect(listed).toEqual({ ids: ['bg-1', 'bg-2', 'bg-3'], pages: 2 });

      const reviewed = markBreakGlassReviewed(
        second,
        { comment: 'looked at CloudTrail' },
        ctx(rita, later(second)),
      );
      if (!reviewed.ok) throw new Error(reviewed.error.code);
      expect((await repository.applyTransition(transitionWriteOf(second, reviewed.value))).ok).toBe(
        true,
      );
      expect(ids(await repository.listBreakGlassAwaitingReview({ limit: 10 }))).toEqual([
        'bg-1',
        'bg-3',
      ]);
    });

    it('lists requests of a time range for audit newest first across months, with every filter', async () => {
      const { repository } = await setup();
      const requests = [
        pendingAt('a-1', '2024-12-31T23:59:59.999Z'),
        pendingAt('a-2', '2025-01-01T00:00:00.000Z'),
        pendingAt('a-3', '2025-01-20T10:00:00.000Z', bob),
        pendingAt('a-4', '2025-02-03T10:00:00.000Z', alice, { accountId: STAGING }),
        pendingAt('a-5', '2025-02-03T10:00:00.000Z', bob, { roleName: 'ReadOnly' }),
        pendingAt('a-6', '2025-04-15T10:00:00.000Z'),
        pendingAt('a-7', '2025-05-01T00:00:00.000Z'),
      ];
      await mustCreate(repository, ...requests);
      const a3 = requests[2] as AccessRequest;
      const rejected = rejectRequest(a3, { comment: 'no' }, ctx(rita, later(a3)));
      if (!rejected.ok) throw new Error(rejected.error.code);
      expect((await repository.applyTransition(transitionWriteOf(a3, rejected.value))).ok).toBe(
        true,
      );

      const range = { from: '2025-01-01T00:00:00.000Z', to: '2025-05-01T00:00:00.000Z' };
      const audit = (filters: Record<string, string>, limit: number) =>
        walk(
          (cursor) =>
            repository.listForAudit({ ...range, ...filters, limit, ...(cursor ? { cursor } : {}) }),
          limit,
        );
      // from is inclusive, to exclusive; a-4 and a-5 share a timestamp and order by id.
      expect((await audit({}, 2)).ids).toEqual(['a-6', 'a-5', 'a-4', 'a-3', 'a-2']);
      expect((await audit({}, 1)).ids).toEqual(['a-6', 'a-5', 'a-4', 'a-3', 'a-2']);
      expect((await audit({}, 100)).pages).toBe(1);
      expect((await audit({ requesterSub: bob.sub }, 1)).ids).toEqual(['a-5', 'a-3']);
      expect((await audit({ requesterEmail: bob.email }, 1)).ids).toEqual(['a-5', 'a-3']);
      expect((await audit({ accountId: STAGING }, 1)).ids).toEqual(['a-4']);
      expect((await audit({ roleName: 'ReadOnly' }, 1)).ids).toEqual(['a-5']);
      expect((await audit({ status: 'REJECTED' }, 1)).ids).toEqual(['a-3']);
      expect((await audit({ status: 'PENDING', requesterSub: alice.sub }, 1)).ids).toEqual([
        'a-6',
        'a-4',
        'a-2',
      ]);
      expect((await audit({ requesterSub: bob.sub, roleName: 'ReadOnly' }, 5)).ids).toEqual([
        'a-5',
      ]);
      expect((await audit({ requesterEmail: 'nobody@example.com' }, 3)).ids).toEqual([]);
      // Non-canonical but equal instants bound the range the same way.
      const sameRange = await repository.listForAudit({
        from: '2025-01-01T00:00:00Z',
        to: '2025-05-01T00:00:00Z',
        limit: 10,
      });
      expect(ids(sameRange)).toEqual(['a-6', 'a-5', 'a-4', 'a-3', 'a-2']);
      expect(await repository.listForAudit({ from: range.to, to: range.from, limit: 10 })).toEqual({
        items: [],
      });
    });

    it('lists audit oldest first, by several requesters, by ticket prefix and by free text — every page, in order', async () => {
      const { repository } = await setup();
      const carol = { ...bob, sub: 'carol-sub', email: 'carol@example.com', name: 'Carol' };
      await mustCreate(
        repository,
        pendingAt('o-1', '2025-01-31T23:00:00.000Z', alice, {
          ticket: 'INC-12',
          justification: 'Rotate the database password',
        }),
        pendingAt('o-2', '2025-02-01T09:00:00.000Z', bob, { ticket: 'INC-123' }),
        pendingAt('o-3', '2025-02-01T09:00:00.000Z', carol, {
          ticket: 'inc-1299',
          justification: 'Restore the DATABASE from a snapshot',
        }),
        pendingAt('o-4', '2025-03-15T09:00:00.000Z', carol, { ticket: 'INC-2' }),
        pendingAt('o-5', '2025-04-02T09:00:00.000Z', alice),
      );
      const range = { from: '2025-01-01T00:00:00.000Z', to: '2025-05-01T00:00:00.000Z' };
      const audit = (filters: Partial<AuditQuery>, limit: number) =>
        walk(
          (cursor) =>
            repository.listForAudit({ ...range, ...filters, limit, ...(cursor ? { cursor } : {}) }),
          limit,
        );
      for (const limit of [1, 2, 10]) {
        expect((await audit({ order: 'oldestFirst' }, limit)).ids).toEqual([
          'o-1',
          'o-2',
          'o-3',
          'o-4',
          'o-5',
        ]);
        expect(
          (await audit({ order: 'oldestFirst', requesterSubs: [bob.sub, carol.sub] }, limit)).ids,
        ).toEqual(['o-2', 'o-3', 'o-4']);
        expect((await audit({ requesterSubs: [bob.sub, carol.sub] }, limit)).ids).toEqual([
          'o-4',
          'o-3',
          'o-2',
        ]);
        expect((await audit({ ticketPrefix: 'inc-12' }, limit)).ids).toEqual(['o-3', 'o-2', 'o-1']);
        expect((await audit({ ticketPrefix: 'INC-12', order: 'oldestFirst' }, limit)).ids).toEqual([
          'o-1',
          'o-2',
          'o-3',
        ]);
        expect((await audit({ text: 'Database' }, limit)).ids).toEqual(['o-3', 'o-1']);
      }
      // Free text with a key filter, and with requesters.
      expect((await audit({ text: 'database', ticketPrefix: 'INC-129' }, 5)).ids).toEqual(['o-3']);
      expect((await audit({ text: 'database', requesterSubs: [alice.sub] }, 5)).ids).toEqual([
        'o-1',
      ]);
      expect((await audit({ ticket: 'INC-12', order: 'oldestFirst' }, 5)).ids).toEqual(['o-1']);
      expect((await audit({ requesterSubs: [] }, 5)).ids).toEqual([]);
      // A cursor of one order is refused by the other.
      const newestPage = await repository.listForAudit({ ...range, limit: 1 });
      expect(
        await codeOf(
          repository.listForAudit({
            ...range,
            order: 'oldestFirst',
            limit: 1,
            cursor: newestPage.nextCursor ?? '',
          }),
        ),
      ).toBe('INVALID_CURSOR');
    });

    it('finds requests by ticket whatever its case, alone and with another filter', async () => {
      const { repository } = await setup();
      const range = { from: '2025-01-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' };
      await mustCreate(
        repository,
        pendingAt('t-1', '2025-02-01T09:00:00.000Z', alice, { ticket: 'OPS-42' }),
        pendingAt('t-2', '2025-03-01T09:00:00.000Z', bob, { ticket: 'ops-42' }),
        pendingAt('t-3', '2025-04-01T09:00:00.000Z', alice, { ticket: 'OPS-7' }),
        pendingAt('t-4', '2025-05-01T09:00:00.000Z', alice),
      );
      const byTicket = async (filters: { ticket: string; requesterSub?: string }, limit = 1) =>
        walk(
          (cursor) =>
            repository.listForAudit({ ...range, ...filters, limit, ...(cursor ? { cursor } : {}) }),
          limit,
        );
      expect((await byTicket({ ticket: 'Ops-42' })).ids).toEqual(['t-2', 't-1']);
      expect((await byTicket({ ticket: 'OPS-7' }, 5)).ids).toEqual(['t-3']);
      expect((await byTicket({ ticket: 'OPS-42', requesterSub: alice.sub })).ids).toEqual(['t-1']);
      expect((await byTicket({ ticket: 'OPS-1' })).ids).toEqual([]);
    });

    it('finds a requester by email whatever the case of the address, before and after a transition', async () => {
      const { repository } = await setup();
      const carol = { ...bob, sub: 'carol-sub', email: 'Carol.Jones@Example.COM' };
      const requests = [
        pendingAt('m-1', '2025-03-01T10:00:00.000Z', carol),
        pendingAt('m-2', '2025-03-02T10:00:00.000Z', carol),
        pendingAt('m-3', '2025-03-03T10:00:00.000Z', bob),
      ];
      await mustCreate(repository, ...requests);
      const m2 = requests[1] as AccessRequest;
      const rejected = rejectRequest(m2, { comment: 'no' }, ctx(rita, later(m2)));
      if (!rejected.ok) throw new Error(rejected.error.code);
      expect((await repository.applyTransition(transitionWriteOf(m2, rejected.value))).ok).toBe(
        true,
      );
      const range = { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' };
      for (const requesterEmail of [
        'carol.jones@example.com',
        'CAROL.JONES@EXAMPLE.COM',
        'Carol.Jones@Example.COM',
      ]) {
        const page = await repository.listForAudit({ ...range, requesterEmail, limit: 10 });
        expect(ids(page)).toEqual(['m-2', 'm-1']);
      }
      const bobs = await repository.listForAudit({
        ...range,
        requesterEmail: bob.email.toUpperCase(),
        limit: 10,
      });
      expect(ids(bobs)).toEqual(['m-3']);
    });

    it("lists a person's past decisions newest first: approvals, rejections, revocations and break-glass reviews", async () => {
      const { repository, settle = async () => undefined } = await setup();
      const range = { from: '2025-01-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' };
      const approved = pendingAt('d-approved', '2025-01-15T09:00:00.000Z');
      const rejected = pendingAt('d-rejected', '2025-02-10T09:00:00.000Z', bob);
      const revoked = pendingAt('d-revoked', '2025-03-05T09:00:00.000Z');
      const quorum = created(
        createRequest(
          productionAdminInput({ id: 'd-quorum' }),
          ctx(fresh(alice, '2025-03-20T09:00:00.000Z'), '2025-03-20T09:00:00.000Z'),
        ),
      );
      const reviewed = breakGlassAt('d-reviewed', '2025-04-02T09:00:00.000Z', bob);
      const byRavi = pendingAt('d-ravi', '2025-04-10T09:00:00.000Z');
      const undecided = pendingAt('d-undecided', '2025-04-20T09:00:00.000Z');
      const cancelled = pendingAt('d-cancelled', '2025-04-25T09:00:00.000Z');
      const tooOld = pendingAt('d-too-old', '2024-12-31T23:59:59.999Z');
      await mustCreate(
        repository,
        approved,
        rejected,
        revoked,
        quorum,
        reviewed,
        byRavi,
        undecided,
        cancelled,
        tooOld,
      );
      const mine = async (sub: string, limit: number, within = range) =>
        walk(
          (cursor) =>
            repository.listDecidedBy({ ...within, sub, limit, ...(cursor ? { cursor } : {}) }),
          limit,
        );
      // Not a decision yet: nothing is listed before anyone decides.
      expect((await mine(rita.sub, 5)).ids).toEqual([]);

      await decide(repository, approved, (r) => approveRequest(r, {}, ctx(rita, later(r))));
      await decide(repository, rejected, (r) =>
        rejectRequest(r, { comment: 'no' }, ctx(rita, later(r))),
      );
      // Approved by Ravi, revoked by Rita: both decided it.
      const approvedByRavi = await decide(repository, revoked, (r) =>
        approveRequest(r, {}, ctx(ravi, later(r))),
      );
      await decide(repository, approvedByRavi, (r) =>
        revokeRequest(r, { comment: 'done' }, ctx(rita, later(r, 5))),
      );
      // One approval of two: Rita's share towards the quorum is a decision, the request still PENDING.
      const halfway = await decide(repository, quorum, (r) =>
        approveRequest(r, {}, ctx(fresh(rita, later(r)), later(r))),
      );
      expect(halfway.status).toBe('PENDING');
      await decide(repository, reviewed, (r) =>
        markBreakGlassReviewed(r, { comment: 'checked' }, ctx(rita, later(r))),
      );
      await decide(repository, byRavi, (r) => approveRequest(r, {}, ctx(ravi, later(r))));
      await decide(repository, cancelled, (r) => cancelRequest(r, {}, ctx(alice, later(r))));
      await decide(repository, tooOld, (r) => approveRequest(r, {}, ctx(rita, later(r))));
      await settle();

      const ritas = ['d-reviewed', 'd-quorum', 'd-revoked', 'd-rejected', 'd-approved'];
      expect(await mine(rita.sub, 2)).toEqual({ ids: ritas, pages: 3 });
      expect((await mine(rita.sub, 1)).ids).toEqual(ritas);
      expect(await mine(rita.sub, 5)).toEqual({ ids: ritas, pages: 1 });
      expect((await mine(ravi.sub, 1)).ids).toEqual(['d-ravi', 'd-revoked']);
      // Requesters and people who never decided anything see nothing; the requester's own cancel is not a decision.
      expect((await mine(alice.sub, 5)).ids).toEqual([]);
      expect((await mine(adam.sub, 5)).ids).toEqual([]);
      // The range bounds creation: [from, to).
      expect(
        (
          await mine(rita.sub, 5, {
            from: '2024-12-31T23:59:59.999Z',
            to: '2025-03-05T09:00:00.000Z',
          })
        ).ids,
      ).toEqual(['d-rejected', 'd-approved', 'd-too-old']);
      const page = await repository.listDecidedBy({ ...range, sub: rita.sub, limit: 1 });
      expect(ids(page)).toEqual(['d-reviewed']);
      const { history: _, ...listed } = (await repository.get('d-reviewed')) as AccessRequest;
      expect(page.items[0]).toEqual(listed);
      // Its cursor belongs to this listing only.
      expect(
        await codeOf(
          repository.listForAudit({ ...range, limit: 1, cursor: page.nextCursor ?? '' }),
        ),
      ).toBe('INVALID_CURSOR');
      const auditPage = await repository.listForAudit({ ...range, limit: 1 });
      expect(
        await codeOf(
          repository.listDecidedBy({
            ...range,
            sub: rita.sub,
            limit: 1,
            cursor: auditPage.nextCursor ?? '',
          }),
        ),
      ).toBe('INVALID_CURSOR');
    });

    it('lists pending requests past their expiry for the sweeper, until they are expired', async () => {
      const { repository } = await setup();
      const soon = pendingAt('x-1', '2025-03-03T08:00:00.000Z');
      const expiresAt = soon.pendingExpiresAt ?? '';
      const also = routedTo(pendingAt('x-2', '2025-03-03T07:00:00.000Z', bob), ['data-reviewers']);
      const third = pendingAt('x-3', '2025-03-03T07:30:00.000Z');
      const notYet = pendingAt('x-4', '2025-03-03T08:00:00.001Z');
      const decided = pendingAt('x-5', '2025-03-03T06:00:00.000Z');
      await mustCreate(repository, soon, also, third, notYet, decided);
      const cancelled = cancelRequest(decided, {}, ctx(alice, later(decided)));
      if (!cancelled.ok) throw new Error(cancelled.error.code);
      expect(
        (await repository.applyTransition(transitionWriteOf(decided, cancelled.value))).ok,
      ).toBe(true);

      const listed = await walk(
        (cursor) =>
          repository.listPendingExpiredAt({
            at: expiresAt,
            limit: 2,
            ...(cursor ? { cursor } : {}),
          }),
        2,
      );
      expect([...listed.ids].sort()).toEqual(['x-1', 'x-2', 'x-3']);
      expect(listed.pages).toBe(2);

      const expired = expireRequest(soon, ctx(SYSTEM_ACTOR, expiresAt));
      if (!expired.ok) throw new Error(expired.error.code);
      expect((await repository.applyTransition(transitionWriteOf(soon, expired.value))).ok).toBe(
        true,
      );
      expect(
        ids(await repository.listPendingExpiredAt({ at: expiresAt, limit: 10 })).sort(),
      ).toEqual(['x-2', 'x-3']);
      expect(
        ids(
          await repository.listPendingForReview({
            routingKeys: [soon.routing.routingKey],
            limit: 10,
          }),
        ),
      ).toEqual(['x-3', 'x-4']);
    });

    it('refuses a tampered, foreign or garbage cursor with INVALID_CURSOR', async () => {
      const { repository } = await setup();
      await mustCreate(
        repository,
        pendingAt('c-1', '2025-03-03T08:00:00.000Z'),
        pendingAt('c-2', '2025-03-03T09:00:00.000Z'),
      );
      const page = await repository.listByRequester({ requesterSub: alice.sub, limit: 1 });
      const cursor = page.nextCursor ?? '';
      expect(cursor).not.toBe('');
      const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
      const forged = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
      const bad = [
        'not a cursor!',
        '',
        forged('{"v":1'),
        forged(decoded.replace('"v":1', '"v":2')),
        forged(decoded.replace(/"c":"[^"]+"/, '"c":"yesterday"')),
        forged(decoded.replace('}', ',"extra":true}')),
        forged(JSON.stringify({ ExclusiveStartKey: { PK: { S: 'REQUEST#c-1' } } })),
        'A'.repeat(5000),
      ];
      for (const cursorValue of bad) {
        expect(
          await codeOf(
            repository.listByRequester({ requesterSub: alice.sub, limit: 1, cursor: cursorValue }),
          ),
          cursorValue.slice(0, 40),
        ).toBe('INVALID_CURSOR');
      }
      // A genuine cursor of one listing is refused by every other.
      const range = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
      expect(await codeOf(repository.listForAudit({ ...range, limit: 1, cursor }))).toBe(
        'INVALID_CURSOR',
      );
      expect(
        await codeOf(repository.listPendingForReview({ routingKeys: ['x'], limit: 1, cursor })),
      ).toBe('INVALID_CURSOR');
      expect(await codeOf(repository.listBreakGlassAwaitingReview({ limit: 1, cursor }))).toBe(
        'INVALID_CURSOR',
      );
      expect(
        await codeOf(repository.listPendingExpiredAt({ at: range.to, limit: 1, cursor })),
      ).toBe('INVALID_CURSOR');
      const auditPage = await repository.listForAudit({ ...range, limit: 1 });
      expect(
        await codeOf(
          repository.listByRequester({
            requesterSub: alice.sub,
            limit: 1,
            cursor: auditPage.nextCursor ?? '',
          }),
        ),
      ).toBe('INVALID_CURSOR');
      // And the genuine one still works.
      expect(
        ids(await repository.listByRequester({ requesterSub: alice.sub, limit: 1, cursor })),
      ).toEqual(['c-1']);
    });

    it('lists requests without their history, but for the audit listing that asks for it', async () => {
      const { repository } = await setup();
      const created = pendingAt('h-1', '2025-03-03T09:00:00.000Z');
      await mustCreate(repository, created);
      const request = await decide(repository, created, (r) =>
        approveRequest(r, { comment: 'ok' }, ctx(rita, later(r))),
      );
      const { history, ...listed } = request;
      expect(history.length).toBe(2);
      const range = { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' };
      expect((await repository.listForAudit({ ...range, limit: 10 })).items).toEqual([listed]);
      expect(
        (await repository.listByRequester({ requesterSub: request.requester.sub, limit: 10 }))
          .items,
      ).toEqual([listed]);
      expect(
        (await repository.listDecidedBy({ ...range, sub: rita.sub, limit: 10 })).items,
      ).toEqual([listed]);
      expect((await repository.listForAuditWithHistory({ ...range, limit: 10 })).items).toEqual([
        request,
      ]);
      const waiting = pendingAt('h-2', '2025-03-04T09:00:00.000Z');
      const breakGlass = breakGlassAt('h-3', '2025-03-05T09:00:00.000Z');
      await mustCreate(repository, waiting, breakGlass);
      const { history: _w, ...waitingListed } = waiting;
      const { history: _b, ...breakGlassListed } = breakGlass;
      expect(
        (
          await repository.listPendingForReview({
            routingKeys: [waiting.routing.routingKey],
            limit: 10,
          })
        ).items,
      ).toEqual([waitingListed]);
      expect((await repository.listBreakGlassAwaitingReview({ limit: 10 })).items).toEqual([
        breakGlassListed,
      ]);
    });

    it('hands out copies: changing a returned request changes nothing stored', async () => {
      const { repository } = await setup();
      const request = pendingAt('req-copy', '2025-03-03T09:00:00.000Z');
      await mustCreate(repository, request);
      const read = await repository.get(request.id);
      if (read === undefined) throw new Error('missing');
      (read.history as unknown[]).push('mutated');
      (read as { status: string }).status = 'APPROVED';
      expect(await repository.get(request.id)).toEqual(request);
    });
  });
};
