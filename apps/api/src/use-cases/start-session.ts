import type { TokenVerifier } from '@elevate/adapters';
import type { FederateBody, FederateResponse } from '@elevate/contracts';
import {
  ConsoleSignInError,
  CredentialIssueError,
  earlierOf,
  federationCheck,
  roleSessionNameFor,
  sessionPlanFor,
  sessionTagsFor,
  sourceIdentityFor,
  personOf,
  canonicalEmail,
} from '@elevate/domain';
import type {
  ConsoleSignIn,
  CredentialIssuer,
  IdentityBindings,
  IssuedCredentials,
  SessionRecord,
  SessionRecordRepository,
} from '@elevate/domain';
import type { CallClient, CallTokens } from './call';
import { couldNameRequest, loadVisibleRequest } from './load-visible-request';
import type { UseCaseDeps } from './use-case-deps';
import { refusal, UseCaseError } from './use-case-error';

/** The federation ports and settings; only the federate function (and the local server) has them. */
export interface FederationDeps {
  /** AssumeRole through the regional STS endpoints, with failover. */
  issuer: CredentialIssuer;
  consoleSignIn: ConsoleSignIn;
  /** Configured session length in seconds; the session plan clamps it to 900–3600. */
  sessionSeconds: number;
  /** Console and CLI region when the body names none: the deployment region. */
  defaultRegion: string;
  /** E-mail → person bindings: a second person with an already-bound address gets no session. */
  identityBindings?: IdentityBindings;
}

export type StartSessionDeps = UseCaseDeps & {
  verifier: TokenVerifier;
  federation: FederationDeps;
  sessions: SessionRecordRepository;
};

export interface StartSessionInput {
  /** The call's own tokens: verified again here, whatever middleware already did. */
  readonly tokens: CallTokens;
  readonly requestId: string;
  readonly body: FederateBody;
  readonly client: CallClient;
}

export interface StartedSession {
  /** Carries the credentials or the sign-in URL: hand it to the caller, never to a log. */
  readonly response: FederateResponse;
  /** What was recorded; safe to log. */
  readonly record: SessionRecord;
}

const targetRoleArn = (accountId: string, roleName: string): string =>
  `arn:aws:iam::${accountId}:role/${roleName}`;

/**
 * Turns an approved, open request into a console sign-in URL or CLI credentials. Every check runs
 * here, on every call: both tokens verified again; the request the caller's own, still eligible
 * with the groups in those tokens, approved and inside its window by the clock, and step-up when
 * the rule asks. Any refusal happens before STS is called. The session record is written before
 * anything leaves: if it cannot be written, the credentials are dropped and the call fails.
 */
export async function startSession(
  deps: StartSessionDeps,
  input: StartSessionInput,
): Promise<StartedSession> {
  const actor = await deps.verifier.verify(input.tokens.accessToken, input.tokens.idToken);
  // What recording the session needs is read beside the request: one round trip fewer before STS.
  const recordSession = preparedRecording(deps.sessions, input.requestId);
  const request = await loadVisibleRequest(deps, actor, input.requestId);
  const now = deps.clock.now();
  const grant = federationCheck(request, actor, deps.policy, now, deps.mfaEvidence);
  if (!grant.ok) {
    const { maxAuthAgeSeconds } = grant.error;
    throw new UseCaseError(
      grant.error.code,
      grant.error.message,
      undefined,
      maxAuthAgeSeconds === undefined ? {} : { maxAuthAgeSeconds },
    );
  }
  const plan = sessionPlanFor({
    now,
    window: grant.value.window,
    configuredSessionSeconds: deps.federation.sessionSeconds,
    allowRoleChaining: grant.value.rule.allowRoleChaining,
  });
  if (!plan.ok) throw refusal(plan.error);

  // The names below come from the e-mail: it must be this person's alone before STS sees it.
  const binding = await deps.federation.identityBindings?.bind(
    canonicalEmail(actor.email),
    actor.sub,
  );
  if (binding === 'taken') {
    throw new UseCaseError(
      'IDENTITY_CONFLICT',
      'Your e-mail address already names another person in AWS (a different account at the identity provider); ask the Elevate operator to sort out the two accounts.',
    );
  }

  const roleArn = targetRoleArn(request.accountId, request.roleName);
  const roleSessionName = roleSessionNameFor(actor, request.roleName);
  const sourceIdentity = sourceIdentityFor(actor);
  const credentials = await issue(deps.federation.issuer, {
    roleArn,
    roleSessionName,
    sourceIdentity,
    tags: sessionTagsFor(request, actor),
    durationSeconds: plan.value.durationSeconds,
    ...(plan.value.sessionPolicy === undefined ? {} : { sessionPolicy: plan.value.sessionPolicy }),
  });
  const expiresAt = !plan.value.endsWithWindow
    ? credentials.expiration
    : earlierOf(credentials.expiration, plan.value.expiresAt);

  const record: SessionRecord = {
    id: deps.ids.next(),
    requestId: request.id,
    kind: input.body.kind,
    issuedBy: personOf(actor),
    roleArn,
    accountId: request.accountId,
    accessKeyId: credentials.accessKeyId,
    roleSessionName,
    sourceIdentity,
    expiresAt,
    region: credentials.region,
    ...input.client,
    issuedAt: now,
  };
  const written = await recordSession(record);
  if (!written.ok) throw new Error(`Session record not written: ${written.error.code}`);
  await assertStillGranted(deps, actor, request.id);

  const region = input.body.region ?? deps.federation.defaultRegion;
  const sessionCredentials = {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    expiration: credentials.expiration,
  };
  switch (input.body.kind) {
    case 'cli':
      return {
        record: written.value,
        response: { kind: 'cli', credentials: sessionCredentials, region, expiresAt },
      };
    case 'console': {
      const url = await signIn(deps.federation.consoleSignIn, {
        credentials: sessionCredentials,
        region,
        ...(input.body.destination === undefined ? {} : { destination: input.body.destination }),
      });
      return { record: written.value, response: { kind: 'console', url, expiresAt } };
    }
  }
}

/** The store's prepared write for this request, or its plain `record` for an id that names none. */
function preparedRecording(
  sessions: SessionRecordRepository,
  requestId: string,
): (session: SessionRecord) => ReturnType<SessionRecordRepository['record']> {
  if (sessions.prepare !== undefined && couldNameRequest(requestId))
    return sessions.prepare(requestId);
  return (session) => sessions.record(session);
}

/**
 * A revoke or an early end can land between the first read and AssumeRole. Read the request again
 * (strongly consistent) once the session is recorded, and hand nothing out unless it still allows
 * this session. The record stays: the credentials were minted and CloudTrail will show them.
 */
async function assertStillGranted(
  deps: StartSessionDeps,
  actor: Parameters<typeof federationCheck>[1],
  id: string,
): Promise<void> {
  const current = await deps.repository.get(id);
  if (
    current !== undefined &&
    federationCheck(current, actor, deps.policy, deps.clock.now(), deps.mfaEvidence).ok
  )
    return;
  throw new UseCaseError(
    'SESSION_WITHHELD',
    'The request changed while the session was being started (it may have been revoked or ended); no credentials were handed out.',
  );
}

/** AssumeRole; STS's refusals become problems that name no input, credential or internal. */
async function issue(
  issuer: CredentialIssuer,
  input: Parameters<CredentialIssuer['issue']>[0],
): Promise<IssuedCredentials> {
  try {
    return await issuer.issue(input);
  } catch (error) {
    if (!(error instanceof CredentialIssueError)) throw error;
    // The message (STS code and regions tried) reaches the log only; clients get the catalog's detail.
    switch (error.failure) {
      case 'denied':
        throw new UseCaseError('FEDERATION_DENIED', error.message);
      case 'unavailable':
        throw new UseCaseError('STS_UNAVAILABLE', error.message);
      case 'invalid':
        // Our input was wrong: a bug, answered as a plain 500.
        throw error;
    }
  }
}

async function signIn(
  consoleSignIn: ConsoleSignIn,
  input: Parameters<ConsoleSignIn['signInUrl']>[0],
): Promise<string> {
  try {
    return await consoleSignIn.signInUrl(input);
  } catch (error) {
    if (error instanceof ConsoleSignInError)
      throw new UseCaseError('CONSOLE_SIGN_IN_FAILED', error.message);
    throw error;
  }
}
