import { z } from 'zod';
import type { JWTPayload } from 'jose';
import { AuthError } from './auth-error';
import type { VerifiedIdentity } from './verified-identity';

const idTokenClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  email: z.string().min(3).max(320).includes('@'),
  name: z.string().min(1).max(256).optional(),
  amr: z.array(z.string().max(64)).max(32).optional(),
  auth_time: z.number().int().nonnegative().optional(),
});

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
}): VerifiedIdentity {
  const claims = idTokenClaimsSchema.safeParse(input.idToken);
  if (!claims.success) {
    throw new AuthError('TOKEN_INVALID', {
      token: 'id',
      reason: `claims: ${issuePaths(claims.error)}`,
    });
  }
  const groupsToken = input.groupsSource === 'idToken' ? input.idToken : input.accessToken;
  const groups = groupsSchema.safeParse(groupsToken[input.groupsClaim]);
  if (!groups.success) {
    throw new AuthError('TOKEN_INVALID', {
      token: input.groupsSource === 'idToken' ? 'id' : 'access',
      reason: `claims: ${input.groupsClaim}`,
    });
  }
  const { sub, email, name, amr, auth_time: authTime } = claims.data;
  return {
    sub,
    email,
    // Some IdPs omit `name` without the profile scope; the email is the next best display name.
    name: name ?? email,
    groups: [...new Set(groups.data ?? [])],
    amr: amr ?? [],
    ...(authTime === undefined ? {} : { authTime: new Date(authTime * 1000).toISOString() }),
  };
}

function issuePaths(error: z.ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.path.join('.') || '(root)'))].join(', ');
}
