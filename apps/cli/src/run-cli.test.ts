import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ApiProblem, type ApiProblemCode } from '@elevate/client';
import {
  cacheFile,
  readCachedCredentials,
  writeCachedCredentials,
} from './credentials/credential-cache';
import { EXIT } from './exit-codes';
import { runCli } from './run-cli';
import { config, fakeContext, me, NOW, requestView } from './testing/fake-context';

const problem = (status: number, code: ApiProblemCode, detail = 'No.') =>
  new ApiProblem({ status, code, title: 'Refused', detail });

const openWindow = requestView({
  id: 'req-open',
  status: 'APPROVED',
  phase: 'active',
  window: { startsAt: '2030-01-01T08:00:00.000Z', endsAt: '2030-01-01T11:00:00.000Z' },
});

const cliSession = {
  kind: 'cli',
  region: 'eu-west-1',
  expiresAt: '2030-01-01T10:00:00.000Z',
  credentials: {
    accessKeyId: 'test-access-key-id',
    secretAccessKey: 'secret/key+value',
    sessionToken: 'session-token-value',
    expiration: '2030-01-01T10:00:00.000Z',
  },
};

const COMMANDS = [
  'configure',
  'login',
  'logout',
  'whoami',
  'request',
  'ls',
  'show',
  'cancel',
  'end',
  'extend',
  'pending',
  'approve',
  'reject',
  'credential-process',
  'exec',
  'env',
  'console',
  'completion',
];

describe('elevate: arguments and exit codes', () => {
  it.each(COMMANDS)('%s --help prints its usage and exits 0', async (command) => {
    const { ctx, written, write } = fakeContext();
    expect(await runCli([command, '--help'], ctx, write)).toBe(EXIT.ok);
    expect(written.join('')).toContain(`Usage: elevate ${command}`);
  });

  it('lists exit codes in the top-level help', async () => {
    const { ctx, written, write } = fakeContext();
    expect(await runCli(['--help'], ctx, write)).toBe(EXIT.ok);
    expect(written.join('')).toContain('5  no open window');
  });

  it.each([
    [['frobnicate']],
    [['request', '--account', 'production', '--role', 'ReadOnly']],
    [
      [
        'request',
        '--account',
        'production',
        '--role',
        'ReadOnly',
        '--reason',
        'x',
        '--duration',
        '2 days',
      ],
    ],
    [
      [
        'request',
        '--account',
        'production',
        '--role',
        'ReadOnly',
        '--reason',
        'x',
        '--start',
        'tomorrow',
      ],
    ],
    [['request', '--account', 'production', '--role', 'ReadOnly', '--reason', '  ']],
    [['reject', 'req-1']],
    [['credential-process', '--account', 'production']],
    [['env', '--account', 'production', '--role', 'ReadOnly', '--region', 'mars-1']],
    [['show']],
    [['configure']],
  ])('refuses %j as a usage error (exit 2) without calling the API', async (argv) => {
    const { ctx, calls, write } = fakeContext();
    expect(await runCli(argv, ctx, write)).toBe(EXIT.usage);
    expect(calls).toEqual([]);
  });

  it('says how to configure when there is no configuration (exit 3)', async () => {
    const { ctx, ui } = fakeContext();
    ctx.config = async () => {
      const { CliError } = await import('./exit-codes');
      throw new CliError(
        'Elevate is not configured — run: elevate configure --url https://…',
        EXIT.notSignedIn,
      );
    };
    expect(await runCli(['login'], ctx)).toBe(EXIT.notSignedIn);
    expect(ui.stderr.join('\n')).toContain('elevate: Elevate is not configured');
  });

  it.each<[number, ApiProblemCode, number, string]>([
    [401, 'TOKEN_EXPIRED', EXIT.notSignedIn, 'run: elevate login'],
    [403, 'NOT_ELIGIBLE', EXIT.refused, 'Refused: No.'],
    [404, 'NOT_FOUND', EXIT.refused, 'Refused'],
    [409, 'INVALID_STATE', EXIT.refused, 'Refused'],
    [500, 'INTERNAL', EXIT.failure, 'Refused'],
    [0, 'network_error', EXIT.failure, 'Refused'],
  ])('maps an API %i %s to exit %i with one line', async (status, code, exit, text) => {
    const { ctx, ui } = fakeContext({
      getRequest: () => {
        throw problem(status, code);
      },
    });
    expect(await runCli(['show', 'req-1'], ctx)).toBe(exit);
    expect(ui.stderr).toHaveLength(1);
    expect(ui.stderr[0]).toContain(text);
  });

  it('says a code from a newer API in its own words, quoting the code, and exits by status', async () => {
    const { ctx, ui } = fakeContext({
      getRequest: () => {
        throw new ApiProblem(
          { status: 422, code: 'unknown_code', title: 'Refused', detail: 'Not on Sundays.' },
          undefined,
          'NOT_ON_SUNDAYS',
        );
      },
    });
    expect(await runCli(['show', 'req-1'], ctx)).toBe(EXIT.refused);
    expect(ui.stderr[0]).toContain('Refused: Not on Sundays.');
    expect(ui.stderr[0]).toContain(
      'a code this CLI does not know (NOT_ON_SUNDAYS); update the CLI',
    );
  });
});

describe('elevate: commands and their output', () => {
  it('whoami prints identity and what I may request, or JSON', async () => {
    const { ctx, ui } = fakeContext();
    expect(await runCli(['whoami'], ctx)).toBe(0);
    expect(ui.stdout.join('\n')).toContain('Alice Requester <alice@example.com>');
    expect(ui.stdout.join('\n')).toContain(
      'production (333333333333) / ReadOnly  up to 240 min, 1 approval',
    );
    const json = fakeContext();
    await runCli(['whoami', '--json'], json.ctx);
    expect(JSON.parse(json.ui.stdout.join(''))).toEqual(me);
  });

  it('request resolves the account name, sends the body and prints the id', async () => {
    const { ctx, ui, calls } = fakeContext({ createRequest: () => requestView() });
    const code = await runCli(
      [
        'request',
        '--account',
        'production',
        '--role',
        'ReadOnly',
        '--reason',
        'Look at the deploy logs',
        '--duration',
        '1h30m',
        '--ticket',
        'OPS-1',
        '--start',
        '+30m',
        '--break-glass',
      ],
      ctx,
    );
    expect(code).toBe(0);
    expect(calls.find((c) => c.operation === 'createRequest')?.input.body).toEqual({
      accountId: '333333333333',
      roleName: 'ReadOnly',
      justification: 'Look at the deploy logs',
      ticket: 'OPS-1',
      durationMinutes: 90,
      scheduledStart: new Date(NOW + 30 * 60_000).toISOString(),
      breakGlass: true,
    });
    expect(ui.stdout).toEqual(['req-1']);
  });

  it('request names the accounts I may request when the name is unknown (exit 4)', async () => {
    const { ctx, ui } = fakeContext();
    expect(
      await runCli(['request', '--account', 'prod', '--role', 'ReadOnly', '--reason', 'x'], ctx),
    ).toBe(EXIT.refused);
    expect(ui.stderr.join('')).toContain('accounts you may request: production');
  });

  it('request --wait shows the status until approved (exit 0) or rejected (exit 6)', async () => {
    let polls = 0;
    const approved = fakeContext({
      createRequest: () => requestView(),
      getRequest: () =>
        ++polls < 3
          ? requestView()
          : {
              ...openWindow,
              id: 'req-1',
              decisions: [
                {
                  approver: { sub: 'r', email: 'rita@example.com', name: 'Rita' },
                  decision: 'APPROVE',
                  at: '2030-01-01T09:00:00Z',
                },
              ],
            },
    });
    expect(
      await runCli(
        ['request', '--account', 'production', '--role', 'ReadOnly', '--reason', 'x', '--wait'],
        approved.ctx,
      ),
    ).toBe(0);
    expect(approved.ui.stderr.join('\n')).toContain('Waiting for approval of req-1: 0/1 approvals');
    expect(approved.ui.stderr.join('\n')).toContain('Approved by rita@example.com');
    const rejected = fakeContext({
      createRequest: () => requestView(),
      getRequest: () => requestView({ status: 'REJECTED' }),
    });
    expect(
      await runCli(
        ['request', '--account', '333333333333', '--role', 'ReadOnly', '--reason', 'x', '--wait'],
        rejected.ctx,
      ),
    ).toBe(EXIT.notApproved);
    expect(rejected.ui.stderr.join('\n')).toContain('Request req-1 is rejected');
  });

  it('ls prints a table with time left, or JSON', async () => {
    const page = { items: [openWindow, requestView({ id: 'req-2' })] };
    const { ctx, ui } = fakeContext({ listMyRequests: () => page });
    expect(await runCli(['ls'], ctx)).toBe(0);
    expect(ui.stdout[0]).toMatch(/^ID\s+ACCOUNT\s+ROLE\s+STATUS\s+WINDOW$/);
    expect(ui.stdout[1]).toMatch(
      /^req-open\s+production \(333333333333\)\s+ReadOnly\s+Active\s+2 hours left$/,
    );
    expect(ui.stdout[2]).toMatch(/Pending approval\s+0\/1 approvals$/);
    // Statuses in words, never the enum a script passes to --status.
    expect(ui.stdout.join('\n')).not.toMatch(/\b(APPROVED|PENDING)\b/);
    const json = fakeContext({ listMyRequests: () => page });
    await runCli(['ls', '--json', '--status', 'approved'], json.ctx);
    expect(JSON.parse(json.ui.stdout.join(''))).toEqual(page);
    expect(json.calls[0]?.input.query).toEqual({ limit: 25, status: 'APPROVED' });
  });

  it('show, cancel, end, pending, approve and reject call their operation', async () => {
    const cases: [string[], string, unknown][] = [
      [['show', 'req-1'], 'getRequest', { id: 'req-1' }],
      [['cancel', 'req-1'], 'cancelRequest', { id: 'req-1', body: {} }],
      [
        ['end', 'req-1', '--comment', 'done'],
        'endRequest',
        { id: 'req-1', body: { comment: 'done' } },
      ],
      [['pending'], 'listPendingReviews', { query: { limit: 100 } }],
      [['approve', 'req-1'], 'approveRequest', { id: 'req-1', body: {} }],
      [
        ['reject', 'req-1', '--comment', 'not now'],
        'rejectRequest',
        { id: 'req-1', body: { comment: 'not now' } },
      ],
    ];
    for (const [argv, operation, input] of cases) {
      const { ctx, calls } = fakeContext({
        [operation]: () => (operation === 'listPendingReviews' ? { items: [] } : requestView()),
      });
      expect(await runCli(argv, ctx), argv.join(' ')).toBe(0);
      expect(calls[0]).toEqual({ operation, input });
    }
  });

  it('end forgets cached credentials of that request', async () => {
    const { ctx } = fakeContext({ endRequest: () => requestView({ status: 'ENDED' }) });
    const file = cacheFile(ctx.env.cacheDir, config.apiUrl, 'production', 'ReadOnly');
    await writeCachedCredentials(file, {
      accountId: '333333333333',
      roleName: 'ReadOnly',
      requestId: 'req-1',
      region: 'eu-west-1',
      accessKeyId: 'A',
      secretAccessKey: 'S',
      sessionToken: 'T',
      expiresAt: '2030-01-01T10:00:00.000Z',
      windowEndsAt: '2030-01-01T11:00:00.000Z',
      checkedAt: NOW,
    });
    expect(await runCli(['end', 'req-1'], ctx)).toBe(0);
    expect(await readCachedCredentials(file)).toBeUndefined();
  });
});

describe('elevate credential-process', () => {
  it('prints Version 1 JSON for the open window and caches it 0600', async () => {
    const { ctx, ui, calls } = fakeContext({
      listOpenWindows: () => ({ items: [openWindow] }),
      startSession: () => cliSession,
    });
    expect(
      await runCli(['credential-process', '--account', 'production', '--role', 'ReadOnly'], ctx),
    ).toBe(0);
    expect(JSON.parse(ui.stdout.join(''))).toEqual({
      Version: 1,
      AccessKeyId: 'test-access-key-id',
      SecretAccessKey: 'secret/key+value',
      SessionToken: 'session-token-value',
      Expiration: '2030-01-01T10:00:00.000Z',
    });
    expect(calls.find((c) => c.operation === 'listOpenWindows')?.input.query).toEqual({
      accountId: '333333333333',
      roleName: 'ReadOnly',
    });
    const file = cacheFile(ctx.env.cacheDir, config.apiUrl, 'production', 'ReadOnly');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(ui.stderr).toEqual([]);
    // A second call is answered by the cache.
    const again = await runCli(
      ['credential-process', '--account', 'production', '--role', 'ReadOnly'],
      ctx,
    );
    expect(again).toBe(0);
    expect(calls.filter((c) => c.operation === 'startSession')).toHaveLength(1);
  });

  it('without an open window exits 5 with one line that says what to do', async () => {
    const { ctx, ui } = fakeContext({ listOpenWindows: () => ({ items: [] }) });
    expect(
      await runCli(['credential-process', '--account', 'production', '--role', 'ReadOnly'], ctx),
    ).toBe(EXIT.noOpenWindow);
    expect(ui.stdout).toEqual([]);
    expect(ui.stderr).toEqual([
      'elevate: no open window for production / ReadOnly — run: elevate request --account production --role ReadOnly --reason "…"',
    ]);
  });

  it('says the same when the window closes between looking and asking', async () => {
    const { ctx, ui } = fakeContext({
      listOpenWindows: () => ({ items: [openWindow] }),
      startSession: () => {
        throw problem(409, 'WINDOW_OVER');
      },
    });
    expect(
      await runCli(['credential-process', '--account', 'production', '--role', 'ReadOnly'], ctx),
    ).toBe(EXIT.noOpenWindow);
    expect(ui.stderr[0]).toContain('no open window for production / ReadOnly');
  });

  it('env prints export lines for bash, fish and PowerShell without a trailing secret elsewhere', async () => {
    for (const [shell, marker] of [
      ['bash', "export AWS_SECRET_ACCESS_KEY='secret/key+value'"],
      ['zsh', 'export AWS_SESSION_TOKEN='],
      ['fish', 'set -gx AWS_ACCESS_KEY_ID'],
      ['powershell', '$Env:AWS_ACCESS_KEY_ID'],
    ] as const) {
      const { ctx, ui } = fakeContext({
        listOpenWindows: () => ({ items: [openWindow] }),
        startSession: () => cliSession,
      });
      expect(
        await runCli(
          ['env', '--account', 'production', '--role', 'ReadOnly', '--shell', shell],
          ctx,
        ),
      ).toBe(0);
      expect(ui.stdout.join('\n')).toContain(marker);
      expect(ui.stderr).toEqual([]);
    }
  });

  it('console opens the browser and never prints the URL unless asked with --print', async () => {
    const url = 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=secret';
    const handlers = {
      listOpenWindows: () => ({ items: [openWindow] }),
      startSession: () => ({ kind: 'console', url, expiresAt: '2030-01-01T10:00:00.000Z' }),
    };
    const opened = fakeContext(handlers);
    expect(await runCli(['console', '--destination', '/s3/home'], opened.ctx)).toBe(0);
    expect(opened.openBrowser).toHaveBeenCalledWith(url);
    expect([...opened.ui.stdout, ...opened.ui.stderr].join('\n')).not.toContain('SigninToken');
    expect(opened.calls.find((c) => c.operation === 'startSession')?.input).toEqual({
      id: 'req-open',
      body: { kind: 'console', destination: '/s3/home' },
    });
    const printed = fakeContext(handlers);
    expect(await runCli(['console', '--print'], printed.ctx)).toBe(0);
    expect(printed.ui.stdout).toEqual([url]);
    expect(printed.openBrowser).not.toHaveBeenCalled();
  });
});

describe('elevate configure and completion', () => {
  it('configure reads config.json and keeps issuer, client and API in a 0600 file', async () => {
    const { ctx } = fakeContext();
    ctx.fetch = (async () =>
      Response.json({
        authority: 'https://idp.test',
        clientId: 'web',
        apiUrl: 'https://api.test',
        nativeClientId: 'cli',
      })) as typeof fetch;
    expect(await runCli(['configure', '--url', 'https://elevate.test/some/page'], ctx)).toBe(0);
    const file = `${ctx.env.configDir}/config.json`;
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      url: 'https://elevate.test',
      issuer: 'https://idp.test',
      clientId: 'cli',
      apiUrl: 'https://api.test',
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('configure says what is missing when the deployment names no CLI client (exit 1)', async () => {
    const { ctx, ui } = fakeContext();
    ctx.fetch = (async () =>
      Response.json({
        authority: 'https://idp.test',
        clientId: 'web',
        apiUrl: 'https://api.test',
      })) as typeof fetch;
    expect(await runCli(['configure', '--url', 'https://elevate.test'], ctx)).toBe(EXIT.failure);
    expect(ui.stderr[0]).toContain('names no CLI client');
  });

  it('configure profiles writes one profile per account × role between markers', async () => {
    const { ctx, ui } = fakeContext();
    expect(
      await runCli(['configure', 'profiles', '--command', 'elevate', '--region', 'eu-west-1'], ctx),
    ).toBe(0);
    const text = await readFile(ctx.env.awsConfigFile, 'utf8');
    expect(text).toContain(
      '[profile elevate-production-ReadOnly]\ncredential_process = elevate credential-process --account production --role ReadOnly\nregion = eu-west-1',
    );
    expect(ui.stdout).toEqual(['elevate-production-ReadOnly']);
  });

  it.each(['bash', 'zsh'])('completion %s names every command', async (shell) => {
    const { ctx, written, write } = fakeContext();
    expect(await runCli(['completion', shell], ctx, write)).toBe(0);
    const script = written.join('');
    expect(script).toContain('complete -F _elevate_complete elevate');
    for (const command of COMMANDS) expect(script).toContain(command);
    expect(script).toContain('"configure") words="profiles --url');
  });

  it('completion for another shell is a usage error', async () => {
    const { ctx, write } = fakeContext();
    expect(await runCli(['completion', 'tcsh'], ctx, write)).toBe(EXIT.usage);
  });
});

describe('elevate credential-process, rechecking the window', () => {
  const cached = {
    accountId: '333333333333',
    accountName: 'production',
    roleName: 'ReadOnly',
    requestId: 'req-open',
    region: 'eu-west-1',
    accessKeyId: 'cached-access-key-id',
    secretAccessKey: 'cached-secret',
    sessionToken: 'cached-token',
    expiresAt: '2030-01-01T10:00:00.000Z',
    windowEndsAt: '2030-01-01T11:00:00.000Z',
    checkedAt: NOW - 120_000,
  };

  it('keeps answering from the cache while Elevate is unreachable', async () => {
    const { ctx, ui } = fakeContext({
      getRequest: () => {
        throw problem(0, 'network_error');
      },
    });
    await writeCachedCredentials(
      cacheFile(ctx.env.cacheDir, config.apiUrl, 'production', 'ReadOnly'),
      cached,
    );
    expect(
      await runCli(['credential-process', '--account', 'production', '--role', 'ReadOnly'], ctx),
    ).toBe(0);
    expect(JSON.parse(ui.stdout.join('')).AccessKeyId).toBe('cached-access-key-id');
  });

  it('drops the cache and says so when the window was revoked', async () => {
    const { ctx, ui } = fakeContext({
      getRequest: () => ({ ...openWindow, status: 'REVOKED', phase: null }),
      listOpenWindows: () => ({ items: [] }),
    });
    const file = cacheFile(ctx.env.cacheDir, config.apiUrl, 'production', 'ReadOnly');
    await writeCachedCredentials(file, cached);
    expect(
      await runCli(['credential-process', '--account', 'production', '--role', 'ReadOnly'], ctx),
    ).toBe(EXIT.noOpenWindow);
    expect(ui.stdout).toEqual([]);
    expect(await readCachedCredentials(file)).toBeUndefined();
  });
});
