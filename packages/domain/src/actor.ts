/** A person as recorded on a request and in its history. */
export interface PersonRef {
  readonly sub: string;
  readonly email: string;
  readonly name: string;
}

/** Who is calling, as the token verifier established it from both verified tokens. */
export interface Actor extends PersonRef {
  readonly groups: readonly string[];
  /** Authentication methods from the ID token, e.g. ["pwd", "mfa"]. */
  readonly amr: readonly string[];
  /** The authentication context class the IdP reported (`acr`), if any. */
  readonly acr?: string;
  /** Entra ID's satisfied authentication contexts (`acrs`, e.g. ["c1"]). */
  readonly acrs?: readonly string[];
  /** When the user last authenticated, ISO-8601 UTC. */
  readonly authTime?: string;
}

/** The broker itself, e.g. the sweeper that expires stale pending requests. */
export const SYSTEM_ACTOR: Actor = {
  sub: 'elevate:system',
  email: 'system@elevate.invalid',
  name: 'Elevate',
  groups: [],
  amr: [],
};

export const personOf = (actor: PersonRef): PersonRef => ({
  sub: actor.sub,
  email: actor.email,
  name: actor.name,
});

export const isMemberOfAny = (actor: Actor, groups: readonly string[]): boolean =>
  actor.groups.some((group) => groups.includes(group));
