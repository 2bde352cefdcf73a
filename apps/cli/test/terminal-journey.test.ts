import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '@elevate/testing/personas';
import { approveDeviceCode, completeBrowserSignIn } from './device-approval';
import { startLocalStack, type LocalStack } from './local-stack';
import { ELEVATE_BIN, runElevate, startElevate, startProcess, type Finished } from './run-elevate';

const AWS_CLI = '/usr/bin/aws';
const cliDir = fileURLToPath(new URL('..', import.meta.url));
const SUBS = { alice: personas.alice.sub, rita: personas.rita.sub } as const;

let stack: LocalStack;
let home: string;
/** Stops the stack once it has started; a failed start leaves nothing to stop. */
let stopStack = async (): Promise<void> => {};

/** Each persona has its own configuration, tokens and cache, like two people on two laptops. */
function envOf(who: keyof typeof SUBS, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: join(home, who),
    ELEVATE_CONFIG_DIR: join(home, who, 'config'),
    ELEVATE_CACHE_DIR: join(home, who, 'cache'),
    ELEVATE_TOKEN_STORE: 'file',
    ELEVATE_NO_BROWSER: '1',
    ELEVATE_POLL_SECONDS: '0.2',
    AWS_CONFIG_FILE: join(home, who, 'aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, who, 'aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...extra,
  };
}

/** Rita signs in the desktop way: PKCE with a loopback redirect, the browser played over HTTP. */
async function signInWithBrowser(who: keyof typeof SUBS): Promise<Finished> {
  const login = startElevate(['login'], envOf(who));
  const [, url] = await login.waitForStderr(/visit:\s+(\S+)/);
  expect(url).toContain('code_challenge_method=S256');
  expect(url).toMatch(/redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fcallback/);
  await completeBrowserSignIn(stack.issuer, url ?? '', SUBS[who]);
  return login.done;
}

async function signIn(who: keyof typeof SUBS): Promise<Finished> {
  const login = startElevate(['login', '--device'], envOf(who));
  const [, code] = await login.waitForStderr(/enter the code\s+(\S+)/);
  await approveDeviceCode(stack.issuer, code ?? '', SUBS[who]);
  return login.done;
}

function aws(profile: string, who: keyof typeof SUBS, extra: NodeJS.ProcessEnv = {}) {
  return startProcess(
    AWS_CLI,
    [
      'sts',
      'get-caller-identity',
      '--profile',
      profile,
      '--endpoint-url',
      stack.stsEndpoint,
      '--region',
      stack.region,
      '--output',
      'json',
    ],
    envOf(who, extra),
  ).done;
}

const allOutput: string[] = [];
const record = (result: Finished): Finished => {
  allOutput.push(result.stdout, result.stderr);
  return result;
};

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: cliDir });
  home = await mkdtemp(join(tmpdir(), 'elevate-cli-'));
  stack = await startLocalStack(join(home, 'idp'));
  stopStack = () => stack.close();
});

afterAll(async () => {
  await stopStack();
  await rm(home, { recursive: true, force: true });
});

describe('the engineer’s terminal, against the local stack and the real AWS CLI v2', () => {
  let requestId = '';

  it('configures from the deployment’s config.json and signs in with the device grant, or PKCE and a loopback redirect', async () => {
    for (const who of ['alice', 'rita'] as const) {
      const configured = record(await runElevate(['configure', '--url', stack.webUrl], envOf(who)));
      expect(configured.code, configured.stderr).toBe(0);
      const login = record(await (who === 'alice' ? signIn(who) : signInWithBrowser(who)));
      expect(login.code, login.stderr).toBe(0);
      expect(login.stderr).toMatch(/Signed in as .* \(tokens kept in the owner-only token file\)/);
    }
    const whoami = record(await runElevate(['whoami', '--json'], envOf('alice')));
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ email: 'alice@example.com' });
  });

  it('keeps tokens in a 0600 file in a 0700 folder', async () => {
    const dir = join(home, 'alice', 'config', 'tokens');
    const [file] = await readdir(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, file ?? ''))).mode & 0o777).toBe(0o600);
  });

  it('writes credential_process profiles for what alice may request, leaving other profiles alone', async () => {
    await writeFile(envOf('alice').AWS_CONFIG_FILE ?? '', '[profile mine]\nregion = us-east-1\n', {
      flag: 'w',
    }).catch(async () => {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(home, 'alice', 'aws'), { recursive: true });
      await writeFile(envOf('alice').AWS_CONFIG_FILE ?? '', '[profile mine]\nregion = us-east-1\n');
    });
    const written = record(
      await runElevate(
        ['configure', 'profiles', '--command', `${process.execPath} ${ELEVATE_BIN}`],
        envOf('alice'),
      ),
    );
    expect(written.code, written.stderr).toBe(0);
    const config = await readFile(envOf('alice').AWS_CONFIG_FILE ?? '', 'utf8');
    expect(config).toContain('[profile mine]\nregion = us-east-1');
    expect(config).toContain('[profile elevate-sandbox-ReadOnly]');
    expect(config).toContain('credential-process --account sandbox --role ReadOnly');
  });

  it('fails through the AWS CLI with one line that says what to do while there is no open window', async () => {
    const result = record(await aws('elevate-sandbox-ReadOnly', 'alice'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'no open window for sandbox / ReadOnly — run: elevate request --account sandbox --role ReadOnly --reason "…"',
    );
  });

  it('request --wait returns 0 once a reviewer approves', async () => {
    const wait = startElevate(
      [
        'request',
        '--account',
        'sandbox',
        '--role',
        'ReadOnly',
        '--reason',
        'Check the deploy logs',
        '--duration',
        '1h',
        '--wait',
      ],
      envOf('alice'),
    );
    await wait.waitForStderr(/Waiting for approval/);
    requestId = wait.stdout().trim();
    const pending = record(await runElevate(['pending', '--json'], envOf('rita')));
    expect(JSON.parse(pending.stdout).items.map((r: { id: string }) => r.id)).toContain(requestId);
    const approved = record(
      await runElevate(['approve', requestId, '--comment', 'ok'], envOf('rita')),
    );
    expect(approved.code, approved.stderr).toBe(0);
    const done = record(await wait.done);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toMatch(/Approved by rita@example.com/);
  });

  it('runs aws sts get-caller-identity through credential_process, caching credentials in a 0600 file', async () => {
    const result = record(await aws('elevate-sandbox-ReadOnly', 'alice'));
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      Account: '111111111111',
      Arn: expect.stringContaining(':assumed-role/ReadOnly/'),
    });
    const dir = join(home, 'alice', 'cache', 'credentials');
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect((await stat(join(dir, files[0] ?? ''))).mode & 0o777).toBe(0o600);
  });

  it('renews by itself once the cached credentials have expired', async () => {
    const dir = join(home, 'alice', 'cache', 'credentials');
    const file = join(dir, (await readdir(dir))[0] ?? '');
    const before = JSON.parse(await readFile(file, 'utf8')) as {
      accessKeyId: string;
      expiresAt: string;
    };
    // The clock the cache is read by: its credentials expired a second ago.
    await writeFile(
      file,
      JSON.stringify({ ...before, expiresAt: new Date(Date.now() - 1000).toISOString() }),
    );
    const result = record(await aws('elevate-sandbox-ReadOnly', 'alice'));
    expect(result.code, result.stderr).toBe(0);
    const after = JSON.parse(await readFile(file, 'utf8')) as {
      accessKeyId: string;
      expiresAt: string;
    };
    expect(after.accessKeyId).not.toBe(before.accessKeyId);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('exec and env hand the same credentials to a command', async () => {
    const exec = record(
      await runElevate(
        [
          'exec',
          '--account',
          'sandbox',
          '--role',
          'ReadOnly',
          '--',
          'sh',
          '-c',
          'echo "$AWS_ACCESS_KEY_ID $AWS_REGION"',
        ],
        envOf('alice'),
      ),
    );
    expect(exec.code, exec.stderr).toBe(0);
    expect(exec.stdout).toMatch(/^ASIA\w+ eu-west-1\n$/);
    const env = record(
      await runElevate(
        ['env', '--account', 'sandbox', '--role', 'ReadOnly', '--shell', 'fish'],
        envOf('alice'),
      ),
    );
    expect(env.stdout).toContain('set -gx AWS_ACCESS_KEY_ID');
  });

  it('refuses with the one-line message once a reviewer revokes the window', async () => {
    const revoke = record(await runElevate(['show', requestId, '--json'], envOf('rita')));
    expect(JSON.parse(revoke.stdout).allowedActions).toContain('revoke');
    // No `elevate revoke` command: reviewers revoke in the SPA; here through the API as Rita.
    const { createElevateClient } = await import('@elevate/client');
    const tokensDir = join(home, 'rita', 'config', 'tokens');
    const tokens = JSON.parse(
      await readFile(join(tokensDir, (await readdir(tokensDir))[0] ?? ''), 'utf8'),
    );
    await createElevateClient({ baseUrl: stack.apiUrl, getTokens: async () => tokens }).call(
      'revokeRequest',
      {
        id: requestId,
        body: { comment: 'done here' },
      },
    );
    const result = record(
      await aws('elevate-sandbox-ReadOnly', 'alice', { ELEVATE_RECHECK_SECONDS: '0' }),
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('no open window for sandbox / ReadOnly — run: elevate request');
  });

  it('refuses after the window ends early too, and forgets the cached credentials', async () => {
    const req = record(
      await runElevate(
        [
          'request',
          '--account',
          'staging',
          '--role',
          'ReadOnly',
          '--reason',
          'Staging smoke test',
          '--json',
        ],
        envOf('alice'),
      ),
    );
    const id = (JSON.parse(req.stdout) as { id: string }).id;
    expect(record(await runElevate(['approve', id], envOf('rita'))).code).toBe(0);
    expect(record(await aws('elevate-staging-ReadOnly', 'alice')).code).toBe(0);
    const ended = record(await runElevate(['end', id], envOf('alice')));
    expect(ended.code, ended.stderr).toBe(0);
    const result = record(await aws('elevate-staging-ReadOnly', 'alice'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('no open window for staging / ReadOnly');
  });

  it('never printed a token or a secret key outside credential_process answers', async () => {
    const tokensDir = join(home, 'alice', 'config', 'tokens');
    const tokens = JSON.parse(
      await readFile(join(tokensDir, (await readdir(tokensDir))[0] ?? ''), 'utf8'),
    );
    const text = allOutput.join('\n');
    expect(text).not.toContain(tokens.accessToken);
    expect(text).not.toContain(tokens.idToken);
    expect(text).not.toContain(tokens.refreshToken);
  });

  it('logout revokes, forgets tokens and cached credentials', async () => {
    const out = record(await runElevate(['logout'], envOf('alice')));
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/Signed out \(refresh token revoked\)/);
    expect(await readdir(join(home, 'alice', 'config', 'tokens'))).toEqual([]);
    const whoami = await runElevate(['whoami'], envOf('alice'));
    expect(whoami.code).toBe(3);
    expect(whoami.stderr).toContain('You are not signed in — run: elevate login');
  });
});
