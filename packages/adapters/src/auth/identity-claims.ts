import * as z from 'zod/mini';
import type { JWTPayload } from 'jose';
import { AuthError } from './auth-error';
import type { VerifiedIdentity } from './verified-identity';

const idTokenClaimsSchema = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(255)),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  amr: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(32))),
  // 0 is no sign-in time anyone had ("Jan 1, 1970"): some IdPs write it for "unknown".
  auth_time: z.optional(z.number().check(z.int(), z.nonnegative())),
  acr: z.optional(z.string().check(z.maxLength(256))),
});

/** Entra's satisfied authentication contexts: `c1`…`c99`, an array (or, rarely, one string). */
const acrsSchema = z.pipe(
  z.optional(
    z.union([
      z.array(z.string().check(z.maxLength(16))).check(z.maxLength(100)),
      z.string().check(z.maxLength(16)),
    ]),
  ),
  z.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
);

const emailSchema = z.string().check(z.minLength(3), z.maxLength(320), z.includes('@'));

const groupsSchema = z.optional(
  z.array(z.string().check(z.minLength(1), z.maxLength(256))).check(z.maxLength(1000)),
);

/**
 * The groups claim as IdPs write it: an array, or one string (a lone group, or a list split by
 * `separator`); empty entries of a split list are dropped.
 */
function groupsFrom(claim: unknown, separator: string | undefined): unknown {
  if (typeof claim !== 'string') return claim;
  if (separator === undefined) return [claim];
  return claim
    .split(separator)
    .map((group) => group.trim())
    .filter((group) => group !== '');
}

/**
 * Entra ID leaves the groups out when there are too many (over 200 in a JWT) and says so with
 * `_claim_names.groups` (or `hasgroups`). Treating that as "no groups" would lock people out
 * silently, so it is refused with a code that tells the operator what to change.
 */
function hasGroupOverage(token: JWTPayload): boolean {
  const names = token['_claim_names'];
  return (
    token['hasgroups'] === true ||
    token['hasgroups'] === 'true' ||
    (typeof names === 'object' && names !== null && 'groups' in names)
  );
}

/** Where the groups claim is read from: IdPs differ (Entra can put groups in either). */
export type GroupsSource = 'idToken' | 'accessToken';

/**
 * Turns already-verified token payloads into a `VerifiedIdentity`, validating every claim once.
 * Failures name the claim, never its value.
 */
export function identityFromClaims(input: {
  idToken: JWTPayload;
  accessToken: JWTPayload;
  groupsClaim: string;
  groupsSource: GroupsSource;
  /** Splits a groups claim sent as one string; unset: a lone string is one group. */
  groupsSeparator?: string | undefined;
  /** The ID-token claim that names the person in AWS (session name, source identity, tags). */
  emailClaim?: string;
  /** Refuse an `email` the IdP says is unverified (`email_verified: false`). */
  requireEmailVerified?: boolean;
}): VerifiedIdentity {
  const emailClaim = input.emailClaim ?? 'email';
  const claims = idTokenClaimsSchema.safeParse(input.idToken);
  if (!claims.success) {
    throw new AuthError('TOKEN_INVALID', {
      token: 'id',
      reason: `claims: ${issuePaths(claims.error)}`,
    });
  }
  const rawEmail = input.idToken[emailClaim];
  // Surrounding spaces are not part of an address; names in AWS are derived from the trimmed form.
  const email = emailSchema.safeParse(typeof rawEmail === 'string' ? rawEmail.trim() : rawEmail);
  if (!email.success) {
    throw new AuthError('TOKEN_INVALID', { token: 'id', reason: `claims: ${emailClaim}` });
  }
  // `email_verified` speaks only for `email`; absent (Entra ID never sends it) counts as not refused.
  const verified = input.idToken['email_verified'];
  if (
    emailClaim === 'email' &&
    (input.requireEmailVerified ?? true) &&
    (verified === false || verified === 'false')
  ) {
    throw new AuthError('TOKEN_INVALID', { token: 'id', reason: 'claims: email_verified' });
  }
  const groupsToken = input.groupsSource === 'idToken' ? input.idToken : input.accessToken;
  if (groupsToken[input.groupsClaim] === undefined && hasGroupOverage(groupsToken)) {
    throw new AuthError('GROUPS_OVERAGE', {
      token: input.groupsSource === 'idToken' ? 'id' : 'access',
      reason: 'claims: _claim_names',
    });
  }
  const groups = groupsSchema.safeParse(
    groupsFrom(groupsToken[input.groupsClaim], input.groupsSeparator),
  );
  if (!groups.success) {
    throw new AuthError('TOKEN_INVALID', {
      token: input.groupsSource === 'idToken' ? 'id' : 'access',
      reason: `claims: ${input.groupsClaim}`,
    });
  }
  const { sub, name, amr, auth_time: authTime, acr } = claims.data;
  // Entra puts `acrs` into the access token, and into the ID token when asked for it.
  const acrs = acrsSchema.safeParse(input.idToken['acrs'] ?? input.accessToken['acrs']);
  return {
    sub,
    email: email.data,
    // Some IdPs omit `name` without the profile scope; the email is the next best display name.
    name: name ?? email.data,
    groups: [...new Set(groups.data ?? [])],
    amr: amr ?? [],
    ...(acr === undefined ? {} : { acr }),
    acrs: acrs.success ? acrs.data : [],
    ...(authTime === undefined || authTime === 0
      ? {}
      : { authTime: new Date(authTime * 1000).toISOString() }),
  };
}

function issuePaths(error: z.core.$ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.path.join('.') || '(root)'))].join(', ');
}
