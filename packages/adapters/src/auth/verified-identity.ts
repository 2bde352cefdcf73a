/**
 * Who the caller is, taken from a verified access token + ID token pair. Shape matches the
 * domain's `Actor` so the API can hand it over unchanged.
 */
export interface VerifiedIdentity {
  sub: string;
  email: string;
  name: string;
  groups: string[];
  /** Authentication methods, e.g. ["pwd", "mfa"]; empty when the IdP does not say. */
  amr: string[];
  /** When the user last authenticated, ISO-8601 UTC. */
  authTime?: string;
}
