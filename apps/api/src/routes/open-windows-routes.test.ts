import { describe, expect, it } from 'vitest';
import { openWindowsResponseSchema, problemSchema, requestViewSchema } from '@elevate/contracts';
import { apiWorld } from '../testing/api-world';
import type { ApiWorld } from '../testing/api-world';
import { PERSONAS, sandbox } from '@elevate/testing';

const { alice, bob, rita } = PERSONAS;

async function approved(w: ApiWorld, body: object = sandbox, who = alice): Promise<string> {
  const created = requestViewSchema.parse(
    await (await w.call(who, 'POST', '/requests', body)).json(),
  );
  const response = await w.call(rita, 'POST', `/requests/${created.id}/approve`, {});
  expect(response.status).toBe(200);
  return created.id;
}

async function open(w: ApiWorld, query = '', who = alice) {
  const response = await w.call(who, 'GET', `/requests/open${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return openWindowsResponseSchema.parse(await response.json()).items.map((r) => r.id);
}

describe('GET /requests/open', () => {
  it('lists my approved requests whose window is open now, for one account × role when asked', async () => {
    const w = apiWorld();
    const id = await approved(w);
    const pending = requestViewSchema.parse(
      await (await w.call(alice, 'POST', '/requests', { ...sandbox, roleName: 'ReadOnly' })).json(),
    );
    expect(await open(w)).toEqual([id]);
    expect(await open(w, `?accountId=${sandbox.accountId}&roleName=${sandbox.roleName}`)).toEqual([
      id,
    ]);
    expect(await open(w, `?accountId=${sandbox.accountId}&roleName=ReadOnly`)).toEqual([]);
    expect(await open(w, '?accountId=222222222222')).toEqual([]);
    expect(pending.status).toBe('PENDING');
  });

  it('never lists someone else’s window', async () => {
    const w = apiWorld();
    await approved(w);
    expect(await open(w, '', bob)).toEqual([]);
  });

  it('drops windows that were ended, and ones whose time is over', async () => {
    const w = apiWorld();
    const ended = await approved(w);
    await w.call(alice, 'POST', `/requests/${ended}/end`, {});
    expect(await open(w)).toEqual([]);
    const id = await approved(w);
    expect(await open(w)).toEqual([id]);
    w.setNow('2030-01-02T09:00:00.000Z');
    expect(await open(w)).toEqual([]);
  });

  it('refuses unknown parameters and malformed ids with VALIDATION_FAILED', async () => {
    const w = apiWorld();
    for (const query of ['?account=x', '?accountId=123', '?roleName=a%20b']) {
      const response = await w.call(alice, 'GET', `/requests/open${query}`);
      expect(response.status).toBe(400);
      expect(problemSchema.parse(await response.json()).code).toBe('VALIDATION_FAILED');
    }
  });
});
