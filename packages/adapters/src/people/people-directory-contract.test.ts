import type { PeopleDirectory, PersonRecord, SuppressionList } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { countCommands } from '../dynamodb/testing/count-commands';
import { useDynalite } from '../dynamodb/testing/use-dynalite';
import { DynamoDbPeopleDirectory } from './dynamodb-people-directory';
import { DynamoDbSuppressionList } from './dynamodb-suppression-list';
import { InMemoryPeopleDirectory, InMemorySuppressionList } from './in-memory-people';

/** The store commands sent, by name. */
const commands: string[] = [];
const dynalite = useDynalite(countCommands(commands));

const rita: PersonRecord = {
  sub: 'sub-rita',
  email: 'rita@example.com',
  name: 'Rita Reviewer',
  groups: ['reviewers', 'engineers'],
  lastSignInAt: '2025-03-03T09:00:00.000Z',
};
const alice: PersonRecord = {
  sub: 'sub-alice',
  email: 'alice@example.com',
  name: 'Alice Requester',
  groups: ['engineers'],
  lastSignInAt: '2025-03-03T09:05:00.000Z',
};

describe.each([
  [
    'DynamoDB',
    async (): Promise<{ people: PeopleDirectory; suppressions: SuppressionList }> => {
      const tableName = await dynalite.freshTable();
      const client = dynalite.client;
      return {
        people: new DynamoDbPeopleDirectory({ client, tableName }),
        suppressions: new DynamoDbSuppressionList({ client, tableName }),
      };
    },
  ],
  [
    'in memory',
    async () => ({
      people: new InMemoryPeopleDirectory(),
      suppressions: new InMemorySuppressionList(),
    }),
  ],
])('people record (%s)', (_name, make) => {
  it('writes at most once per person and UTC day; a later day writes again', async () => {
    const { people } = await make();
    expect(await people.recordSignIn(rita)).toBe('written');
    const laterSameDay = { ...rita, name: 'Rita R.', lastSignInAt: '2025-03-03T23:59:00.000Z' };
    const [a, b] = await Promise.all([
      people.recordSignIn(laterSameDay),
      people.recordSignIn(laterSameDay),
    ]);
    expect([a, b]).toEqual(['unchanged', 'unchanged']);
    expect((await people.get(rita.sub))?.name).toBe('Rita Reviewer');
    const nextDay = { ...rita, groups: ['reviewers'], lastSignInAt: '2025-03-04T08:00:00.000Z' };
    expect(await people.recordSignIn(nextDay)).toBe('written');
    expect(await people.get(rita.sub)).toEqual(nextDay);
  }, 20_000);

  it('finds people by part of their name or e-mail, ignoring case, at most as many as asked', async () => {
    const { people } = await make();
    const bob = { ...alice, sub: 'sub-bob', email: 'builder@example.com', name: 'Bob Builder' };
    const bobby = { ...alice, sub: 'sub-bobby', email: 'bobby@example.com', name: 'Roberta' };
    for (const person of [rita, alice, bob, bobby]) await people.recordSignIn(person);
    const subs = async (text: string, max = 10) => {
      const found = await people.search(text, max);
      return { subs: found.people.map((person) => person.sub), more: found.more };
    };
    expect(await subs('BOB')).toEqual({ subs: ['sub-bob', 'sub-bobby'], more: false });
    expect(await subs('rita@EXAMPLE')).toEqual({ subs: ['sub-rita'], more: false });
    expect(await subs('example.com', 2)).toEqual({ subs: ['sub-alice', 'sub-bob'], more: true });
    expect(await subs('nobody')).toEqual({ subs: [], more: false });
  }, 20_000);

  it('lists the members of any of the groups asked for, from their last recorded groups', async () => {
    const { people } = await make();
    await people.recordSignIn(rita);
    await people.recordSignIn(alice);
    const subs = async (groups: string[]) =>
      (await people.listMembersOf(groups)).map((person) => person.sub).sort();
    expect(await subs(['reviewers'])).toEqual(['sub-rita']);
    expect(await subs(['engineers', 'auditors'])).toEqual(['sub-alice', 'sub-rita']);
    expect(await subs(['nobody'])).toEqual([]);
    expect(await subs([])).toEqual([]);
    expect(await people.get('sub-unknown')).toBeUndefined();
  }, 20_000);

  it('suppresses addresses regardless of case', async () => {
    const { suppressions } = await make();
    expect(await suppressions.isSuppressed('rita@example.com')).toBe(false);
    await suppressions.suppress('Rita@Example.com', 'bounce', '2025-03-03T09:00:00.000Z');
    expect(await suppressions.isSuppressed('rita@example.com')).toBe(true);
    expect(await suppressions.isSuppressed('alice@example.com')).toBe(false);
  }, 20_000);
});

describe('the people record kept by a process', () => {
  it('reads everyone again only when someone was written since, so nobody is missed', async () => {
    const tableName = await dynalite.freshTable();
    const notifier = new DynamoDbPeopleDirectory({ client: dynalite.client, tableName });
    const api = new DynamoDbPeopleDirectory({ client: dynalite.client, tableName });
    await api.recordSignIn(rita);
    const reviewers = async () =>
      (await notifier.listMembersOf(['reviewers'])).map((person) => person.sub).sort();
    expect(await reviewers()).toEqual([rita.sub]);
    commands.length = 0;
    expect(await reviewers()).toEqual([rita.sub]);
    // One small read of the version, not a read of everyone.
    expect(commands).toEqual(['GetItemCommand']);
    // Another process writes someone new: the next lookup sees them at once.
    await api.recordSignIn({ ...alice, groups: ['reviewers'] });
    commands.length = 0;
    expect(await reviewers()).toEqual([alice.sub, rita.sub].sort());
    expect(commands).toEqual(['GetItemCommand', 'QueryCommand']);
    // A second sign-in the same day writes nothing and moves nothing.
    expect(await api.recordSignIn({ ...alice, groups: ['reviewers'] })).toBe('unchanged');
    expect(await notifier.search('alice', 10)).toMatchObject({ people: [{ sub: alice.sub }] });
  });
});
