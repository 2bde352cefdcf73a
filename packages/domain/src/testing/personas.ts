// The test personas, declared once for every suite of the workspace (re-exported by
// @elevate/testing). The first seven are the dev IdP's users in config/dev-stack.yaml, where the
// dev stack reads them; a test in packages/testing fails when the two disagree.

/** Who a persona is: the claims the IdP vouches for. */
export interface PersonaPerson {
  readonly sub: string;
  readonly email: string;
  readonly name: string;
  readonly groups: readonly string[];
}

const person = (sub: string, name: string, groups: readonly string[]): PersonaPerson => ({
  sub,
  email: `${name.split(' ')[0]?.toLowerCase() ?? sub}@example.com`,
  name,
  groups,
});

/** The dev IdP's users, in the order config/dev-stack.yaml lists them. */
export const devStackPersonas = {
  alice: person('7b0c1a2e-alice', 'Alice Requester', ['engineers']),
  bob: person('8d1e2f3a-bob', 'Bob Requester', ['engineers', 'data-engineers']),
  rita: person('9e2f3a4b-rita', 'Rita Reviewer', ['reviewers', 'engineers']),
  ravi: person('0f3a4b5c-ravi', 'Ravi Reviewer', ['reviewers', 'engineers']),
  audrey: person('1a4b5c6d-audrey', 'Audrey Auditor', ['auditors']),
  adam: person('2b5c6d7e-adam', 'Adam Admin', ['elevate-admins', 'reviewers']),
  nina: person('3c6d7e8f-nina', 'Nina Newcomer', ['contractors']),
} as const satisfies Record<string, PersonaPerson>;

/** The dev IdP's users plus Ada, an admin who is not a reviewer, to tell the two powers apart. */
export const personas = {
  ...devStackPersonas,
  ada: person('4d7e8f9a-ada', 'Ada Admin', ['elevate-admins']),
} as const satisfies Record<string, PersonaPerson>;

export type PersonaName = keyof typeof personas;

/** The persona as the API names a person: sub, email and name. */
export const personRef = ({ sub, email, name }: PersonaPerson) => ({ sub, email, name });
