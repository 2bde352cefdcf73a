import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  digestObjectKeyOf,
  documentClientOf,
  DynamoDbAccessRequestRepository,
  DynamoDbAuditChainReader,
  DynamoDbSessionRecordRepository,
  ensureTable,
  FileDigestStore,
  LocalDigestSigner,
} from '@elevate/adapters';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { startDynamoDb } from '@elevate/dev-stack';
import type { AccessRequest, SessionRecord } from '@elevate/domain';
import { approveRequest, createRequest, revokeRequest, transitionWriteOf } from '@elevate/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { alice, ctx, rita, sandboxInput } from '@elevate/testing';
import type { AuditIntegrityDeps } from './audit-integrity-deps';
import { produceDailyDigest } from './produce-daily-digest';
import { verifyAuditRange } from './verify-audit-range';

// Day 1 holds two requests' creation, approval and sessions; day 2 one revocation.
const DAY_1 = '2030-05-01';
const DAY_2 = '2030-05-02';
const at = (day: string, time: string): string => `${day}T${time}.000Z`;

let dynamo: RunningDynamoDb;
let client: DynamoDBClient;
let directory: string;
let tableName = 'audit-chain';
let tableCount = 0;

beforeAll(async () => {
  dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
  // dynalite accepts any credentials; these are placeholders.
  client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}, 30_000);

afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'elevate-audit-'));
  return () => rmSync(directory, { recursive: true, force: true });
});

const depsOf = (keyFile = join(directory, 'signing-key.pem')): AuditIntegrityDeps => {
  const signer = new LocalDigestSigner(keyFile);
  return {
    reader: new DynamoDbAuditChainReader({ client, tableName }),
    store: new FileDigestStore(directory),
    signer,
    trustedPublicKey: () => signer.publicKey(),
  };
};

const session = (request: AccessRequest, id: string, issuedAt: string): SessionRecord => ({
  id,
  requestId: request.id,
  kind: 'console',
  issuedBy: request.requester,
  roleArn: `arn:aws:iam::${request.accountId}:role/${request.roleName}`,
  accountId: request.accountId,
  accessKeyId: `test-access-key-id-${id}`.replaceAll('-', '_'),
  roleSessionName: 'alice-PowerUser',
  sourceIdentity: 'alice',
  expiresAt: new Date(Date.parse(issuedAt) + 30 * 60_000).toISOString(),
  region: 'eu-west-1',
  issuedAt,
});

/** A fresh table with history on two days, written through the real repositories. */
const seed = async (): Promise<{ first: AccessRequest; second: AccessRequest }> => {
  tableCount += 1;
  tableName = `audit-chain-${tableCount}`;
  await ensureTable(client, tableName);
  const repository = new DynamoDbAccessRequestRepository({ client, tableName });
  const sessions = new DynamoDbSessionRecordRepository({ client, tableName });
  const approved: AccessRequest[] = [];
  // req-a late on day 1, so its window is still open when it is revoked early on day 2.
  for (const [id, hour] of [
    ['req-a', '23'],
    ['req-b', '01'],
  ] as const) {
    const created = createRequest(
      sandboxInput({ id }),
      ctx({ ...alice, authTime: at(DAY_1, `${hour}:00:00`) }, at(DAY_1, `${hour}:00:00`)),
    );
    if (!created.ok) throw new Error(created.error.code);
    await repository.create(created.value.request);
    const approval = approveRequest(
      created.value.request,
      {},
      ctx(rita, at(DAY_1, `${hour}:05:00`)),
    );
    if (!approval.ok) throw new Error(approval.error.code);
    const stored = await repository.applyTransition(
      transitionWriteOf(created.value.request, approval.value),
    );
    if (!stored.ok) throw new Error(stored.error.code);
    approved.push(stored.value);
    await sessions.record(session(stored.value, `${id}-s1`, at(DAY_1, `${hour}:10:00`)));
    await sessions.record(session(stored.value, `${id}-s2`, at(DAY_1, `${hour}:20:00`)));
  }
  const [first, second] = approved as [AccessRequest, AccessRequest];
  const revoked = revokeRequest(first, { comment: 'done' }, ctx(rita, at(DAY_2, '00:05:00')));
  if (!revoked.ok) throw new Error(revoked.error.code);
  const written = await repository.applyTransition(transitionWriteOf(first, revoked.value));
  if (!written.ok) throw new Error(written.error.code);
  return { first: written.value, second };
};

const signBoth = async (deps: AuditIntegrityDeps): Promise<void> => {
  for (const day of [DAY_1, DAY_2]) {
    const report = await produceDailyDigest(deps, day, at('2030-05-03', '00:05:00'));
    expect(report.written).toBe(true);
    expect(report.unsound).toEqual([]);
  }
};

const documents = () => documentClientOf(client);
const requestKey = (id: string) => ({ PK: `REQUEST#${id}`, SK: 'REQUEST' });

const findingsOf = async (deps: AuditIntegrityDeps, scan: boolean) => {
  const report = await verifyAuditRange(deps, DAY_1, DAY_2, { scan });
  return report.days.flatMap((day) =>
    day.findings.map((finding) => ({
      day: finding.day,
      change: finding.change,
      requestId: finding.requestId,
      kind: finding.kind,
      key: finding.key,
    })),
  );
};

describe('tamper-evident audit on the local table', { timeout: 60_000 }, () => {
  it('an untouched history verifies, day by day, with and without a scan', async () => {
    await seed();
    const deps = depsOf();
    await signBoth(deps);
    for (const scan of [false, true]) {
      const report = await verifyAuditRange(deps, DAY_1, DAY_2, { scan });
      expect(report.intact).toBe(true);
      expect(report.proven).toBe(true);
      expect(report.days.map((day) => [day.day, day.status, day.signedEntries])).toEqual([
        // Two requests × (created, approved, two sessions); then one revocation.
        [DAY_1, 'INTACT', 8],
        [DAY_2, 'INTACT', 1],
      ]);
    }
    // A second run for the same day never replaces the first digest.
    const again = await produceDailyDigest(deps, DAY_1, at('2030-05-04', '00:05:00'));
    expect(again.written).toBe(false);
  });

  it('signs from the chain-day index what a scan signs, reading only the chains it names', async () => {
    await seed();
    const byScan = depsOf();
    await signBoth(byScan);
    const roots = async (deps: AuditIntegrityDeps) =>
      Promise.all([DAY_1, DAY_2].map(async (day) => (await deps.store.get(day))?.digest.root));
    const scanned = await roots(byScan);

    directory = mkdtempSync(join(tmpdir(), 'elevate-audit-index-'));
    const base = depsOf();
    const read: string[] = [];
    const changed: Record<string, readonly string[]> = {
      [DAY_1]: ['req-a', 'req-b'],
      [DAY_2]: ['req-a'],
    };
    const byIndex: AuditIntegrityDeps = {
      ...base,
      signer: byScan.signer,
      trustedPublicKey: byScan.trustedPublicKey,
      reader: {
        entriesOf: (id) => {
          read.push(id);
          return base.reader.entriesOf(id);
        },
        allEntries: () => Promise.reject(new Error('the index path must not scan')),
      },
      changedOn: { requestsChangedOn: async (day) => changed[day] },
    };
    await signBoth(byIndex);
    expect(await roots(byIndex)).toEqual(scanned);
    expect(read).toEqual(['req-a', 'req-b', 'req-a']);
  });

  it('an index that missed a request leaves its entries unsigned, and the scan names them', async () => {
    await seed();
    const base = depsOf();
    const deps: AuditIntegrityDeps = {
      ...base,
      changedOn: { requestsChangedOn: async () => ['req-a'] },
    };
    await signBoth(deps);
    const inserted = (await findingsOf(deps, true)).filter(
      (finding) => finding.requestId === 'req-b',
    );
    expect(inserted.map((finding) => finding.change)).toEqual([
      'INSERTED',
      'INSERTED',
      'INSERTED',
      'INSERTED',
    ]);
  });

  it('names a history event whose text was altered in place', async () => {
    const { second } = await seed();
    const deps = depsOf();
    await signBoth(deps);
    await documents().send(
      new UpdateCommand({
        TableName: tableName,
        Key: requestKey(second.id),
        UpdateExpression: 'SET #history[1].#comment = :comment',
        ExpressionAttributeNames: { '#history': 'history', '#comment': 'comment' },
        ExpressionAttributeValues: { ':comment': 'approved by the CISO' },
      }),
    );
    for (const scan of [false, true]) {
      expect(await findingsOf(deps, scan)).toEqual([
        { day: DAY_1, change: 'ALTERED', requestId: 'req-b', kind: 'history', key: '1' },
      ]);
    }
  });

  it('names an event altered together with a recomputed chain', async () => {
    const { first } = await seed();
    const deps = depsOf();
    await signBoth(deps);
    const item = (
      await documents().send(new GetCommand({ TableName: tableName, Key: requestKey(first.id) }))
    ).Item as Record<string, unknown>;
    const history = item['history'] as Record<string, unknown>[];
    history[2] = { ...history[2], comment: 'routine end' };
    // A careful forger recomputes every hash from the altered history.
    const { historyChainOf } = await import('@elevate/domain');
    await documents().send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...item,
          history,
          chain: historyChainOf(first.id, history as unknown as AccessRequest['history']),
        },
      }),
    );
    expect(await findingsOf(deps, false)).toEqual([
      { day: DAY_2, change: 'ALTERED', requestId: 'req-a', kind: 'history', key: '2' },
    ]);
  });

  it('names a deleted session and a deleted history event', async () => {
    const { first } = await seed();
    const deps = depsOf();
    await signBoth(deps);
    await documents().send(
      new DeleteCommand({
        TableName: tableName,
        Key: { PK: `REQUEST#${first.id}`, SK: `SESSION#${at(DAY_1, '23:20:00')}#req-a-s2` },
      }),
    );
    await documents().send(
      new UpdateCommand({
        TableName: tableName,
        Key: requestKey(first.id),
        UpdateExpression: 'REMOVE #history[2], #chain[2]',
        ExpressionAttributeNames: { '#history': 'history', '#chain': 'chain' },
      }),
    );
    expect(await findingsOf(deps, false)).toEqual([
      { day: DAY_1, change: 'REMOVED', requestId: 'req-a', kind: 'session', key: 'req-a-s2' },
      { day: DAY_2, change: 'REMOVED', requestId: 'req-a', kind: 'history', key: '2' },
    ]);
  });

  it('names an inserted event, in a listed request and (with a scan) in one the day never listed', async () => {
    const { first, second } = await seed();
    const deps = depsOf();
    await signBoth(deps);
    const forged = {
      type: 'APPROVAL',
      actor: rita,
      at: at(DAY_2, '09:00:00'),
      statusAfter: 'APPROVED',
      comment: 'second look',
    };
    // Into req-b, which nothing changed on day 2: only a scan can find it.
    await documents().send(
      new UpdateCommand({
        TableName: tableName,
        Key: requestKey(second.id),
        UpdateExpression: 'SET #history = list_append(#history, :event)',
        ExpressionAttributeNames: { '#history': 'history' },
        ExpressionAttributeValues: { ':event': [forged] },
      }),
    );
    // Into req-a, which day 2's digest lists, with a forged session dated day 1.
    const forgedSession = session(first, 'req-a-forged', at(DAY_1, '23:30:00'));
    await new DynamoDbSessionRecordRepository({ client, tableName }).record(forgedSession);
    expect(await findingsOf(deps, false)).toEqual([
      { day: DAY_1, change: 'INSERTED', requestId: 'req-a', kind: 'session', key: 'req-a-forged' },
    ]);
    expect(await findingsOf(deps, true)).toEqual([
      { day: DAY_1, change: 'INSERTED', requestId: 'req-a', kind: 'session', key: 'req-a-forged' },
      { day: DAY_2, change: 'INSERTED', requestId: 'req-b', kind: 'history', key: '2' },
    ]);
  });

  it('a digest signed with another key fails: the day is SIGNATURE_INVALID, not intact', async () => {
    await seed();
    const deps = depsOf();
    await signBoth(deps);
    const other = new LocalDigestSigner(join(directory, 'other-key.pem'));
    const report = await verifyAuditRange(
      { ...deps, trustedPublicKey: () => other.publicKey() },
      DAY_1,
      DAY_2,
      { scan: false },
    );
    expect(report.days.map((day) => day.status)).toEqual([
      'SIGNATURE_INVALID',
      'SIGNATURE_INVALID',
    ]);
    expect(report.intact).toBe(false);
  });

  it('a digest file edited after signing fails its signature', async () => {
    await seed();
    const deps = depsOf();
    await signBoth(deps);
    const file = join(directory, digestObjectKeyOf(DAY_2));
    const signed = JSON.parse(readFileSync(file, 'utf8')) as {
      digest: { leaves: { label: string }[] };
    };
    signed.digest.leaves[0] = { ...signed.digest.leaves[0], label: 'REJECTED' };
    writeFileSync(file, JSON.stringify(signed));
    const report = await verifyAuditRange(deps, DAY_2, DAY_2, { scan: false });
    expect(report.days[0]?.status).toBe('SIGNATURE_INVALID');
  });

  it('a digest file that names another signature algorithm fails its signature', async () => {
    await seed();
    const deps = depsOf();
    await signBoth(deps);
    const file = join(directory, digestObjectKeyOf(DAY_2));
    const signed = JSON.parse(readFileSync(file, 'utf8')) as { signature: { algorithm: string } };
    signed.signature.algorithm = 'RSASSA_PSS_SHA_256';
    writeFileSync(file, JSON.stringify(signed));
    const report = await verifyAuditRange(deps, DAY_2, DAY_2, { scan: false });
    expect(report.days[0]?.status).toBe('SIGNATURE_INVALID');
  });

  it('a digest file with a field added after signing fails its signature', async () => {
    await seed();
    const deps = depsOf();
    await signBoth(deps);
    const file = join(directory, digestObjectKeyOf(DAY_2));
    const signed = JSON.parse(readFileSync(file, 'utf8')) as { digest: Record<string, unknown> };
    signed.digest['note'] = 'added later';
    writeFileSync(file, JSON.stringify(signed));
    const report = await verifyAuditRange(deps, DAY_2, DAY_2, { scan: false });
    expect(report.days[0]?.status).toBe('SIGNATURE_INVALID');
  });
});
