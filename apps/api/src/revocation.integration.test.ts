import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ChangeFeed, DynamoDbAccessRequestRepository, ensureTable } from '@elevate/adapters';
import type { ChangeRecord } from '@elevate/adapters';
import { cliSessionResponseSchema, requestViewSchema } from '@elevate/contracts';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { loadDevConfig, startDynamoDb, startStsEmulator } from '@elevate/dev-stack';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from './app-env';
import { composeApp } from './composition/compose-app';
import { composeRevoker } from './composition/compose-revoker';
import { openStore } from './composition/store';
import { loadConfig, loadRevokerConfig } from './config';
import { createJsonLogger } from './logger';
import { handleRevocationBatch } from './revocation/handle-revocation-batch';
import { PERSONAS, personaHeaders, personaVerifier } from '@elevate/testing';
import { storeBackedEnv, stubAwsCredentials } from './testing/store-backed-config';

// Revocation end to end on the local stack: the API (real composition, dynalite), the revoker fed by
// the store's change feed as the table stream would feed it, the STS/IAM emulator, and the real AWS
// CLI holding credentials issued before the revoke. Only the token verifier is a stand-in.
const AWS_CLI = '/usr/bin/aws';
const { alice, rita } = PERSONAS;
const DEV_CONFIG = fileURLToPath(new URL('../../../config/dev-stack.yaml', import.meta.url));
const devConfig = loadDevConfig(DEV_CONFIG);
const [PRIMARY = ''] = devConfig.sts.regions;
/** The journey's promise: refused within a minute of the revoke. */
const WITHIN_A_MINUTE_MS = 60_000;

let dynamo: RunningDynamoDb;
let sts: Awaited<ReturnType<typeof startStsEmulator>>;
let app: Hono<AppEnv>;
let home: string;
const revocations: Promise<unknown>[] = [];
const lines: string[] = [];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'elevate-revocation-'));
  dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
  sts = await startStsEmulator({
    host: '127.0.0.1',
    basePort: 0,
    regions: devConfig.sts.regions,
    principals: devConfig.sts.principals,
    targetRoles: devConfig.sts.targetRoles,
    log: (line) => lines.push(line),
  });
  const principal = (name: string) => {
    const found = devConfig.sts.principals.find((p) => p.name === name);
    if (found === undefined) throw new Error(`no ${name} principal in config/dev-stack.yaml`);
    return found;
  };
  const broker = principal('broker');
  const revoker = principal('revoker');
  stubAwsCredentials(broker, PRIMARY);
  const env = storeBackedEnv(dynamo.endpoint, 'elevate-revocation', {
    ELEVATE_WEB_ORIGIN: 'http://127.0.0.1:5173',
    AWS_REGION: PRIMARY,
    ELEVATE_STS_REGIONS: devConfig.sts.regions.join(','),
    ELEVATE_STS_ENDPOINTS: JSON.stringify(sts.endpoints),
    ELEVATE_FEDERATION_ENDPOINT: sts.federationEndpoint,
    ELEVATE_REVOKER_ROLE_NAME: devConfig.sts.targetRoles.revoker?.roleName ?? '',
    ELEVATE_REVOKER_ACCESS_KEY_ID: revoker.accessKeyId,
    ELEVATE_REVOKER_SECRET_ACCESS_KEY: revoker.secretAccessKey,
    ELEVATE_REVOKER_STS_ENDPOINT: sts.endpoints[PRIMARY] ?? '',
    ELEVATE_IAM_ENDPOINT: sts.endpoints[PRIMARY] ?? '',
  });
  const config = loadConfig(env);
  const revokerConfig = loadRevokerConfig(env);
  if (revokerConfig === undefined) throw new Error('revoker not configured');
  const logger = createJsonLogger({ level: 'debug', write: (line) => lines.push(line) });
  const feed = new ChangeFeed({ onError: () => undefined });
  const store = openStore(config.dynamodb);
  await ensureTable(store.client, store.tableName);
  const revokerDeps = composeRevoker(revokerConfig, store, logger);
  feed.subscribe((records: readonly ChangeRecord[]) => {
    const done = handleRevocationBatch(records, revokerDeps);
    revocations.push(done);
    return done.then(() => undefined);
  });
  app = composeApp(
    config,
    {
      verifier: personaVerifier(Object.values(PERSONAS)),
      logger,
      repository: new DynamoDbAccessRequestRepository({
        client: store.client,
        tableName: store.tableName,
        onChange: feed.publish,
      }),
    },
    { routes: 'all' },
  ).app;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await sts.close();
  await dynamo.close();
  rmSync(home, { recursive: true, force: true });
});

const call = (who: typeof alice, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: {
      ...personaHeaders(who),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

interface Keys {
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_SESSION_TOKEN: string;
}

/** `aws iam get-role` with the given credentials: a signed call IAM evaluates against the role's policies. */
const getRole = (keys: Keys, roleName: string) =>
  promisify(execFile)(
    AWS_CLI,
    [
      'iam',
      'get-role',
      '--role-name',
      roleName,
      '--endpoint-url',
      sts.endpoints[PRIMARY] ?? '',
      '--region',
      PRIMARY,
      '--output',
      'json',
    ],
    {
      timeout: 30_000,
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: home,
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
        ...keys,
      },
    },
  );

/** An approved request of alice's with CLI credentials issued for it. */
async function liveSession(roleName: string): Promise<{ id: string; keys: Keys }> {
  const created = await call(alice, 'POST', '/requests', {
    accountId: '111111111111',
    roleName,
    justification: 'Debug the failing deploy pipeline',
    durationMinutes: 120,
  });
  expect(created.status).toBe(201);
  const { id } = requestViewSchema.parse(await created.json());
  expect((await call(rita, 'POST', `/requests/${id}/approve`, {})).status).toBe(200);
  const session = await call(alice, 'POST', `/requests/${id}/sessions`, { kind: 'cli' });
  expect(session.status).toBe(201);
  const { credentials } = cliSessionResponseSchema.parse(await session.json());
  return {
    id,
    keys: {
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SESSION_TOKEN: credentials.sessionToken,
    },
  };
}

/** Retries until the call is refused, failing after a minute. */
async function refusedWithinAMinute(keys: Keys, roleName: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await getRole(keys, roleName);
    } catch (error) {
      expect(String(error)).toMatch(/AccessDenied/);
      return Date.now() - started;
    }
    if (Date.now() - started > WITHIN_A_MINUTE_MS) throw new Error('still allowed a minute after');
    await new Promise((done) => setTimeout(done, 1_000));
  }
}

describe.skipIf(!existsSync(AWS_CLI))(
  'revocation ends live sessions (local stack, real AWS CLI)',
  () => {
    it('a reviewer revokes: CLI credentials issued before it are refused within a minute', async () => {
      const { id, keys } = await liveSession('PowerUser');
      const other = await liveSession('PowerUser');
      await expect(getRole(keys, 'PowerUser')).resolves.toBeDefined();

      const revoked = await call(rita, 'POST', `/requests/${id}/revoke`, {
        comment: 'Suspicious activity',
      });
      expect(revoked.status).toBe(200);
      expect(await refusedWithinAMinute(keys, 'PowerUser')).toBeLessThan(WITHIN_A_MINUTE_MS);
      // Another request's session on the same role keeps working.
      await expect(getRole(other.keys, 'PowerUser')).resolves.toBeDefined();
    }, 180_000);

    it('the requester ends early: the same, for their own credentials', async () => {
      const { id, keys } = await liveSession('ReadOnly');
      await expect(getRole(keys, 'ReadOnly')).resolves.toBeDefined();
      expect((await call(alice, 'POST', `/requests/${id}/end`, {})).status).toBe(200);
      expect(await refusedWithinAMinute(keys, 'ReadOnly')).toBeLessThan(WITHIN_A_MINUTE_MS);
      await Promise.all(revocations);
      expect(lines.some((line) => line.includes('revocation written'))).toBe(true);
      expect(lines.join('\n')).not.toContain(keys.AWS_SECRET_ACCESS_KEY);
      expect(lines.join('\n')).not.toContain(keys.AWS_SESSION_TOKEN);
    }, 180_000);
  },
);
