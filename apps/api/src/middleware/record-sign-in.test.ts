import { InMemoryPeopleDirectory, PERSONAS } from '@elevate/testing';
import type { PeopleDirectory, PersonRecord } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { authHeaders, testApp } from '../testing/api-world';

describe('people record from verified tokens', () => {
  it('records the caller once a day from what the tokens said, nothing else', async () => {
    const people = new InMemoryPeopleDirectory();
    let now = '2030-01-01T09:00:00.000Z';
    const { app } = testApp({ people, clock: { now: () => now } });
    for (let i = 0; i < 3; i += 1)
      expect((await app.request('/me', { headers: authHeaders() })).status).toBe(200);
    expect(people.writes).toBe(1);
    expect(await people.get(PERSONAS.alice.sub)).toEqual({
      sub: PERSONAS.alice.sub,
      email: PERSONAS.alice.email,
      name: PERSONAS.alice.name,
      groups: PERSONAS.alice.groups,
      lastSignInAt: '2030-01-01T09:00:00.000Z',
    });
    now = '2030-01-02T08:00:00.000Z';
    await app.request('/me', { headers: authHeaders() });
    expect(people.writes).toBe(2);
  });

  it('writes nothing for a caller who is not authenticated', async () => {
    const people = new InMemoryPeopleDirectory();
    const { app } = testApp({ people });
    expect((await app.request('/me')).status).toBe(401);
    expect(people.writes).toBe(0);
  });

  it("never fails the caller's request when the write fails, and tries again on the next call", async () => {
    let attempts = 0;
    const failing: PeopleDirectory = {
      recordSignIn: async (_person: PersonRecord) => {
        attempts += 1;
        throw new Error('store throttled');
      },
      listMembersOf: async () => [],
      get: async () => undefined,
      search: async () => ({ people: [], more: false }),
    };
    const { app, logs } = testApp({ people: failing });
    expect((await app.request('/me', { headers: authHeaders() })).status).toBe(200);
    expect((await app.request('/me', { headers: authHeaders() })).status).toBe(200);
    expect(attempts).toBe(2);
    expect(logs().some((line) => line['msg'] === 'people record not written')).toBe(true);
  });
});
