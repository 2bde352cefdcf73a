import { timingSafeEqual } from 'node:crypto';
import type { StsPrincipal } from '../config/dev-config';
import type { EmulatorState, SessionTag, VendedSession } from './emulator-state';
import { accountOf, stableIamId } from './role-catalog';
import {
  assertCredentialScope,
  assertRequestDateFresh,
  assertSignatureMatches,
  readSigV4Request,
  type WireRequest,
} from './sigv4/sigv4';
import { StsError } from './sts-error';

/** Who signed a request, as far as STS's decisions go. */
export interface Caller {
  arn: string;
  userId: string;
  account: string;
  /** Set when the caller is a role session; a role session that assumes a role is role chaining. */
  roleArn: string | undefined;
  sourceIdentity: string | undefined;
  transitiveTags: SessionTag[];
  /** Set when the request was signed with credentials this emulator vended. */
  session: VendedSession | undefined;
}

export interface AuthenticationContext {
  region: string;
  /** The service the credential scope must name; `sts` unless the request is IAM's. */
  service?: 'sts' | 'iam';
  now: Date;
  principals: readonly StsPrincipal[];
  state: EmulatorState;
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function principalCaller(principal: StsPrincipal): Caller {
  const assumed = /^arn:aws:sts::\d{12}:assumed-role\/[^/]+\/(.+)$/.exec(principal.arn);
  const userId =
    assumed?.[1] !== undefined && principal.roleArn !== undefined
      ? `${stableIamId('AROA', principal.roleArn)}:${assumed[1]}`
      : stableIamId('AIDA', principal.arn);
  return {
    arn: principal.arn,
    userId,
    account: accountOf(principal.arn),
    roleArn: principal.roleArn,
    sourceIdentity: undefined,
    transitiveTags: [],
    session: undefined,
  };
}

function sessionCaller(session: VendedSession): Caller {
  return {
    arn: session.assumedRoleArn,
    userId: session.assumedRoleId,
    account: session.account,
    roleArn: session.roleArn,
    sourceIdentity: session.sourceIdentity,
    transitiveTags: session.tags.filter((t) => t.transitive),
    session,
  };
}

/** Verifies SigV4 against the configured long-lived keys and the vended session credentials. */
export function authenticateCaller(request: WireRequest, context: AuthenticationContext): Caller {
  const signed = readSigV4Request(request);
  assertRequestDateFresh(signed, context.now);
  const service = context.service ?? 'sts';
  // IAM is global: SDKs sign it for us-east-1 or, with a custom endpoint, their configured region.
  assertCredentialScope(
    signed,
    service === 'iam' ? signed.authorization.region : context.region,
    service,
  );

  const { accessKeyId } = signed.authorization;
  const token = signed.securityToken;
  const principal = context.principals.find((p) => p.accessKeyId === accessKeyId);
  if (principal) {
    // Long-lived keys carry no session token; one that claims to is not ours.
    if (token !== undefined) throw new StsError('InvalidClientTokenId', INVALID_TOKEN);
    assertSignatureMatches(request, signed, principal.secretAccessKey);
    return principalCaller(principal);
  }
  const session = context.state.sessions.get(accessKeyId);
  if (!session || token === undefined || !sameSecret(token, session.sessionToken)) {
    throw new StsError('InvalidClientTokenId', INVALID_TOKEN);
  }
  assertSignatureMatches(request, signed, session.secretAccessKey);
  if (context.now.getTime() >= session.expiresAt.getTime()) {
    throw new StsError('ExpiredToken', 'The security token included in the request is expired');
  }
  return sessionCaller(session);
}
