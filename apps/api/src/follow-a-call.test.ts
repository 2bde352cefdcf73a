import type {
  AccessRequest,
  RevocationPolicyStore,
  SessionRecordRepository,
} from '@elevate/domain';
import { PERSONAS, sandbox, streamEventOf, streamRecordOf } from '@elevate/testing';
import { describe, expect, it } from 'vitest';
import type { LogFields } from './logger';
import { createJsonLogger } from './logger';
import { handleStreamBatch } from './notifications/handle-stream-batch';
import { notifierWorld } from './notifications/testing/notifier-world';
import { handleRevocationBatch } from './revocation/handle-revocation-batch';
import { apiWorld } from './testing/api-world';

// One id follows a call through every function: the API logs its correlation id (API Gateway's
// request id in AWS, the caller's x-correlation-id here), records it on the history event the call
// writes, and the notifier and the revoker, which see the change only on the stream, log it too.
const { alice, rita } = PERSONAS;
const callAs = (id: string) => ({ 'x-correlation-id': id });

/** The target roles' deny documents, in memory. */
const documents = (): RevocationPolicyStore => {
  const stored = new Map<string, string>();
  const keyOf = (target: object) => JSON.stringify(target);
  return {
    read: async (target) => stored.get(keyOf(target)),
    write: async (target, document) => void stored.set(keyOf(target), document),
    remove: async (target) => void stored.delete(keyOf(target)),
  };
};

async function approvedThenRevoked() {
  const w = apiWorld();
  const created = (await (
    await w.call(alice, 'POST', '/requests', sandbox, callAs('call-create'))
  ).json()) as { id: string; history: Record<string, unknown>[] };
  const pending = (await w.deps.repository.get(created.id)) as AccessRequest;
  const approve = await w.call(
    rita,
    'POST',
    `/requests/${created.id}/approve`,
    {},
    callAs('call-approve'),
  );
  expect(approve.status).toBe(200);
  const approved = (await w.deps.repository.get(created.id)) as AccessRequest;
  const revoke = await w.call(
    rita,
    'POST',
    `/requests/${created.id}/revoke`,
    { comment: 'Incident closed' },
    callAs('call-revoke'),
  );
  expect(revoke.status).toBe(200);
  const revoked = (await w.deps.repository.get(created.id)) as AccessRequest;
  return { created, pending, approved, revoked };
}

describe('following a call by its correlation id', () => {
  it('records the id on the history event the call writes, and keeps it out of the view', async () => {
    const { created, revoked } = await approvedThenRevoked();
    expect(revoked.history.map((event) => event.correlationId)).toEqual([
      'call-create',
      'call-approve',
      'call-revoke',
    ]);
    expect(created.history[0]).not.toHaveProperty('correlationId');
  });

  it("puts the call's id on the notifier's lines about the change it made", async () => {
    const { created, pending, approved } = await approvedThenRevoked();
    const world = notifierWorld();
    await handleStreamBatch(streamEventOf(streamRecordOf(pending, approved)).Records, world.deps);
    const delivered = world.lines.filter((line) => line.msg === 'delivered');
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.map((line) => line.correlationId)).toEqual(
      delivered.map(() => 'call-approve'),
    );
    expect(delivered.every((line) => line.requestId === created.id)).toBe(true);
  });

  it("puts the call's id on the revoker's line about the revocation it caused", async () => {
    const { approved, revoked } = await approvedThenRevoked();
    const lines: LogFields[] = [];
    const sessions = { listForRequest: async () => [] } as unknown as SessionRecordRepository;
    await handleRevocationBatch(streamEventOf(streamRecordOf(approved, revoked)).Records, {
      store: documents(),
      sessions,
      clock: { now: () => '2030-01-01T09:30:00.000Z' },
      logger: createJsonLogger({
        level: 'info',
        write: (line) => lines.push(JSON.parse(line) as LogFields),
      }),
    });
    expect(lines.find((line) => line.msg === 'revocation written')).toMatchObject({
      correlationId: 'call-revoke',
    });
  });
});
