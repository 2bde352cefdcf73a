import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { renderCliCredentials } from '@elevate/contracts';
import type { IssueCredentialsInput, IssuedCredentials } from '@elevate/domain';
import {
  CredentialIssueError,
  roleSessionNameFor,
  sessionPlanFor,
  sessionTagsFor,
  sourceIdentityFor,
} from '@elevate/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StsAttempt, StsCredentialIssuerOptions } from './sts-credential-issuer';
import { StsCredentialIssuer, regionalStsEndpoint } from './sts-credential-issuer';
import type { FakeEndpoint } from './testing/local-sts';
import {
  devSts,
  principalKeys,
  startErrorEndpoint,
  startLocalSts,
  startSilentEndpoint,
} from './testing/local-sts';

const ACCOUNT = '111111111111';
const alice = { email: 'alice@example.com' };
const [PRIMARY = 'eu-west-1', SECONDARY = 'eu-central-1'] = devSts().regions;

const inputFor = (
  roleName: string,
  overrides: Partial<IssueCredentialsInput> = {},
): IssueCredentialsInput => ({
  roleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
  roleSessionName: roleSessionNameFor(alice, roleName),
  sourceIdentity: sourceIdentityFor(alice),
  tags: sessionTagsFor({ id: 'req-42', ticket: 'OPS-1234' }, alice),
  durationSeconds: 900,
  ...overrides,
});

const callerArn = async (
  endpoint: string,
  region: string,
  issued: IssuedCredentials,
): Promise<string | undefined> => {
  const credentials = {
    accessKeyId: issued.accessKeyId,
    secretAccessKey: issued.secretAccessKey,
    sessionToken: issued.sessionToken,
  };
  const client = new STSClient({ region, endpoint, credentials, maxAttempts: 1 });
  try {
    return (await client.send(new GetCallerIdentityCommand({}))).Arn;
  } finally {
    client.destroy();
  }
};

const issueError = async (promise: Promise<unknown>): Promise<CredentialIssueError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CredentialIssueError) return error;
    throw error;
  }
  throw new Error('expected a CredentialIssueError');
};

describe('StsCredentialIssuer against the STS emulator', () => {
  const toClose: (() => Promise<void> | void)[] = [];
  const logLines: string[] = [];
  let emulator: Awaited<ReturnType<typeof startLocalSts>>;

  const issuerWith = (options: Partial<StsCredentialIssuerOptions> = {}): StsCredentialIssuer => {
    const issuer = new StsCredentialIssuer({
      regions: [PRIMARY, SECONDARY],
      endpoints: emulator.endpoints,
      credentials: principalKeys('broker'),
      ...options,
    });
    toClose.push(() => issuer.destroy());
    return issuer;
  };

  beforeAll(async () => {
    emulator = await startLocalSts((line) => logLines.push(line));
  });
  afterEach(async () => {
    for (const close of toClose.splice(0)) await close();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('issues credentials that STS knows as the person: assumed-role/<role>/<session name>', async () => {
    const issued = await issuerWith().issue(inputFor('ReadOnly'));
    const expected = `arn:aws:sts::${ACCOUNT}:assumed-role/ReadOnly/alice@example.com-ReadOnly`;
    expect(issued.region).toBe(PRIMARY);
    expect(issued.assumedRoleArn).toBe(expected);
    expect(await callerArn(emulator.endpoints[PRIMARY] ?? '', PRIMARY, issued)).toBe(expected);
    expect(Date.parse(issued.expiration) - Date.now()).toBeGreaterThan(880_000);
    expect(Date.parse(issued.expiration) - Date.now()).toBeLessThanOrEqual(900_000);
  });

  it('sends the deny-after session policy and a shortened, hashed session name that STS accepts', async () => {
    const now = new Date().toISOString();
    const plan = sessionPlanFor({
      now,
      window: { startsAt: now, endsAt: new Date(Date.now() + 600_000).toISOString() },
      configuredSessionSeconds: 3600,
    });
    if (!plan.ok) throw new Error(plan.error.code);
    const longEmail = { email: 'firstname.middlename.lastname.department@subsidiary.example.com' };
    const issued = await issuerWith().issue(
      inputFor('Administrator', {
        roleSessionName: roleSessionNameFor(longEmail, 'Administrator'),
        sourceIdentity: sourceIdentityFor(longEmail),
        durationSeconds: plan.value.durationSeconds,
        ...(plan.value.sessionPolicy === undefined
          ? {}
          : { sessionPolicy: plan.value.sessionPolicy }),
      }),
    );
    expect(plan.value.sessionPolicy).toBeDefined();
    expect(issued.assumedRoleArn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/Administrator/${roleSessionNameFor(longEmail, 'Administrator')}`,
    );
  });

  it(
    'gives credentials the real AWS CLI v2 accepts, pasted as the bash snippet',
    { timeout: 20_000 },
    async (context) => {
      if (!existsSync('/usr/bin/aws')) context.skip();
      const issued = await issuerWith().issue(inputFor('PowerUser'));
      const snippet = renderCliCredentials(issued, PRIMARY, 'elevate-test').bash;
      const endpoint = emulator.endpoints[PRIMARY] ?? '';
      const { stdout } = await promisify(execFile)(
        'bash',
        [
          '-c',
          `${snippet}/usr/bin/aws sts get-caller-identity --endpoint-url '${endpoint}' --output json`,
        ],
        {
          env: {
            PATH: '/usr/bin:/bin',
            HOME: '/nonexistent',
            AWS_CONFIG_FILE: '/dev/null',
            AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          },
        },
      );
      expect(JSON.parse(stdout)).toMatchObject({
        Account: ACCOUNT,
        Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/PowerUser/alice@example.com-PowerUser`,
      });
    },
  );

  it('fails over to the next region when the primary is disabled, and names the region that answered', async () => {
    emulator.setRegionDisabled(PRIMARY, true);
    toClose.push(() => emulator.setRegionDisabled(PRIMARY, false));
    const attempts: StsAttempt[] = [];
    const issued = await issuerWith({ onAttempt: (a) => attempts.push(a) }).issue(
      inputFor('ReadOnly'),
    );
    expect(issued.region).toBe(SECONDARY);
    expect(attempts.map((a) => [a.region, a.outcome, a.code])).toEqual([
      [PRIMARY, 'retryable', 'RegionDisabledException'],
      [SECONDARY, 'issued', '-'],
    ]);
  });

  it('does not retry AccessDenied in another region', async () => {
    const attempts: StsAttempt[] = [];
    const error = await issueError(
      issuerWith({
        credentials: principalKeys('outsider'),
        onAttempt: (a) => attempts.push(a),
      }).issue(inputFor('ReadOnly')),
    );
    expect(error).toMatchObject({
      failure: 'denied',
      stsCode: 'AccessDenied',
      regionsTried: [PRIMARY],
    });
    expect(attempts).toHaveLength(1);
  });

  it('does not retry an input STS refuses', async () => {
    const error = await issueError(
      issuerWith().issue(inputFor('ReadOnly', { durationSeconds: 7200 })),
    );
    expect(error).toMatchObject({
      failure: 'invalid',
      stsCode: 'ValidationError',
      regionsTried: [PRIMARY],
    });
  });

  it('never puts a key, secret or token in an attempt report, error or emulator log line', async () => {
    const attempts: StsAttempt[] = [];
    const issued = await issuerWith({ onAttempt: (a) => attempts.push(a) }).issue(
      inputFor('ReadOnly'),
    );
    const denied = await issueError(
      issuerWith({ credentials: principalKeys('outsider') }).issue(inputFor('ReadOnly')),
    );
    const text =
      JSON.stringify(attempts) + denied.message + JSON.stringify(denied) + logLines.join('\n');
    for (const secret of [
      issued.secretAccessKey,
      issued.sessionToken,
      principalKeys('broker').secretAccessKey,
      principalKeys('outsider').secretAccessKey,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('StsCredentialIssuer failover and time bounds', () => {
  const fakes: FakeEndpoint[] = [];
  let emulator: Awaited<ReturnType<typeof startLocalSts>>;

  beforeAll(async () => {
    emulator = await startLocalSts();
  });
  afterEach(async () => {
    for (const fake of fakes.splice(0)) await fake.close();
  });
  afterAll(async () => {
    await emulator.close();
  });

  const issuerOver = (
    endpoints: Record<string, string>,
    options: Partial<StsCredentialIssuerOptions> = {},
  ) =>
    new StsCredentialIssuer({
      regions: Object.keys(endpoints),
      endpoints,
      credentials: principalKeys('broker'),
      ...options,
    });

  it.each([
    ['throttles', () => startErrorEndpoint(400, 'Throttling')],
    ['answers 503', () => startErrorEndpoint(503, 'ServiceUnavailable')],
    ['answers 500', () => startErrorEndpoint(500, 'InternalFailure')],
  ])('moves on to the next region when the primary %s', async (_label, start) => {
    const broken = await start();
    fakes.push(broken);
    const issuer = issuerOver({
      [PRIMARY]: broken.url,
      [SECONDARY]: emulator.endpoints[SECONDARY] ?? '',
    });
    const issued = await issuer.issue(inputFor('ReadOnly'));
    issuer.destroy();
    expect(issued.region).toBe(SECONDARY);
    expect(broken.hits()).toBe(1);
  });

  it('moves on when the primary hangs, after the attempt timeout', async () => {
    const silent = await startSilentEndpoint();
    fakes.push(silent);
    const attempts: StsAttempt[] = [];
    const issuer = issuerOver(
      { [PRIMARY]: silent.url, [SECONDARY]: emulator.endpoints[SECONDARY] ?? '' },
      { attemptTimeoutMs: 300, onAttempt: (a) => attempts.push(a) },
    );
    const started = performance.now();
    const issued = await issuer.issue(inputFor('ReadOnly'));
    issuer.destroy();
    expect(issued.region).toBe(SECONDARY);
    expect(attempts[0]).toMatchObject({
      region: PRIMARY,
      outcome: 'retryable',
      code: 'TimeoutError',
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('remembers a blackholed primary: ten calls cost one timeout, not ten', async () => {
    const silent = await startSilentEndpoint();
    fakes.push(silent);
    const attempts: StsAttempt[] = [];
    const issuer = issuerOver(
      { [PRIMARY]: silent.url, [SECONDARY]: emulator.endpoints[SECONDARY] ?? '' },
      { attemptTimeoutMs: 300, onAttempt: (a) => attempts.push(a) },
    );
    const started = performance.now();
    for (let call = 0; call < 10; call++)
      expect((await issuer.issue(inputFor('ReadOnly'))).region).toBe(SECONDARY);
    issuer.destroy();
    expect(attempts.filter((a) => a.region === PRIMARY)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(300 * 2 + 2000);
  });

  it('tries a remembered region again after the cool-down, and forgets it once it answers', async () => {
    let now = 0;
    const local = await startLocalSts();
    await local.stopRegion(PRIMARY);
    const attempts: StsAttempt[] = [];
    const issuer = issuerOver(
      { [PRIMARY]: local.endpoints[PRIMARY] ?? '', [SECONDARY]: local.endpoints[SECONDARY] ?? '' },
      { regionCoolDownMs: 1_000, monotonicNow: () => now, onAttempt: (a) => attempts.push(a) },
    );
    await issuer.issue(inputFor('ReadOnly'));
    await issuer.issue(inputFor('ReadOnly'));
    expect(attempts.map((a) => a.region)).toEqual([PRIMARY, SECONDARY, SECONDARY]);
    now += 1_001;
    await issuer.issue(inputFor('ReadOnly'));
    expect(attempts.at(-2)?.region).toBe(PRIMARY);
    issuer.destroy();
    await local.close();
  });

  it('still issues through the next region when the primary listener is down', async () => {
    const local = await startLocalSts();
    await local.stopRegion(PRIMARY);
    const issuer = issuerOver({
      [PRIMARY]: local.endpoints[PRIMARY] ?? '',
      [SECONDARY]: local.endpoints[SECONDARY] ?? '',
    });
    const issued = await issuer.issue(inputFor('ReadOnly'));
    issuer.destroy();
    await local.close();
    expect(issued.region).toBe(SECONDARY);
  });

  it('gives up within the total time bound when every region hangs, trying them in rounds', async () => {
    const [a, b] = [await startSilentEndpoint(), await startSilentEndpoint()];
    fakes.push(a, b);
    const issuer = issuerOver(
      { [PRIMARY]: a.url, [SECONDARY]: b.url },
      { totalTimeoutMs: 900, attemptTimeoutMs: 200, baseBackoffMs: 20 },
    );
    const started = performance.now();
    const error = await issueError(issuer.issue(inputFor('ReadOnly')));
    const elapsed = performance.now() - started;
    issuer.destroy();
    expect(error).toMatchObject({ failure: 'unavailable', stsCode: 'TimeoutError' });
    expect(error.regionsTried.slice(0, 3)).toEqual([PRIMARY, SECONDARY, PRIMARY]);
    expect(elapsed).toBeLessThan(900 + 250);
  });

  it('cuts the last attempt short so the bound holds even when one attempt could take longer', async () => {
    const silent = await startSilentEndpoint();
    fakes.push(silent);
    const issuer = issuerOver(
      { [PRIMARY]: silent.url },
      { totalTimeoutMs: 400, attemptTimeoutMs: 5000 },
    );
    const started = performance.now();
    const error = await issueError(issuer.issue(inputFor('ReadOnly')));
    issuer.destroy();
    expect(error.failure).toBe('unavailable');
    expect(performance.now() - started).toBeLessThan(400 + 250);
  });

  it('uses the regional STS endpoint of each region unless configured otherwise', () => {
    const issuer = new StsCredentialIssuer({
      regions: [PRIMARY, SECONDARY],
      endpoints: { [SECONDARY]: 'http://127.0.0.1:9101' },
    });
    expect(issuer.endpointFor(PRIMARY)).toBe(`https://sts.${PRIMARY}.amazonaws.com`);
    expect(regionalStsEndpoint('us-east-1')).toBe('https://sts.us-east-1.amazonaws.com');
    expect(issuer.endpointFor(SECONDARY)).toBe('http://127.0.0.1:9101');
  });
});
