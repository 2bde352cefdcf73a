import { AuthError, InMemoryAccessRequestRepository } from '@elevate/adapters';
import type { TokenVerifier, VerifiedIdentity } from '@elevate/adapters';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import { createApp } from '../app';
import type { AppDeps } from '../app';
import { createJsonLogger } from '../logger';
import { examplePolicy, sequentialIds } from './personas';

export const ALICE: VerifiedIdentity = {
  sub: 'user-alice',
  email: 'alice@example.com',
  name: 'Alice Requester',
  groups: ['engineers', 'reviewers'],
  amr: ['pwd', 'mfa'],
  authTime: '2030-01-01T08:00:00.000Z',
};

export const SPA_ORIGIN = 'http://127.0.0.1:5173';

// Token-shaped strings, built at runtime, so a log leak is easy to spot.
export const GOOD_ACCESS = ['eyJhbGciOiJSUzI1NiJ9', 'YWNjZXNzLWFsaWNl', 'c2lnbmF0dXJlLWE'].join(
  '.',
);
export const GOOD_ID = ['eyJhbGciOiJSUzI1NiJ9', 'aWQtYWxpY2U', 'c2lnbmF0dXJlLWI'].join('.');
export const EXPIRED_ACCESS = ['eyJhbGciOiJSUzI1NiJ9', 'ZXhwaXJlZA', 'c2lnbmF0dXJlLWM'].join('.');

/** Accepts exactly GOOD_ACCESS + GOOD_ID; the real verifier has its own attack tests in adapters. */
export function fakeVerifier(
  identity: VerifiedIdentity = ALICE,
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

export function authHeaders(access = GOOD_ACCESS, id = GOOD_ID): Record<string, string> {
  return { authorization: `Bearer ${access}`, [ID_TOKEN_HEADER]: id };
}

/** An app with a fake verifier, a frozen clock and a captured log. */
export function testApp(overrides: Partial<AppDeps> = {}) {
  const logLines: string[] = [];
  const logger = createJsonLogger({ level: 'debug', write: (line) => logLines.push(line) });
  const app = createApp({
    verifier: fakeVerifier(),
    clock: { now: () => '2030-01-01T09:00:00.000Z' },
    repository: new InMemoryAccessRequestRepository(),
    policy: examplePolicy(),
    ids: sequentialIds(),
    logger,
    allowedOrigin: SPA_ORIGIN,
    ...overrides,
  });
  return {
    app,
    logLines,
    logs: () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
