import { describe, expect, it } from 'vitest';
import { ApiProblem, type ApiProblemCode } from '@elevate/client';
import type { ExtensionView } from '@elevate/contracts';
import {
  cacheFile,
  readCachedCredentials,
  writeCachedCredentials,
} from '../credentials/credential-cache';
import { EXIT } from '../exit-codes';
import { runCli } from '../run-cli';
import { config, fakeContext, NOW, requestView } from '../testing/fake-context';

const WINDOW = { startsAt: '2030-01-01T08:00:00.000Z', endsAt: '2030-01-01T10:00:00.000Z' };
const LONGER = { startsAt: WINDOW.startsAt, endsAt: '2030-01-01T11:00:00.000Z' };
const REASON = 'The migration is still running';

function extension(state: ExtensionView['state'], grantedByPolicy = false): ExtensionView {
  return {
    minutes: 60,
    reason: REASON,
    requestedAt: '2030-01-01T09:00:00.000Z',
    state,
    grantedByPolicy,
    approverGroups: ['reviewers'],
    approvalsRequired: 1,
    decisions: [],
  };
}

const open = (ext: ExtensionView, window = WINDOW) =>
  requestView({ status: 'APPROVED', phase: 'active', window, extensions: [ext] });

describe('elevate extend', () => {
  it('--help shows its options and exit codes', async () => {
    const { ctx, written, write } = fakeContext();
    expect(await runCli(['extend', '--help'], ctx, write)).toBe(EXIT.ok);
    const help = written.join('');
    expect(help).toContain('Usage: elevate extend [options] <id>');
    expect(help).toContain('--minutes <n>');
    expect(help).toContain('--reason <text>');
    expect(help).toContain('4 refused by Elevate');
  });

  it.each([
    [['extend', 'req-1', '--reason', REASON]],
    [['extend', 'req-1', '--minutes', '60']],
    [['extend', 'req-1', '--minutes', '60', '--reason', '   ']],
    [['extend', 'req-1', '--minutes', '10', '--reason', REASON]],
    [['extend', 'req-1', '--minutes', '1h', '--reason', REASON]],
    [['extend', 'req-1', '--minutes', '99999', '--reason', REASON]],
    [['extend', '--minutes', '60', '--reason', REASON]],
  ])('refuses %j as a usage error (exit 2) without calling the API', async (argv) => {
    const { ctx, calls, write } = fakeContext();
    expect(await runCli(argv, ctx, write)).toBe(EXIT.usage);
    expect(calls).toEqual([]);
  });

  it('sends minutes and reason, says it waits for a reviewer and keeps cached credentials', async () => {
    const { ctx, ui, calls } = fakeContext({ extendRequest: () => open(extension('PENDING')) });
    const file = cacheFile(ctx.env.cacheDir, config.apiUrl, 'production', 'ReadOnly');
    await writeCachedCredentials(file, {
      accountId: '333333333333',
      roleName: 'ReadOnly',
      requestId: 'req-1',
      region: 'eu-west-1',
      accessKeyId: 'test-access-key-id',
      secretAccessKey: 'test-secret',
      sessionToken: 'test-token',
      expiresAt: WINDOW.endsAt,
      windowEndsAt: WINDOW.endsAt,
      checkedAt: NOW,
    });
    expect(await runCli(['extend', 'req-1', '--minutes', '60', '--reason', REASON], ctx)).toBe(
      EXIT.ok,
    );
    expect(calls).toEqual([
      { operation: 'extendRequest', input: { id: 'req-1', body: { minutes: 60, reason: REASON } } },
    ]);
    expect(ui.stdout).toEqual([]);
    expect(ui.stderr).toEqual([
      'Asked for 60 more minutes on req-1; waiting for a reviewer (0/1 approvals). Credentials keep working until the current end.',
    ]);
    expect(await readCachedCredentials(file)).toBeDefined();
  });

  it('says when policy granted it at once, with the new end, and forgets credentials cut at the old end', async () => {
    const { ctx, ui } = fakeContext({
      extendRequest: () => open(extension('GRANTED', true), LONGER),
    });
    const file = cacheFile(ctx.env.cacheDir, config.apiUrl, 'production', 'ReadOnly');
    await writeCachedCredentials(file, {
      accountId: '333333333333',
      roleName: 'ReadOnly',
      requestId: 'req-1',
      region: 'eu-west-1',
      accessKeyId: 'test-access-key-id',
      secretAccessKey: 'test-secret',
      sessionToken: 'test-token',
      expiresAt: WINDOW.endsAt,
      windowEndsAt: WINDOW.endsAt,
      checkedAt: NOW,
    });
    expect(await runCli(['extend', 'req-1', '--minutes', '60', '--reason', REASON], ctx)).toBe(
      EXIT.ok,
    );
    expect(ui.stderr).toEqual([
      'Extended req-1 by 60 minutes (granted by policy) — the window now ends at 2030-01-01T11:00:00.000Z.',
    ]);
    expect(await readCachedCredentials(file)).toBeUndefined();
  });

  it('--json prints the request as the API answered it, on stdout only', async () => {
    const answer = open(extension('PENDING'));
    const { ctx, ui } = fakeContext({ extendRequest: () => answer });
    expect(
      await runCli(['extend', 'req-1', '--minutes', '90', '--reason', REASON, '--json'], ctx),
    ).toBe(EXIT.ok);
    expect(JSON.parse(ui.stdout.join(''))).toEqual(answer);
    expect(ui.stderr).toEqual([]);
  });

  it.each<[number, ApiProblemCode, number]>([
    [409, 'INVALID_STATE', EXIT.refused],
    [422, 'EXTENSION_LIMIT', EXIT.refused],
    [401, 'TOKEN_EXPIRED', EXIT.notSignedIn],
    [503, 'STORE_UNAVAILABLE', EXIT.failure],
  ])('an API %i %s exits %i with one line', async (status, code, exit) => {
    const { ctx, ui } = fakeContext({
      extendRequest: () => {
        throw new ApiProblem({ status, code, title: 'Refused', detail: 'No.' });
      },
    });
    expect(await runCli(['extend', 'req-1', '--minutes', '60', '--reason', REASON], ctx)).toBe(
      exit,
    );
    expect(ui.stderr).toHaveLength(1);
  });
});
