import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { ElevateClient } from '@elevate/client';
import type { MeResponse, RequestView } from '@elevate/contracts';
import { aRequestView } from '@elevate/testing/api-views';
import { personas, personRef } from '@elevate/testing/personas';
import type { CommandContext } from '../commands/command-context';
import type { CliConfig } from '../config/cli-config';
import { readEnv } from '../env';
import { recordingUi } from '../output/ui';
import type { TokenStore } from '../auth/stored-tokens';

export const NOW = Date.parse('2030-01-01T09:00:00.000Z');

export const config: CliConfig = {
  url: 'https://elevate.test',
  issuer: 'https://idp.test',
  clientId: 'elevate-cli',
  apiUrl: 'https://api.elevate.test',
};

export const me: MeResponse = {
  ...personRef(personas.alice),
  groups: [...personas.alice.groups],
  amr: ['pwd'],
  eligibility: {
    entries: [
      {
        accountId: '333333333333',
        accountName: 'production',
        accountTags: {},
        roleName: 'ReadOnly',
        maxDurationMinutes: 240,
        defaultDurationMinutes: 60,
        pendingExpiryMinutes: 480,
        maxStartDelayMinutes: 1440,
        justification: { minLength: 20, maxLength: 1000, patterns: [] },
        ticketRequired: false,
        ticketPatterns: [],
        approvalsRequired: 1,
        approverGroups: ['reviewers'],
        selfApproval: false,
        breakGlassAllowed: false,
      },
    ],
    roles: { reviewer: false, auditor: false, admin: false },
  },
};

/** Alice's pending ReadOnly request in production, at the CLI suites' time. */
export const requestView = (overrides: Partial<RequestView> = {}): RequestView =>
  aRequestView({
    id: 'req-1',
    accountId: '333333333333',
    accountName: 'production',
    justification: 'Look at the deploy logs',
    createdAt: '2030-01-01T08:59:00.000Z',
    updatedAt: '2030-01-01T08:59:00.000Z',
    history: [],
    ...overrides,
  });

type Handler = (input: Record<string, unknown>) => unknown;

/** A context whose API answers from `handlers` by operationId; anything else fails the test. */
export function fakeContext(handlers: Record<string, Handler> = {}) {
  const ui = recordingUi();
  const calls: { operation: string; input: Record<string, unknown> }[] = [];
  const client: ElevateClient = {
    call: (async (operation: string, input: Record<string, unknown>) => {
      calls.push({ operation, input });
      const handler = handlers[operation] ?? (operation === 'getMe' ? () => me : undefined);
      if (!handler) throw new Error(`unexpected API call ${operation}`);
      return handler(input);
    }) as ElevateClient['call'],
  };
  const store: TokenStore = {
    kind: 'file',
    load: async () => undefined,
    save: async () => undefined,
    clear: async () => undefined,
  };
  const dir = mkdtempSync(join(tmpdir(), 'elevate-cli-unit-'));
  const openBrowser = vi.fn();
  const ctx: CommandContext = {
    env: {
      ...readEnv({}),
      configDir: join(dir, 'config'),
      cacheDir: join(dir, 'cache'),
      awsConfigFile: join(dir, 'aws', 'config'),
      tokenStore: 'file',
      pollSeconds: 0,
    },
    ui,
    now: () => NOW,
    config: async () => config,
    api: async () => ({ client, store }),
    openBrowser,
    fetch: vi.fn() as unknown as typeof fetch,
  };
  const written: string[] = [];
  const write = {
    out: (s: string) => void written.push(s),
    err: (s: string) => void written.push(s),
  };
  return { ctx, ui, calls, openBrowser, dir, written, write };
}
