import { describe, expect, it } from 'vitest';
import {
  InMemoryAccessRequestRepository,
  PERSONAS,
  productionAdmin,
  sandbox,
} from '@elevate/testing';
import { problemSchema, requestViewSchema } from '@elevate/contracts';
import type { AccessRequestRepository } from '@elevate/domain';
import { apiWorld } from './testing/api-world';

const { alice, rita, ravi } = PERSONAS;
const key = (n: number) => `key-${String(n).padStart(8, '0')}`;

/** A store whose next write is applied and then answered with a timeout: the answer is lost. */
function losingAnswers(inner = new InMemoryAccessRequestRepository()) {
  let loseNext = 0;
  const lost = () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
  const repository: AccessRequestRepository = Object.assign(Object.create(inner) as object, {
    create: async (...args: Parameters<AccessRequestRepository['create']>) => {
      const result = await inner.create(...args);
      if (loseNext > 0 && loseNext-- > 0) throw lost();
      return result;
    },
    applyTransition: async (...args: Parameters<AccessRequestRepository['applyTransition']>) => {
      const result = await inner.applyTransition(...args);
      if (loseNext > 0 && loseNext-- > 0) throw lost();
      return result;
    },
    writtenBy: (id: string, token: string) => inner.writtenBy(id, token),
    get: (id: string) => inner.get(id),
  }) as AccessRequestRepository;
  return { repository, inner, loseNextAnswer: () => void (loseNext = 1) };
}

describe('Idempotency-Key on POST /requests', () => {
  it('a retry with the same key returns the first answer, and only one request exists', async () => {
    const w = apiWorld();
    const first = await w.call(alice, 'POST', '/requests', sandbox, { 'idempotency-key': key(1) });
    const again = await w.call(alice, 'POST', '/requests', sandbox, { 'idempotency-key': key(1) });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await again.text()).toBe(await first.text());
    const mine = await w.call(alice, 'GET', '/requests/mine');
    expect(((await mine.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('different keys are different actions', async () => {
    const w = apiWorld();
    const a = requestViewSchema.parse(
      await (
        await w.call(alice, 'POST', '/requests', sandbox, { 'idempotency-key': key(1) })
      ).json(),
    );
    const b = requestViewSchema.parse(
      await (
        await w.call(alice, 'POST', '/requests', sandbox, { 'idempotency-key': key(2) })
      ).json(),
    );
    expect(a.id).not.toBe(b.id);
  });

  it('the same key with a different body is 422 IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    const w = apiWorld();
    await w.call(alice, 'POST', '/requests', sandbox, { 'idempotency-key': key(1) });
    const other = await w.call(alice, 'POST', '/requests', productionAdmin, {
      'idempotency-key': key(1),
    });
    expect(other.status).toBe(422);
    expect(problemSchema.parse(await other.json()).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it("one person's key is not another's", async () => {
    const w = apiWorld();
    const a = await w.call(alice, 'POST', '/requests', sandbox, { 'idempotency-key': key(1) });
    const b = await w.call(ravi, 'POST', '/requests', sandbox, { 'idempotency-key': key(1) });
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(((await b.json()) as { id: string }).id).not.toBe(
      ((await a.json()) as { id: string }).id,
    );
  });

  it('a malformed key is a 400 naming the header', async () => {
    const w = apiWorld();
    const response = await w.call(alice, 'POST', '/requests', sandbox, {
      'idempotency-key': 'short',
    });
    expect(response.status).toBe(400);
    expect(problemSchema.parse(await response.json()).errors?.[0]?.path).toBe(
      'header:Idempotency-Key',
    );
  });

  it('a create whose answer was lost (503) is found on retry: same id, one request', async () => {
    const store = losingAnswers();
    const w = apiWorld({ repository: store.repository });
    store.loseNextAnswer();
    const lost = await w.call(alice, 'POST', '/requests', sandbox, { 'idempotency-key': key(7) });
    expect(lost.status).toBe(503);
    expect(problemSchema.parse(await lost.json()).code).toBe('STORE_UNAVAILABLE');
    const retried = await w.call(alice, 'POST', '/requests', sandbox, {
      'idempotency-key': key(7),
    });
    expect(retried.status).toBe(201);
    const view = requestViewSchema.parse(await retried.json());
    const page = await store.inner.listByRequester({ requesterSub: alice.sub, limit: 10 });
    expect(page.items.map((item) => item.id)).toEqual([view.id]);
  });
});

describe('Idempotency-Key on transitions', () => {
  it('an approval whose answer was lost is answered 200 on retry and counted once', async () => {
    const store = losingAnswers();
    const w = apiWorld({ repository: store.repository });
    const created = requestViewSchema.parse(
      await (await w.call(alice, 'POST', '/requests', productionAdmin)).json(),
    );
    store.loseNextAnswer();
    const lost = await w.call(
      rita,
      'POST',
      `/requests/${created.id}/approve`,
      {},
      {
        'idempotency-key': key(9),
      },
    );
    expect(lost.status).toBe(503);
    const retried = await w.call(
      rita,
      'POST',
      `/requests/${created.id}/approve`,
      {},
      {
        'idempotency-key': key(9),
      },
    );
    expect(retried.status).toBe(200);
    expect(requestViewSchema.parse(await retried.json())).toMatchObject({ approvalsCount: 1 });
    expect((await store.inner.get(created.id))?.decisions).toHaveLength(1);
  });

  it('a replayed approval is the first answer even after the request moved on', async () => {
    const w = apiWorld();
    const created = requestViewSchema.parse(
      await (await w.call(alice, 'POST', '/requests', productionAdmin)).json(),
    );
    const first = await w.call(
      rita,
      'POST',
      `/requests/${created.id}/approve`,
      {},
      {
        'idempotency-key': key(3),
      },
    );
    await w.call(ravi, 'POST', `/requests/${created.id}/approve`, {});
    const again = await w.call(
      rita,
      'POST',
      `/requests/${created.id}/approve`,
      {},
      {
        'idempotency-key': key(3),
      },
    );
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(await first.text());
  });
});
