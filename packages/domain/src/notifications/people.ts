import type { PersonRef } from '../actor';

/**
 * What Elevate knows about a person: exactly what their verified tokens said at their last
 * recorded sign-in (sub, e-mail, name, groups) and when. Nothing else is stored about anyone.
 */
export interface PersonRecord extends PersonRef {
  readonly groups: readonly string[];
  /** ISO-8601 UTC of the API call that recorded it (at most one write per person and UTC day). */
  readonly lastSignInAt: string;
}

/**
 * The people record: who to tell. Written from verified tokens by the API (once a day per person),
 * read by the notifier to address each routed reviewer, admin or auditor individually.
 */
export interface PeopleDirectory {
  /**
   * Records that `person` signed in at `person.lastSignInAt`, unless a record from the same UTC
   * day exists: `written` or `unchanged`. Conditional, so concurrent calls write once.
   */
  recordSignIn(person: PersonRecord): Promise<'written' | 'unchanged'>;
  /** Everyone whose last recorded groups include any of `groups`. */
  listMembersOf(groups: readonly string[]): Promise<readonly PersonRecord[]>;
  get(sub: string): Promise<PersonRecord | undefined>;
  /**
   * Everyone whose name or e-mail contains `text`, ignoring case (the audit's partial requester):
   * at most `max` of them, and `more` when others matched too.
   */
  search(
    text: string,
    max: number,
  ): Promise<{ readonly people: readonly PersonRecord[]; readonly more: boolean }>;
}

/** Whether `person`'s name or e-mail contains `text`, ignoring case — what `search` matches. */
export const personMatches = (
  person: Pick<PersonRecord, 'name' | 'email'>,
  text: string,
): boolean => {
  const wanted = text.trim().toLowerCase();
  return (
    wanted !== '' &&
    (person.name.toLowerCase().includes(wanted) || person.email.toLowerCase().includes(wanted))
  );
};

/** The first `max` of the people `matching`, sorted by name, and whether more matched. */
export const firstMatches = (
  people: Iterable<PersonRecord>,
  text: string,
  max: number,
): { people: PersonRecord[]; more: boolean } => {
  const matched = [...people]
    .filter((person) => personMatches(person, text))
    .sort((a, b) => a.name.localeCompare(b.name) || a.sub.localeCompare(b.sub));
  return { people: matched.slice(0, max), more: matched.length > max };
};

export type SuppressionReason = 'bounce' | 'complaint';

/** Addresses SES reported as bouncing permanently or complaining: never mailed again. */
export interface SuppressionList {
  isSuppressed(email: string): Promise<boolean>;
  suppress(email: string, reason: SuppressionReason, at: string): Promise<void>;
}

/** The UTC day of an ISO timestamp: the people record is written at most once per person and day. */
export const signInDayOf = (at: string): string => at.slice(0, 10);
