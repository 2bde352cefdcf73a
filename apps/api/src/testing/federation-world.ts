import { randomBytes } from 'node:crypto';
import {
  AuthError,
  InMemoryAccessRequestRepository,
  InMemoryIdentityBindings,
  InMemorySessionRecordRepository,
} from '@elevate/adapters';
import type { TokenVerifier, VerifiedIdentity } from '@elevate/adapters';
import { expireRequest, SYSTEM_ACTOR, transitionWriteOf } from '@elevate/domain';
import type {
  ConsoleSignIn,
  ConsoleSignInInput,
  CredentialIssuer,
  IssueCredentialsInput,
  IssuedCredentials,
  SessionRecordRepository,
} from '@elevate/domain';
import { createApp } from '../app';
import type { AppDeps, AppRoutes } from '../app';
import { createJsonLogger } from '../logger';
import { START } from './api-world';
import { examplePolicy, PERSONAS, personaHeaders, sequentialIds } from './personas';

const upperAlnum = (length: number): string =>
  [...randomBytes(length)].map((byte) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[byte % 32]).join('');

/** Credentials shaped like STS's, made at runtime so every test has its own to look for. */
const fakeCredentials = (region = 'eu-west-1'): IssuedCredentials => ({
  accessKeyId: `ASIA${upperAlnum(16)}`,
  secretAccessKey: randomBytes(30).toString('base64'),
  sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(48).toString('base64')}`,
  expiration: '2030-01-01T10:00:00.000Z',
  region,
});

/** An issuer that records what it was asked and answers with fresh fake credentials (or `fail`). */
export function spyIssuer(fail?: () => Error): CredentialIssuer & {
  calls: IssueCredentialsInput[];
  issued: IssuedCredentials[];
} {
  const spy = {
    calls: [] as IssueCredentialsInput[],
    issued: [] as IssuedCredentials[],
    async issue(input: IssueCredentialsInput): Promise<IssuedCredentials> {
      spy.calls.push(input);
      if (fail !== undefined) throw fail();
      const credentials = fakeCredentials();
      spy.issued.push(credentials);
      return credentials;
    },
  };
  return spy;
}

/** A console sign-in that records its input and hands out a secret-looking one-time URL. */
export function spySignIn(fail?: () => Error): ConsoleSignIn & {
  calls: ConsoleSignInInput[];
  urls: string[];
} {
  const spy = {
    calls: [] as ConsoleSignInInput[],
    urls: [] as string[],
    async signInUrl(input: ConsoleSignInInput): Promise<string> {
      spy.calls.push(input);
      if (fail !== undefined) throw fail();
      const url = `https://signin.aws.amazon.com/federation?Action=login&SigninToken=${randomBytes(40).toString('base64url')}`;
      spy.urls.push(url);
      return url;
    },
  };
  return spy;
}

/**
 * A verifier that knows the personas by sub and can be told that someone's tokens now say
 * something else (groups, amr, auth_time), as a fresh sign-in or an IdP change would. Counts calls.
 */
function mutableVerifier(): TokenVerifier & {
  calls: number;
  set(identity: VerifiedIdentity): void;
  /** The next `n` verifications succeed, then every one fails. */
  failAfter(n: number): void;
} {
  const bySub = new Map<string, VerifiedIdentity>(
    Object.values(PERSONAS).map((identity) => [identity.sub, identity]),
  );
  let remaining = Number.POSITIVE_INFINITY;
  const verifier = {
    calls: 0,
    set: (identity: VerifiedIdentity) => void bySub.set(identity.sub, identity),
    failAfter: (n: number) => {
      remaining = n;
    },
    async verify(accessToken: string | null | undefined, idToken: string | null | undefined) {
      verifier.calls += 1;
      if (!accessToken || !idToken) throw new AuthError('TOKEN_MISSING', { token: 'access' });
      if (remaining <= 0) throw new AuthError('TOKEN_EXPIRED', { token: 'access', reason: 'exp' });
      remaining -= 1;
      const sub = accessToken.replace(/^persona\./, '');
      const identity = bySub.get(sub);
      if (identity === undefined || idToken !== `id.${sub}`)
        throw new AuthError('TOKEN_INVALID', { reason: 'signature' });
      return identity;
    },
  };
  return verifier;
}

/** The app with the federate route, spies for STS and sign-in, in-memory stores and a settable clock. */
export function federationWorld(
  options: {
    issuer?: ReturnType<typeof spyIssuer>;
    signIn?: ReturnType<typeof spySignIn>;
    sessions?: SessionRecordRepository;
    routes?: AppRoutes;
    sessionSeconds?: number;
  } = {},
) {
  let now = START;
  const logLines: string[] = [];
  const repository = new InMemoryAccessRequestRepository();
  const sessions = options.sessions ?? new InMemorySessionRecordRepository();
  const issuer = options.issuer ?? spyIssuer();
  const signIn = options.signIn ?? spySignIn();
  const verifier = mutableVerifier();
  const identityBindings = new InMemoryIdentityBindings();
  const deps: AppDeps = {
    verifier,
    logger: createJsonLogger({ level: 'debug', write: (line) => logLines.push(line) }),
    repository,
    sessions,
    policy: examplePolicy(),
    clock: { now: () => now },
    ids: sequentialIds(),
    federation: {
      issuer,
      consoleSignIn: signIn,
      sessionSeconds: options.sessionSeconds ?? 3600,
      defaultRegion: 'eu-west-1',
      identityBindings,
    },
  };
  const app = createApp(deps, { routes: options.routes ?? 'all' });

  const call = (
    who: VerifiedIdentity,
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; env?: unknown } = {},
  ) =>
    app.request(
      path,
      {
        method,
        headers: {
          ...personaHeaders(who),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      init.env,
    );

  /** Moves a pending request to EXPIRED as the sweeper would (there is no HTTP route for it). */
  const expire = async (id: string, at: string) => {
    const request = await repository.get(id);
    if (request === undefined) throw new Error(`no request ${id}`);
    const outcome = expireRequest(request, { now: at, actor: SYSTEM_ACTOR, policy: deps.policy });
    if (!outcome.ok) throw new Error(outcome.error.code);
    const written = await repository.applyTransition(transitionWriteOf(request, outcome.value));
    if (!written.ok) throw new Error(written.error.code);
  };

  return {
    app,
    deps,
    repository,
    sessions,
    issuer,
    signIn,
    verifier,
    identityBindings,
    logLines,
    call,
    expire,
    setNow: (iso: string) => {
      now = iso;
    },
  };
}

export type FederationWorld = ReturnType<typeof federationWorld>;
