import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { PeopleDirectory, PersonRecord } from '@elevate/domain';
import { firstMatches, signInDayOf } from '@elevate/domain';
import * as z from 'zod/mini';
import {
  ENTITY_PERSON,
  PEOPLE_PK,
  PEOPLE_VERSION_KEY,
  PERSON_SK_PREFIX,
  personKeyOf,
} from './people-items';

const personSchema = z.object({
  sub: z.string(),
  email: z.string(),
  name: z.string(),
  groups: z.array(z.string()),
  lastSignInAt: z.string(),
});

const toRecord = (item: Record<string, unknown>): PersonRecord | undefined => {
  const parsed = personSchema.safeParse(item);
  return parsed.success ? parsed.data : undefined;
};

/**
 * A kept copy of everyone is read again after this long even if the version stayed: a person
 * written by a call that failed before it could add to the version is missed for at most this.
 */
const EVERYONE_KEPT_MS = 5 * 60_000;

/**
 * The people record in the single table. `recordSignIn` is one conditional Put that succeeds only
 * when no record of the same UTC day exists, so a person costs at most one write a day however
 * often they call the API (and the API's in-process memory saves even the attempt).
 *
 * Group lookups and searches need everyone; the notifier asks for each event. A process keeps its
 * last read of everyone and reads it again only when the record's version has moved (each write
 * adds one), so an event costs one small read instead of O(organisation), and nobody is missed.
 */
export class DynamoDbPeopleDirectory implements PeopleDirectory {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;
  #everyoneRead: { version: number; at: number; people: Promise<PersonRecord[]> } | undefined;

  constructor(options: { readonly client: DynamoDBClient; readonly tableName: string }) {
    this.#documents = DynamoDBDocumentClient.from(options.client);
    this.#table = options.tableName;
  }

  async recordSignIn(person: PersonRecord): Promise<'written' | 'unchanged'> {
    const day = signInDayOf(person.lastSignInAt);
    try {
      await this.#documents.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            ...personKeyOf(person.sub),
            entity: ENTITY_PERSON,
            sub: person.sub,
            email: person.email,
            name: person.name,
            groups: [...person.groups],
            lastSignInAt: person.lastSignInAt,
            signInDay: day,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR signInDay < :day',
          ExpressionAttributeValues: { ':day': day },
        }),
      );
      // After the person: a reader that sees the new version reads them too.
      await this.#documents.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: PEOPLE_VERSION_KEY,
          UpdateExpression: 'ADD version :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
      return 'written';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'unchanged';
      throw error;
    }
  }

  async get(sub: string): Promise<PersonRecord | undefined> {
    const { Item: item } = await this.#documents.send(
      new GetCommand({ TableName: this.#table, Key: personKeyOf(sub) }),
    );
    return item === undefined ? undefined : toRecord(item);
  }

  async listMembersOf(groups: readonly string[]): Promise<readonly PersonRecord[]> {
    if (groups.length === 0) return [];
    return (await this.#everyone()).filter((person) =>
      person.groups.some((group) => groups.includes(group)),
    );
  }

  /**
   * Matched in process: DynamoDB cannot compare ignoring case, and the people partition is one
   * Query of a few KiB per hundred people — the organisation's size, not the history's.
   */
  async search(text: string, max: number): Promise<{ people: PersonRecord[]; more: boolean }> {
    return firstMatches(await this.#everyone(), text, max);
  }

  async #everyone(): Promise<PersonRecord[]> {
    const { Item: item } = await this.#documents.send(
      new GetCommand({ TableName: this.#table, Key: PEOPLE_VERSION_KEY, ConsistentRead: true }),
    );
    const version = typeof item?.['version'] === 'number' ? item['version'] : 0;
    const last = this.#everyoneRead;
    const now = Date.now();
    if (last?.version === version && now - last.at < EVERYONE_KEPT_MS) return last.people;
    const people = this.#readEveryone();
    this.#everyoneRead = { version, at: now, people };
    // A failed read is not kept: the next call tries again.
    people.catch(() => {
      if (this.#everyoneRead?.people === people) this.#everyoneRead = undefined;
    });
    return people;
  }

  async #readEveryone(): Promise<PersonRecord[]> {
    const people: PersonRecord[] = [];
    let start: Record<string, unknown> | undefined;
    // Bounded: 50 pages of up to 1 MiB each is far beyond any organisation's people.
    for (let page = 0; page < 50; page += 1) {
      const result = await this.#documents.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': PEOPLE_PK, ':prefix': PERSON_SK_PREFIX },
          ...(start === undefined ? {} : { ExclusiveStartKey: start }),
        }),
      );
      for (const item of result.Items ?? []) {
        const person = toRecord(item);
        if (person !== undefined) people.push(person);
      }
      start = result.LastEvaluatedKey;
      if (start === undefined) break;
    }
    return people;
  }
}
