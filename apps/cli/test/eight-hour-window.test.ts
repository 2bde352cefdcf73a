// A whole 8-hour window without the browser: credential-process, called as the AWS CLI calls it,
// against the API composed as `pnpm dev` composes it (dynalite, the STS emulator, the example
// policy), with one clock for everything — vitest's fake `Date` — moved forward by hand. Only the
// token verifier is a stand-in (the journey test signs in through the real dev IdP).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createStoreClient,
  ensureTable,
  loadPolicyFile,
  type VerifiedIdentity,
} from '@elevate/adapters';
import { composeApp, createJsonLogger, loadConfig, startServer } from '@elevate/api';
import type { RunningServer } from '@elevate/api';
import { createElevateClient } from '@elevate/client';
import { loadDevConfig, startDynamoDb, startStsEmulator } from '@elevate/dev-stack';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { PERSONAS } from '@elevate/testing';
import type { CommandContext } from '../src/commands/command-context';
import { readEnv } from '../src/env';
import { EXIT } from '../src/exit-codes';
import { recordingUi } from '../src/output/ui';
import { runCli } from '../src/run-cli';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dev = loadDevConfig(`${repoRoot}config/dev-stack.yaml`);
const REGION = dev.sts.regions[0] ?? 'eu-west-1';
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** How often the simulated engineer runs an AWS CLI command. */
const EVERY = 5 * MINUTE;

const { alice, rita } = PERSONAS;
const tokensOf = (who: VerifiedIdentity) => ({
  accessToken: `test.${who.sub}`,
  idToken: `id.${who.sub}`,
});

let dynamo: RunningDynamoDb;
let sts: Awaited<ReturnType<typeof startStsEmulator>>;
let api: RunningServer;
let home: string;
/** Stops for what beforeAll has started so far, so a failed start still stops the rest. */
const stops: (() => Promise<void>)[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse('2030-01-01T09:00:00.000Z'));
  home = await mkdtemp(join(tmpdir(), 'elevate-8h-'));
  dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
  stops.push(() => dynamo.close());
  sts = await startStsEmulator({
    host: '127.0.0.1',
    basePort: 0,
    regions: [REGION],
    principals: dev.sts.principals,
    targetRoles: dev.sts.targetRoles,
    log: (line) => logLines.push(line),
  });
  stops.push(() => sts.close());
  const broker = dev.sts.principals.find((p) => p.name === 'broker');
  if (broker === undefined) throw new Error('no broker principal in config/dev-stack.yaml');
  vi.stubEnv('AWS_ACCESS_KEY_ID', broker.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', broker.secretAccessKey);
  vi.stubEnv('AWS_REGION', REGION);
  const config = loadConfig({
    ELEVATE_IDP_ISSUER: 'http://127.0.0.1:9',
    ELEVATE_API_AUDIENCE: 'urn:elevate:api',
    ELEVATE_CLIENT_ID: 'elevate-web',
    ELEVATE_WEB_ORIGIN: 'http://127.0.0.1:9',
    ELEVATE_DYNAMODB_ENDPOINT: dynamo.endpoint,
    ELEVATE_TABLE_NAME: 'elevate-eight-hours',
    ELEVATE_POLICY_FILE: `${repoRoot}config/policy.example.yaml`,
    AWS_REGION: REGION,
    ELEVATE_STS_REGIONS: REGION,
    ELEVATE_STS_ENDPOINTS: JSON.stringify(sts.endpoints),
    ELEVATE_FEDERATION_ENDPOINT: sts.federationEndpoint,
  });
  // As `pnpm dev` does: the API creates its table in dynalite.
  await ensureTable(createStoreClient(dynamo.endpoint), config.dynamodb.tableName);
  const identities = new Map([alice, rita].map((who) => [who.sub, who]));
  const { app } = composeApp(
    config,
    {
      policy: loadPolicyFile(`${repoRoot}config/policy.example.yaml`),
      logger: createJsonLogger({ level: 'warn', write: (line) => logLines.push(line) }),
      verifier: {
        async verify(accessToken: string, idToken: string) {
          const who = identities.get(accessToken.replace(/^test\./, ''));
          if (who === undefined || idToken !== `id.${who.sub}`) throw new Error('unknown token');
          return who;
        },
      },
    },
    { routes: 'all' },
  );
  api = await startServer(app, { host: '127.0.0.1', port: 0 });
  stops.push(() => api.close());
}, 120_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  vi.unstubAllEnvs();
  vi.useRealTimers();
  await rm(home, { recursive: true, force: true });
});

/** The CLI exactly as `elevate` runs it, but with this test's clock, files and signed-in user. */
function cliContext(who: VerifiedIdentity) {
  const ui = recordingUi();
  const signIns: string[] = [];
  const client = createElevateClient({ baseUrl: api.url, getTokens: async () => tokensOf(who) });
  const ctx: CommandContext = {
    env: {
      ...readEnv({}),
      configDir: join(home, who.sub, 'config'),
      cacheDir: join(home, who.sub, 'cache'),
      awsConfigFile: join(home, who.sub, 'aws-config'),
      tokenStore: 'file',
    },
    ui,
    now: () => Date.now(),
    config: async () => ({
      url: 'http://127.0.0.1:9',
      issuer: 'http://127.0.0.1:9',
      clientId: 'elevate-cli',
      apiUrl: api.url,
    }),
    api: async () => ({
      client,
      store: {
        kind: 'file',
        load: async () => undefined,
        save: async () => void signIns.push('save'),
        clear: async () => undefined,
      },
    }),
    openBrowser: (url: string) => void signIns.push(url),
    fetch: (input, init) => fetch(input, init),
  };
  return { ctx, ui, signIns };
}

describe('credential_process through a whole 8-hour window, no browser after approval', () => {
  it('renews every hour by itself until the window ends, then fails with the one line', async () => {
    const reviewer = createElevateClient({
      baseUrl: api.url,
      getTokens: async () => tokensOf(rita),
    });
    const requester = cliContext(alice);
    const asked = await requester.ctx.api();
    const created = await asked.client.call('createRequest', {
      body: {
        accountId: '111111111111',
        roleName: 'ReadOnly',
        justification: 'A day of incident follow-up in the sandbox',
        durationMinutes: 480,
      },
    });
    const approved = await reviewer.call('approveRequest', { id: created.id, body: {} });
    expect(approved.status).toBe('APPROVED');
    const windowEnd = Date.parse(approved.window?.endsAt ?? '');
    expect(windowEnd - Date.now()).toBe(8 * HOUR);

    const keys = new Set<string>();
    let calls = 0;
    for (let at = Date.now(); at < windowEnd; at += EVERY) {
      vi.setSystemTime(at);
      const { ctx, ui, signIns } = cliContext(alice);
      const code = await runCli(
        ['credential-process', '--account', 'sandbox', '--role', 'ReadOnly'],
        ctx,
      );
      expect(code, `${new Date(at).toISOString()}: ${ui.stderr.join(' ')}`).toBe(EXIT.ok);
      const answer = JSON.parse(ui.stdout.join('')) as {
        Version: number;
        AccessKeyId: string;
        Expiration: string;
      };
      expect(answer.Version).toBe(1);
      // What the AWS CLI is handed is good now, and never past the window's end.
      expect(Date.parse(answer.Expiration)).toBeGreaterThan(at);
      expect(Date.parse(answer.Expiration)).toBeLessThanOrEqual(windowEnd);
      expect(signIns).toEqual([]);
      keys.add(answer.AccessKeyId);
      calls += 1;
    }
    expect(calls).toBe(96);
    // Role-chained sessions last an hour at most, so a new one every hour or so: 8 or more.
    expect(keys.size).toBeGreaterThanOrEqual(8);
    expect(keys.size).toBeLessThanOrEqual(12);

    vi.setSystemTime(windowEnd + MINUTE);
    const after = cliContext(alice);
    expect(
      await runCli(['credential-process', '--account', 'sandbox', '--role', 'ReadOnly'], after.ctx),
    ).toBe(EXIT.noOpenWindow);
    expect(after.ui.stdout).toEqual([]);
    expect(after.ui.stderr).toEqual([
      'elevate: no open window for sandbox / ReadOnly — run: elevate request --account sandbox --role ReadOnly --reason "…"',
    ]);
  }, 300_000);
});
