import type { Actor, PersonRef } from '../actor';
import { isMemberOfAny } from '../actor';
import type { Policy } from '../policy/policy-schema';
import { canSee } from '../policy/request-visibility';
import { isBefore, addMinutes } from '../time';
import type { Audience } from './audience';
import type { NotificationEvent } from './notification-event';
import type { PersonRecord } from './people';

/** Default for "not mailed after N days without sign-in". */
export const DEFAULT_ACTIVE_WITHIN_DAYS = 30;

/** The IdP groups whose members make up an audience (the requester is known by identity). */
export const groupsOfAudience = (
  audience: Audience,
  policy: Policy,
): readonly string[] | undefined => {
  switch (audience.kind) {
    case 'reviewers':
      return audience.groups;
    case 'security':
      return [...policy.groups.auditors, ...policy.groups.admins];
    case 'admins':
      return policy.groups.admins;
    case 'requester':
      return undefined;
  }
};

const actorOf = (person: PersonRecord): Actor => ({
  sub: person.sub,
  email: person.email,
  name: person.name,
  groups: person.groups,
  amr: [],
});

export interface RecipientRules {
  readonly policy: Policy;
  readonly now: string;
  /** A person whose last sign-in is older than this is not addressed individually. */
  readonly activeWithinDays: number;
}

/**
 * The people who personally receive `audience`'s message about `event`, from the people record:
 * members of the audience's groups who signed in within `activeWithinDays` and who may see the
 * request (the same rule as the API's, `canSee`) — never anyone else. The requester is addressed by
 * the identity on the request (they created it) and is never also told as one of its reviewers.
 * Sorted by e-mail, one entry per person.
 */
export const recipientsOf = (
  event: NotificationEvent,
  audience: Audience,
  people: readonly PersonRecord[],
  rules: RecipientRules,
): PersonRef[] => {
  const { request } = event;
  if (audience.kind === 'requester') {
    const { sub, email, name } = audience.person;
    return [{ sub, email, name }];
  }
  const groups = groupsOfAudience(audience, rules.policy) ?? [];
  const since = addMinutes(rules.now, -rules.activeWithinDays * 24 * 60);
  const chosen = new Map<string, PersonRef>();
  for (const person of people) {
    const actor = actorOf(person);
    if (!isMemberOfAny(actor, groups)) continue;
    if (isBefore(person.lastSignInAt, since)) continue;
    if (person.sub === request.requester.sub) continue;
    if (!canSee(rules.policy, actor, request).allowed) continue;
    chosen.set(person.sub, { sub: person.sub, email: person.email, name: person.name });
  }
  return [...chosen.values()].sort((a, b) => a.email.localeCompare(b.email));
};
