import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DeleteItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '@elevate/adapters';
import {
  cliSessionResponseSchema,
  consoleSessionResponseSchema,
  requestViewSchema,
} from '@elevate/contracts';
import type { RequestView } from '@elevate/contracts';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { loadDevConfig, startDynamoDb, startStsEmulator } from '@elevate/dev-stack';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from './app-env';
import { composeApp } from './composition/compose-app';
import { openStore } from './composition/store';
import { createJsonLogger } from './logger';
import { PERSONAS, personaHeaders, personaVerifier } from '@elevate/testing';
import { storeBackedConfig, stubAwsCredentials } from './testing/store-backed-config';

// The whole federation through the real composition: config → StsCredentialIssuer (regional
// endpoints, failover) → the dev stack's STS emulator, AwsFederationSignIn → its federation
// endpoint, session records in dynalite. Only the token verifier is a stand-in.
const { alice, rita } = PERSONAS;
const DEV_CONFIG = fileURLToPath(new URL('../../../config/dev-stack.yaml', import.meta.url));
const devConfig = loadDevConfig(DEV_CONFIG);
const [PRIMARY = '', SECONDARY = ''] = devConfig.sts.regions;
const WEB_ORIGIN = 'http://127.0.0.1:5173';

let dynamo: RunningDynamoDb;
let sts: Awaited<ReturnType<typeof startStsEmulator>>;
let app: Hono<AppEnv>;
let store: ReturnType<typeof openStore>;
/** Every line anything wrote during the tests: the API's logger, the emulator's log, the console. */
const lines: string[] = [];

beforeAll(async () => {
  dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
  sts = await startStsEmulator({
    host: '127.0.0.1',
    basePort: 0,
    regions: devConfig.sts.regions,
    principals: devConfig.sts.principals,
    targetRoles: devConfig.sts.targetRoles,
    log: (line) => lines.push(`sts: ${line}`),
  });
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
  const broker = devConfig.sts.principals.find((principal) => principal.name === 'broker');
  if (broker === undefined) throw new Error('no broker principal in config/dev-stack.yaml');
  // The broker's keys reach the SDK through its default chain, as `pnpm dev` passes them.
  stubAwsCredentials(broker, PRIMARY);
  const config = storeBackedConfig(dynamo.endpoint, 'elevate-federation', {
    ELEVATE_WEB_ORIGIN: WEB_ORIGIN,
    AWS_REGION: PRIMARY,
    ELEVATE_STS_REGIONS: devConfig.sts.regions.join(','),
    ELEVATE_STS_ENDPOINTS: JSON.stringify(sts.endpoints),
    ELEVATE_FEDERATION_ENDPOINT: sts.federationEndpoint,
  });
  store = openStore(config.dynamodb);
  await ensureTable(store.client, store.tableName);
  app = composeApp(
    config,
    {
      verifier: personaVerifier(Object.values(PERSONAS)),
      logger: createJsonLogger({ level: 'debug', write: (line) => lines.push(line) }),
    },
    { routes: 'all' },
  ).app;
});

afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await sts.close();
  await dynamo.close();
});

const call = (who: typeof alice, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: {
      ...personaHeaders(who),
      'user-agent': 'elevate-integration-test',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** An approved request of alice's, inside its window now. */
async function approvedRequest(roleName = 'PowerUser'): Promise<string> {
  const created = await call(alice, 'POST', '/requests', {
    accountId: '111111111111',
    roleName,
    justification: 'Debug the failing deploy pipeline',
    durationMinutes: 120,
  });
  expect(created.status).toBe(201);
  const { id } = requestViewSchema.parse(await created.json());
  expect((await call(rita, 'POST', `/requests/${id}/approve`, {})).status).toBe(200);
  return id;
}

async function sessionsOf(id: string): Promise<NonNullable<RequestView['sessions']>> {
  const response = await call(alice, 'GET', `/requests/${id}`);
  return requestViewSchema.parse(await response.json()).sessions ?? [];
}

const secretsSeen: string[] = [];

describe('federation against the local STS emulator', () => {
  it('hands out CLI credentials the real AWS CLI v2 accepts, as the person and role', async (context) => {
    const id = await approvedRequest();
    const response = await call(alice, 'POST', `/requests/${id}/sessions`, { kind: 'cli' });
    expect(response.status).toBe(201);
    const { credentials, region } = cliSessionResponseSchema.parse(await response.json());
    secretsSeen.push(credentials.secretAccessKey, credentials.sessionToken);
    expect(region).toBe(PRIMARY);

    const [record] = await sessionsOf(id);
    expect(record).toMatchObject({
      kind: 'cli',
      accessKeyId: credentials.accessKeyId,
      roleArn: 'arn:aws:iam::111111111111:role/PowerUser',
      roleSessionName: 'alice@example.com-PowerUser',
      sourceIdentity: 'alice@example.com',
      region: PRIMARY,
      userAgent: 'elevate-integration-test',
      issuedBy: { sub: alice.sub, email: alice.email },
    });

    if (!existsSync('/usr/bin/aws')) context.skip();
    const { stdout } = await promisify(execFile)(
      '/usr/bin/aws',
      [
        'sts',
        'get-caller-identity',
        '--endpoint-url',
        sts.endpoints[PRIMARY] ?? '',
        '--region',
        PRIMARY,
        '--output',
        'json',
      ],
      {
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: '/tmp',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          AWS_SESSION_TOKEN: credentials.sessionToken,
        },
        timeout: 30_000,
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      Account: '111111111111',
      Arn: 'arn:aws:sts::111111111111:assumed-role/PowerUser/alice@example.com-PowerUser',
    });
  });

  it('hands out a console URL that signs in on the emulator and shows who and which request', async () => {
    const id = await approvedRequest('ReadOnly');
    const response = await call(alice, 'POST', `/requests/${id}/sessions`, {
      kind: 'console',
      destination: '/s3/home?region=eu-west-1',
    });
    expect(response.status).toBe(201);
    const { url } = consoleSessionResponseSchema.parse(await response.json());
    const signinToken = new URL(url).searchParams.get('SigninToken') ?? '';
    expect(signinToken).not.toBe('');
    secretsSeen.push(url, signinToken);
    expect(new URL(url).searchParams.get('Issuer')).toBe(WEB_ORIGIN);

    const redirect = await fetch(url, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    expect(location.startsWith(sts.consoleUrl)).toBe(true);
    const page = await (await fetch(location)).text();
    expect(page).toContain('alice@example.com-ReadOnly');
    expect(page).toContain('alice@example.com');
    expect(page).toContain('elevate:request-id');
    expect(page).toContain(id);
    expect(page).toContain('/s3/home');

    const [record] = await sessionsOf(id);
    expect(record).toMatchObject({
      kind: 'console',
      roleSessionName: 'alice@example.com-ReadOnly',
    });
  });

  it('never writes a secret key, session token, sign-in token or sign-in URL to any log', () => {
    expect(secretsSeen).toHaveLength(4);
    // The capture works: the issued sessions and STS calls were logged.
    expect(lines.filter((line) => line.includes('"msg":"session issued"'))).toHaveLength(2);
    expect(lines.some((line) => line.includes('"msg":"sts attempt"'))).toBe(true);
    expect(lines.some((line) => line.startsWith('sts: '))).toBe(true);
    for (const secret of secretsSeen) {
      for (const line of lines) expect(line).not.toContain(secret);
    }
    // Nor the shapes that would carry them: a login URL, the Session JSON, a credentials object.
    for (const line of lines)
      expect(line).not.toMatch(/SigninToken=|"sessionKey"|"sessionToken"|"secretAccessKey"/);
  });

  it("writes a person's e-mail binding once per process, not on every session", async () => {
    const id = await approvedRequest();
    const start = () => call(alice, 'POST', `/requests/${id}/sessions`, { kind: 'cli' });
    expect((await start()).status).toBe(201);
    const binding = {
      TableName: store.tableName,
      Key: { PK: { S: `EMAIL#${alice.email}` }, SK: { S: 'BINDING' } },
    };
    expect((await store.client.send(new GetItemCommand(binding))).Item?.['sub']).toEqual({
      S: alice.sub,
    });
    // Gone from the store behind the process's back: a call that still wrote it would bring it back.
    await store.client.send(new DeleteItemCommand(binding));
    expect((await start()).status).toBe(201);
    expect((await store.client.send(new GetItemCommand(binding))).Item).toBeUndefined();
    expect(await sessionsOf(id)).toHaveLength(2);
  });

  it('still issues a session with the primary region down, through the next one, and records it', async () => {
    const id = await approvedRequest();
    await sts.stopRegion(PRIMARY);
    const response = await call(alice, 'POST', `/requests/${id}/sessions`, { kind: 'cli' });
    expect(response.status).toBe(201);
    const { credentials } = cliSessionResponseSchema.parse(await response.json());
    const [record] = await sessionsOf(id);
    expect(record).toMatchObject({ accessKeyId: credentials.accessKeyId, region: SECONDARY });
    expect(
      lines.some(
        (line) => line.includes('"msg":"sts attempt"') && line.includes('"outcome":"retryable"'),
      ),
    ).toBe(true);
  });
});
