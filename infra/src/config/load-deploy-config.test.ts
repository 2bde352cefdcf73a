import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EXAMPLE_CONFIG_FILE, REPO_ROOT, exampleConfigData } from '../testing/test-app';
import { DeployConfigError, loadDeployConfig, parseDeployConfig } from './load-deploy-config';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'elevate-deploy-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function issuesFor(data: unknown): string[] {
  try {
    parseDeployConfig(data, 'deploy.yaml');
  } catch (error) {
    if (error instanceof DeployConfigError) return [...error.issues];
    throw error;
  }
  return [];
}

const example = exampleConfigData();
const withIdp = (idp: Record<string, unknown>) => ({
  ...example,
  idp: { ...(example.idp as Record<string, unknown>), ...idp },
});
const withSpa = (spa: Record<string, unknown>) => ({
  ...example,
  spa: { ...(example.spa as Record<string, unknown>), ...spa },
});

describe('the deploy config', () => {
  it('accepts the example and fills in defaults', () => {
    const config = loadDeployConfig(EXAMPLE_CONFIG_FILE);
    expect(config.account).toBe('999999999999');
    expect(config.idp.audience).toBe('api://elevate');
    expect(config.sts.regions).toEqual(['eu-west-1', 'eu-central-1']);
    expect(config.targetRoles.sessionNamePattern).toBe('*@*');

    const { sts: _sts, logs: _logs, ...minimal } = example;
    const defaults = parseDeployConfig(withIdp({ audience: undefined }), 'deploy.yaml');
    expect(defaults.idp.audience).toBe(defaults.idp.clientId);
    expect(defaults.idp.settings.accessTokenAudienceClaim).toBe('aud');
    const noSts = parseDeployConfig(minimal, 'deploy.yaml');
    expect(noSts.sts.regions).toEqual([noSts.region]);
    expect(noSts.logs.retentionDays).toBe(365);
  });

  it('reads Cognito access tokens by client_id unless told otherwise', () => {
    const cognito = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz';
    const audienceClaim = (idp: Record<string, unknown>) =>
      parseDeployConfig(withIdp(idp), 'deploy.yaml').idp.settings.accessTokenAudienceClaim;
    expect(audienceClaim({ issuer: cognito, provider: undefined })).toBe('client_id');
    expect(
      audienceClaim({ issuer: cognito, provider: undefined, accessTokenAudienceClaim: 'aud' }),
    ).toBe('aud');
    expect(audienceClaim({ issuer: 'https://login.microsoftonline.com/tenant/v2.0' })).toBe('aud');
    expect(audienceClaim({ accessTokenAudienceClaim: 'client_id' })).toBe('client_id');
    expect(issuesFor(withIdp({ accessTokenAudienceClaim: 'azp' }))[0]).toMatch(
      /^idp\.accessTokenAudienceClaim: /,
    );
  });

  it('names the access-token-only claim, scp unless told otherwise', () => {
    const claimOf = (idp: Record<string, unknown>) =>
      parseDeployConfig(withIdp(idp), 'deploy.yaml').idp.settings.accessTokenClaim;
    expect(claimOf({})).toBe('scp');
    expect(claimOf({ accessTokenClaim: 'scope' })).toBe('scope');
    const defaults = parseDeployConfig(withIdp({}), 'deploy.yaml').idp;
    expect([defaults.settings.emailClaim, defaults.requireEmailVerified]).toEqual(['email', true]);
    expect(issuesFor(withIdp({ accessTokenClaim: 'two words' }))[0]).toMatch(
      /^idp\.accessTokenClaim: /,
    );
  });

  it('fills in a provider profile, every value still overridable', () => {
    const settingsOf = (idp: Record<string, unknown>) =>
      parseDeployConfig(withIdp(idp), 'deploy.yaml').idp.settings;
    expect(settingsOf({ provider: 'okta' })).toMatchObject({
      identityClaims: { accessToken: 'uid', idToken: 'sub' },
      requireAccessTokenType: false,
    });
    const entra = settingsOf({
      provider: 'entra',
      issuer: 'https://login.microsoftonline.com/tenant/v2.0',
      clientId: '6e74172b-be56-4843-9ff4-e66a39bb12e3',
      audience: undefined,
    });
    expect(entra.scope).toBe(
      'openid profile email offline_access api://6e74172b-be56-4843-9ff4-e66a39bb12e3/access_as_user',
    );
    expect(entra.mfa.acrs).toEqual(['c1']);
    const cognito = settingsOf({
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz',
      provider: undefined,
      groupsClaim: undefined,
      mfa: { enforcedByIdp: true },
    });
    expect(cognito).toMatchObject({
      provider: 'cognito',
      scope: 'openid profile email',
      groups: { claim: 'cognito:groups' },
      mfa: { enforcedByIdp: true, amr: [] },
    });
    expect(
      settingsOf({ provider: 'auth0', audience: 'https://api.acme.example' }).authorizeParams,
    ).toEqual({ audience: 'https://api.acme.example' });
    expect(settingsOf({ provider: 'okta', groupsClaim: 'roles' }).groups.claim).toBe('roles');
    expect(issuesFor(withIdp({ provider: 'ping' }))[0]).toMatch(/^idp\.provider: /);
    expect(issuesFor(withIdp({ authorizeParams: { state: 'x' } }))[0]).toMatch(
      /^idp\.authorizeParams\.state: .*cannot be overridden/,
    );
  });

  it('names the field of each problem', () => {
    expect(issuesFor({ ...example, account: 999999999999 })).toEqual([
      'account: expected a 12-digit account id as a string (quote it in YAML)',
    ]);
    expect(issuesFor(withIdp({ issuer: 'http://idp.example.com' }))).toEqual([
      'idp.issuer: must be an https URL',
    ]);
    expect(
      issuesFor(
        withSpa({
          origin: 'https://elevate.example.com/app',
          domainName: undefined,
          certificateArn: undefined,
        }),
      ),
    ).toEqual([
      'spa.origin: must be an origin like https://elevate.example.com (no path, no trailing slash)',
    ]);
    expect(
      issuesFor(withSpa({ certificateArn: 'arn:aws:acm:eu-west-1:999999999999:certificate/abc' })),
    ).toEqual([
      'spa.certificateArn: expected an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from us-east-1)',
    ]);
    expect(issuesFor(withSpa({ origin: 'https://other.example.com' }))).toEqual([
      'spa.origin: must be https://elevate.example.com when spa.domainName is set',
    ]);
    expect(issuesFor(withSpa({ certificateArn: undefined }))).toEqual([
      'spa.certificateArn: spa.domainName and spa.certificateArn go together: give both or neither',
    ]);
    expect(issuesFor({ ...example, sts: { regions: [] } })).toEqual([
      'sts.regions: list at least one region',
    ]);
    expect(issuesFor({ ...example, logs: { retentionDays: 42 } })[0]).toMatch(
      /^logs\.retentionDays: expected one of CloudWatch Logs' retention periods: 1, 3, 5/,
    );
    const recipients = (...list: unknown[]) => ({
      ...example,
      notifications: { recipients: list },
    });
    expect(issuesFor(recipients({ email: 'not-an-address', audience: 'reviewers' }))).toEqual([
      'notifications.recipients.0.email: expected an e-mail address',
    ]);
    expect(issuesFor(recipients({ email: 'a@example.com', audience: 'everyone' }))[0]).toMatch(
      /^notifications\.recipients\.0\.audience: /,
    );
    expect(
      issuesFor(
        recipients({ email: 'a@example.com', audience: 'security', reviewerGroups: ['x'] }),
      ),
    ).toEqual([
      'notifications.recipients.0.reviewerGroups: only a reviewers recipient can be narrowed to reviewer groups',
    ]);
    expect(
      issuesFor(
        recipients(
          { email: 'ops@example.com', audience: 'reviewers' },
          { email: 'OPS@example.com', audience: 'security' },
        ),
      )[0],
    ).toMatch(/^notifications\.recipients\.1\.email: each address subscribes once/);
    // The old unfiltered list is refused with a pointer to its replacement.
    expect(issuesFor({ ...example, notifications: { emails: ['a@example.com'] } })).toEqual([
      'notifications.emails: replaced by notifications.recipients: give each address an audience (reviewers, security or requester)',
    ]);
    expect(issuesFor({ ...example, surprise: true })[0]).toMatch(/surprise/);
  });

  it('reports a missing file and broken YAML as problems with the whole file', () => {
    expect(() => loadDeployConfig(join(dir, 'missing.yaml'))).toThrow(
      /Invalid deploy config .*missing\.yaml:\n {2}- \(the whole file\): cannot be read/,
    );
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'idp: [unclosed\n');
    expect(() => loadDeployConfig(broken)).toThrow(/\(the whole file\): is not valid YAML/);
  });
});

describe('synth with an invalid deploy config', () => {
  it('fails with a message naming the file and the field, and no stack trace', () => {
    const file = join(dir, 'invalid.yaml');
    writeFileSync(file, stringify(withIdp({ clientId: '' })));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: resolve(REPO_ROOT, 'infra'),
      env: {
        ...process.env,
        CDK_CONTEXT_JSON: JSON.stringify({ config: file }),
        CDK_OUTDIR: join(dir, 'out'),
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `Invalid deploy config ${file}:\n  - idp.clientId: must not be empty\n`,
    );
  }, 60_000);
});
