import type {
  PeopleDirectory,
  PersonRecord,
  SuppressionList,
  SuppressionReason,
} from '@elevate/domain';
import { firstMatches, signInDayOf } from '@elevate/domain';

/** The people record in process memory (tests, benchmarks); same rules as the DynamoDB one. */
export class InMemoryPeopleDirectory implements PeopleDirectory {
  readonly #people = new Map<string, PersonRecord>();
  /** How many writes `recordSignIn` made (tests check the once-a-day rule). */
  writes = 0;

  async recordSignIn(person: PersonRecord): Promise<'written' | 'unchanged'> {
    const known = this.#people.get(person.sub);
    if (known !== undefined && signInDayOf(known.lastSignInAt) >= signInDayOf(person.lastSignInAt))
      return 'unchanged';
    this.#people.set(person.sub, { ...person, groups: [...person.groups] });
    this.writes += 1;
    return 'written';
  }

  async get(sub: string): Promise<PersonRecord | undefined> {
    return this.#people.get(sub);
  }

  async search(text: string, max: number): Promise<{ people: PersonRecord[]; more: boolean }> {
    return firstMatches(this.#people.values(), text, max);
  }

  async listMembersOf(groups: readonly string[]): Promise<readonly PersonRecord[]> {
    return [...this.#people.values()].filter((person) =>
      person.groups.some((group) => groups.includes(group)),
    );
  }
}

export class InMemorySuppressionList implements SuppressionList {
  readonly #suppressed = new Map<string, { reason: SuppressionReason; at: string }>();

  async isSuppressed(email: string): Promise<boolean> {
    return this.#suppressed.has(email.trim().toLowerCase());
  }

  async suppress(email: string, reason: SuppressionReason, at: string): Promise<void> {
    this.#suppressed.set(email.trim().toLowerCase(), { reason, at });
  }
}
