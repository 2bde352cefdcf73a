import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthError, compilePolicyFile, loadPolicyFile } from '@elevate/adapters';
import type { TokenVerifier, VerifiedIdentity } from '@elevate/adapters';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import type { IdGenerator, Policy } from '@elevate/domain';

export const EXAMPLE_POLICY_FILE = fileURLToPath(
  new URL('../../../../config/policy.example.yaml', import.meta.url),
);

/** config/policy.example.yaml, read and validated by the same loader the API starts with. */
export const examplePolicy = (): Policy => loadPolicyFile(EXAMPLE_POLICY_FILE);

/** The example policy compiled to JSON as infra does at synth: what the functions read. */
export const EXAMPLE_COMPILED_POLICY_FILE = (() => {
  const file = join(mkdtempSync(join(tmpdir(), 'elevate-policy-')), 'policy.json');
  writeFileSync(file, compilePolicyFile(EXAMPLE_POLICY_FILE));
  return file;
})();

const person = (sub: string, name: string, groups: string[]): VerifiedIdentity => ({
  sub,
  email: `${name.split(' ')[0]?.toLowerCase() ?? sub}@example.com`,
  name,
  groups,
  amr: ['pwd', 'mfa'],
  authTime: '2030-01-01T08:55:00.000Z',
});

/** The local personas of config/dev-stack.yaml (same subs, emails and groups). */
export const PERSONAS = {
  alice: person('7b0c1a2e-alice', 'Alice Requester', ['engineers']),
  bob: person('8d1e2f3a-bob', 'Bob Requester', ['engineers', 'data-engineers']),
  rita: person('9e2f3a4b-rita', 'Rita Reviewer', ['reviewers', 'engineers']),
  ravi: person('0f3a4b5c-ravi', 'Ravi Reviewer', ['reviewers', 'engineers']),
  audrey: person('1a4b5c6d-audrey', 'Audrey Auditor', ['auditors']),
  adam: person('2b5c6d7e-adam', 'Adam Admin', ['elevate-admins', 'reviewers']),
  nina: person('3c6d7e8f-nina', 'Nina Newcomer', ['contractors']),
  // Not in dev-stack.yaml: an admin who is not also a reviewer, to tell the two powers apart.
  ada: person('4d7e8f9a-ada', 'Ada Admin', ['elevate-admins']),
} satisfies Record<string, VerifiedIdentity>;

/** `Bearer persona.<sub>` + the matching ID token header. */
export function personaHeaders(identity: VerifiedIdentity): Record<string, string> {
  return {
    authorization: `Bearer persona.${identity.sub}`,
    [ID_TOKEN_HEADER]: `id.${identity.sub}`,
  };
}

/**
 * Maps a test token to a persona without any crypto, so the suites stay fast; the real verifier
 * has its own attack tests (packages/adapters) and a wiring test (compose-app.test.ts).
 */
export function personaVerifier(identities: readonly VerifiedIdentity[]): TokenVerifier {
  const bySub = new Map(identities.map((identity) => [identity.sub, identity]));
  return {
    async verify(accessToken, idToken) {
      if (!accessToken) throw new AuthError('TOKEN_MISSING', { token: 'access' });
      if (!idToken) throw new AuthError('TOKEN_MISSING', { token: 'id' });
      const sub = accessToken.replace(/^persona\./, '');
      const identity = bySub.get(sub);
      if (identity === undefined || idToken !== `id.${sub}`) {
        throw new AuthError('TOKEN_INVALID', { reason: 'signature' });
      }
      return identity;
    },
  };
}

/** req-0001, req-0002, … : predictable ids for assertions. */
export function sequentialIds(prefix = 'req'): IdGenerator {
  let next = 0;
  return { next: () => `${prefix}-${String((next += 1)).padStart(4, '0')}` };
}
