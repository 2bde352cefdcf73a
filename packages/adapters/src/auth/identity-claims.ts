import * as z from 'zod';
import type { JWTPayload } from 'jose';
import { AuthError } from './auth-error';
import type { VerifiedIdentity } from './verified-identity';

const idTokenClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  name: z.string().min(1).max(256).optional(),
  amr: z.array(z.string().max(64)).max(32).optional(),
  auth_time: z.number().int().nonnegative().optional(),
});

const emailSchema = z.string().min(3).max(320).includes('@');

const groupsSchema = z.array(z.string().min(1).max(256)).max(1000).optional();

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
  const email = emailSchema.safeParse(input.idToken[emailClaim]);
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
  const groups = groupsSchema.safeParse(groupsToken[input.groupsClaim]);
  if (!groups.success) {
    throw new AuthError('TOKEN_INVALID', {
      token: input.groupsSource === 'idToken' ? 'id' : 'access',
      reason: `claims: ${input.groupsClaim}`,
    });
  }
  const { sub, name, amr, auth_time: authTime } = claims.data;
  return {
    sub,
    email: email.data,
    // Some IdPs omit `name` without the profile scope; the email is the next best display name.
    name: name ?? email.data,
    groups: [...new Set(groups.data ?? [])],
    amr: amr ?? [],
    ...(authTime === undefined ? {} : { authTime: new Date(authTime * 1000).toISOString() }),
  };
}

function issuePaths(error: z.ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.path.join('.') || '(root)'))].join(', ');
}
