// The API suites' one harness: the real app (createApp) on in-memory adapters, the personas'
// test tokens, a settable clock and a captured log. What is not the app's (personas, tokens,
// in-memory adapters, spies) comes from @elevate/testing.
import { AuthError } from '@elevate/adapters';
import type { TokenVerifier, VerifiedIdentity } from '@elevate/adapters';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import { expireRequest, SYSTEM_ACTOR, transitionWriteOf } from '@elevate/domain';
import type {
  AccessRequestRepository,
  PeopleDirectory,
  Policy,
  SessionRecordRepository,
} from '@elevate/domain';
import {
  examplePolicyFromFile,
  InMemoryAccessRequestRepository,
  InMemoryIdempotencyStore,
  InMemoryIdentityBindings,
  InMemoryInsightsReadModel,
  InMemorySessionRecordRepository,
  PERSONAS,
  personaHeaders,
  personaVerifier,
  sequentialIds,
  spyIssuer,
  spySignIn,
} from '@elevate/testing';
import { createApp } from '../app';
import type { AppDeps, AppRoutes } from '../app';
import type { AuditIntegrityDeps } from '../audit-integrity/audit-integrity-deps';
import { createJsonLogger } from '../logger';
import type { AuditExportLimits } from '../use-cases/audit-export-limits';

export const START = '2030-01-01T09:00:00.000Z';

export const SPA_ORIGIN = 'http://127.0.0.1:5173';

export interface ApiWorldOptions {
  policy?: Policy;
  repository?: AccessRequestRepository;
  /** Who the persona tokens may stand for; all the personas unless given. */
  identities?: readonly VerifiedIdentity[];
  maxBodyBytes?: number;
  auditExportLimits?: AuditExportLimits;
  auditIntegrity?: AuditIntegrityDeps;
  sessions?: SessionRecordRepository;
  /** The people record (and with it the sign-in recording middleware); none unless given. */
  people?: PeopleDirectory;
  /** STS and console sign-in spies and an in-memory session store; then `routes` defaults to `all`. */
  federation?: boolean;
  issuer?: ReturnType<typeof spyIssuer>;
  signIn?: ReturnType<typeof spySignIn>;
  sessionSeconds?: number;
  routes?: AppRoutes;
  /** Any other of the app's deps, applied last. */
  deps?: Partial<AppDeps>;
}

/** The app with the personas, a settable clock, a captured log and a call helper per persona. */
export function apiWorld(options: ApiWorldOptions = {}) {
  let now = START;
  const logLines: string[] = [];
  const repository = options.repository ?? new InMemoryAccessRequestRepository();
  const verifier = personaVerifier(options.identities ?? Object.values(PERSONAS));
  const issuer = options.issuer ?? spyIssuer();
  const signIn = options.signIn ?? spySignIn();
  const identityBindings = new InMemoryIdentityBindings();
  const federation = options.federation === true;
  const sessions = options.sessions ?? new InMemorySessionRecordRepository();
  const deps: AppDeps = {
    verifier,
    logger: createJsonLogger({ level: 'debug', write: (line) => logLines.push(line) }),
    repository,
    policy: options.policy ?? examplePolicyFromFile(),
    clock: { now: () => now },
    ids: sequentialIds(),
    insights: new InMemoryInsightsReadModel(),
    idempotency: new InMemoryIdempotencyStore(),
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    ...(options.auditExportLimits === undefined
      ? {}
      : { auditExportLimits: options.auditExportLimits }),
    auditIntegrity: options.auditIntegrity,
    ...(options.sessions === undefined && !federation ? {} : { sessions }),
    ...(options.people === undefined ? {} : { people: options.people }),
    ...(federation
      ? {
          federation: {
            issuer,
            consoleSignIn: signIn,
            sessionSeconds: options.sessionSeconds ?? 3600,
            defaultRegion: 'eu-west-1',
            identityBindings,
          },
        }
      : {}),
    ...options.deps,
  };
  const app = createApp(deps, { routes: options.routes ?? (federation ? 'all' : 'api') });

  /** Calls the app as `who` (undefined: no tokens). A `body` object is sent as JSON. */
  const call = (
    who: VerifiedIdentity | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    env?: unknown,
  ) =>
    app.request(
      path,
      {
        method,
        headers: {
          ...(who === undefined ? {} : personaHeaders(who)),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      },
      env,
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
    logs: () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>),
    call,
    expire,
    setNow: (iso: string) => {
      now = iso;
    },
  };
}

export type ApiWorld = ReturnType<typeof apiWorld>;

// Token-shaped strings, built at runtime, so a log leak is easy to spot.
export const GOOD_ACCESS = ['eyJhbGciOiJSUzI1NiJ9', 'YWNjZXNzLWFsaWNl', 'c2lnbmF0dXJlLWE'].join(
  '.',
);
export const GOOD_ID = ['eyJhbGciOiJSUzI1NiJ9', 'aWQtYWxpY2U', 'c2lnbmF0dXJlLWI'].join('.');
export const EXPIRED_ACCESS = ['eyJhbGciOiJSUzI1NiJ9', 'ZXhwaXJlZA', 'c2lnbmF0dXJlLWM'].join('.');

/** Accepts exactly GOOD_ACCESS + GOOD_ID as `identity`; counts its calls. */
export function tokenShapedVerifier(
  identity: VerifiedIdentity = PERSONAS.alice,
): TokenVerifier & { calls: number } {
  const verifier = {
    calls: 0,
    async verify(accessToken: string | null | undefined, idToken: string | null | undefined) {
      verifier.calls += 1;
      if (!accessToken) throw new AuthError('TOKEN_MISSING', { token: 'access' });
      if (!idToken) throw new AuthError('TOKEN_MISSING', { token: 'id' });
      if (accessToken === EXPIRED_ACCESS)
        throw new AuthError('TOKEN_EXPIRED', { token: 'access', reason: 'exp' });
      if (accessToken !== GOOD_ACCESS || idToken !== GOOD_ID)
        throw new AuthError('TOKEN_INVALID', { reason: 'signature' });
      return identity;
    },
  };
  return verifier;
}

/** The token-shaped pair as a browser sends it. */
export function authHeaders(access = GOOD_ACCESS, id = GOOD_ID): Record<string, string> {
  return { authorization: `Bearer ${access}`, [ID_TOKEN_HEADER]: id };
}

/** The world of the HTTP-edge suites: token-shaped tokens for Alice and the SPA's origin allowed. */
export const testApp = (overrides: Partial<AppDeps> = {}) =>
  apiWorld({
    deps: { verifier: tokenShapedVerifier(), allowedOrigin: SPA_ORIGIN, ...overrides },
  });
