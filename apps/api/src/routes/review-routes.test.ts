import { describe, expect, it } from 'vitest';
import { problemSchema, requestPageSchema, requestViewSchema } from '@elevate/contracts';
import type { RequestView } from '@elevate/contracts';
import { apiWorld } from '../testing/api-world';
import type { ApiWorld } from '../testing/api-world';
import { PERSONAS, sandbox } from '@elevate/testing';

const { alice, bob, rita, ravi, ada } = PERSONAS;

type Who = (typeof PERSONAS)[keyof typeof PERSONAS];

async function view(response: Response, status = 200): Promise<RequestView> {
  expect(response.status).toBe(status);
  return requestViewSchema.parse(await response.json());
}

/** A request by `who` created at `at`. */
async function createAt(w: ApiWorld, at: string, who: Who = alice): Promise<RequestView> {
  w.setNow(at);
  return view(await w.call(who, 'POST', '/requests', sandbox), 201);
}

async function act(w: ApiWorld, who: Who, id: string, action: string, body: unknown = {}) {
  await view(await w.call(who, 'POST', `/requests/${id}/${action}`, body));
}

async function decided(w: ApiWorld, who: Who, query = ''): Promise<string[]> {
  const response = await w.call(who, 'GET', `/reviews/decided${query}`);
  expect(response.status).toBe(200);
  return requestPageSchema.parse(await response.json()).items.map((item) => item.id);
}

describe('GET /reviews/decided — my past decisions', () => {
  it('lists what I approved, rejected, revoked or reviewed, newest first, and nothing of others', async () => {
    const w = apiWorld();
    const approved = await createAt(w, '2030-01-01T09:00:00.000Z');
    const rejected = await createAt(w, '2030-01-01T10:00:00.000Z', bob);
    const byRavi = await createAt(w, '2030-01-01T11:00:00.000Z');
    const revoked = await createAt(w, '2030-01-01T12:00:00.000Z');
    const waiting = await createAt(w, '2030-01-01T13:00:00.000Z');
    expect(await decided(w, rita)).toEqual([]);

    w.setNow('2030-01-01T14:00:00.000Z');
    await act(w, rita, approved.id, 'approve');
    await act(w, rita, rejected.id, 'reject', { comment: 'Use ReadOnly' });
    await act(w, ravi, byRavi.id, 'approve');
    await act(w, ravi, revoked.id, 'approve');
    await act(w, ada, revoked.id, 'revoke', { comment: 'Incident over' });

    expect(await decided(w, rita)).toEqual([rejected.id, approved.id]);
    expect(await decided(w, ravi)).toEqual([revoked.id, byRavi.id]);
    // An admin who is no reviewer still decides by revoking.
    expect(await decided(w, ada)).toEqual([revoked.id]);
    // Requesters decide nothing: an empty page, not an error.
    expect(await decided(w, alice)).toEqual([]);
    expect(await decided(w, bob)).toEqual([]);
    expect(await decided(w, rita, '?from=2030-01-01T00:00:00Z')).not.toContain(waiting.id);
  });

  it('pages with a cursor, and refuses a cursor of another listing', async () => {
    const w = apiWorld();
    const ids: string[] = [];
    for (const day of ['01', '02', '03']) {
      const request = await createAt(w, `2030-01-${day}T09:00:00.000Z`);
      await act(w, rita, request.id, 'approve');
      ids.unshift(request.id);
    }
    const first = await w.call(rita, 'GET', '/reviews/decided?limit=2');
    expect(first.headers.get('cache-control')).toBe('no-store');
    const page = requestPageSchema.parse(await first.json());
    expect(page.items.map((item) => item.id)).toEqual(ids.slice(0, 2));
    expect(page.items[0]?.status).toBe('APPROVED');
    const rest = await decided(
      w,
      rita,
      `?limit=2&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
    );
    expect(rest).toEqual(ids.slice(2));

    const mine = requestPageSchema.parse(
      await (await w.call(alice, 'GET', '/requests/mine?limit=1')).json(),
    );
    const foreign = await w.call(rita, 'GET', `/reviews/decided?cursor=${mine.nextCursor ?? ''}`);
    expect(foreign.status).toBe(400);
    expect(problemSchema.parse(await foreign.json())).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('defaults to requests created in the last 90 days; from and to reach further back', async () => {
    const w = apiWorld();
    const old = await createAt(w, '2030-01-01T09:00:00.000Z');
    await act(w, rita, old.id, 'approve');
    const recent = await createAt(w, '2030-04-15T09:00:00.000Z');
    await act(w, rita, recent.id, 'approve');
    w.setNow('2030-04-20T09:00:00.000Z');
    expect(await decided(w, rita)).toEqual([recent.id]);
    expect(await decided(w, rita, '?from=2029-12-01T00:00:00Z')).toEqual([recent.id, old.id]);
    expect(await decided(w, rita, '?from=2029-12-01T00:00:00Z&to=2030-02-01T00:00:00Z')).toEqual([
      old.id,
    ]);
  });

  it('refuses a range that is empty or longer than a year, naming the field', async () => {
    const w = apiWorld();
    w.setNow('2030-04-20T09:00:00.000Z');
    for (const [query, path] of [
      ['?from=2029-01-01T00:00:00Z', 'from'],
      ['?from=2030-05-01T00:00:00Z', 'from'],
      ['?to=2030-01-01T00:00:00Z&from=2030-02-01T00:00:00Z', 'to'],
      ['?from=last-week', 'from'],
      ['?status=APPROVED', ''],
    ] as const) {
      const response = await w.call(rita, 'GET', `/reviews/decided${query}`);
      expect(response.status, query).toBe(400);
      const problem = problemSchema.parse(await response.json());
      expect(problem.code, query).toBe('VALIDATION_FAILED');
      if (path !== '') expect(problem.errors?.[0]?.path, query).toBe(path);
    }
  });
});

describe('GET /reviews/pending — order and text search of my requests', () => {
  it('lists the queue oldest first by default and newest first with order=newest', async () => {
    const w = apiWorld();
    const first = await createAt(w, '2030-01-01T09:00:00.000Z');
    const second = await createAt(w, '2030-01-01T10:00:00.000Z', bob);
    const ids = async (query: string) => {
      const response = await w.call(rita, 'GET', `/reviews/pending${query}`);
      expect(response.status).toBe(200);
      return requestPageSchema.parse(await response.json()).items.map((item) => item.id);
    };
    expect(await ids('')).toEqual([first.id, second.id]);
    expect(await ids('?order=newest')).toEqual([second.id, first.id]);
    const oldestPage = requestPageSchema.parse(
      await (await w.call(rita, 'GET', '/reviews/pending?limit=1')).json(),
    );
    // A cursor of one order is refused by the other, naming the field.
    const crossed = await w.call(
      rita,
      'GET',
      `/reviews/pending?order=newest&limit=1&cursor=${oldestPage.nextCursor ?? ''}`,
    );
    expect(crossed.status).toBe(400);
    expect(problemSchema.parse(await crossed.json()).code).toBe('INVALID_CURSOR');
    const bad = await w.call(rita, 'GET', '/reviews/pending?order=sideways');
    expect(bad.status).toBe(400);
    expect(problemSchema.parse(await bad.json()).errors?.[0]?.path).toBe('order');
  });

  it('finds my requests by text on the server, ignoring case', async () => {
    const w = apiWorld();
    const mine = await createAt(w, '2030-01-01T09:00:00.000Z');
    await createAt(w, '2030-01-01T10:00:00.000Z', bob);
    const search = async (q: string) => {
      const response = await w.call(alice, 'GET', `/requests/mine?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      return requestPageSchema.parse(await response.json()).items.map((item) => item.id);
    };
    expect(await search(sandbox.justification.slice(0, 8).toUpperCase())).toEqual([mine.id]);
    expect(await search('nothing like this')).toEqual([]);
  });
});
