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
  /** The authentication context class the IdP reports (`acr`), if any. */
  acr?: string;
  /** Entra ID's satisfied authentication contexts (`acrs`, e.g. ["c1"]); empty elsewhere. */
  acrs?: string[];
  /** When the user last authenticated, ISO-8601 UTC; absent when the IdP did not say (or said 0). */
  authTime?: string;
}
