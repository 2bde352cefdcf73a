import type { VerifiedIdentity } from '@elevate/adapters';
import { ensureTable } from '@elevate/adapters';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { startDynamoDb } from '@elevate/dev-stack';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { problemSchema, requestViewSchema } from '@elevate/contracts';
import type { RequestView } from '@elevate/contracts';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { composeApp } from './composition/compose-app';
import { openStore } from './composition/store';
import { createJsonLogger } from './logger';
import { PERSONAS, personaHeaders, personaVerifier } from '@elevate/testing';
import { storeBackedConfig, stubAwsCredentials } from './testing/store-backed-config';

// The real composition (config → DynamoDB repository → app) against dynalite, where conditional
// writes are real: concurrent decisions must produce exactly one outcome and never overwrite.
const { alice, ravi } = PERSONAS;
const reviewers: VerifiedIdentity[] = Array.from({ length: 20 }, (_, index) => ({
  sub: `reviewer-${index + 1}`,
  email: `reviewer${index + 1}@example.com`,
  name: `Reviewer ${index + 1}`,
  groups: ['reviewers'],
  amr: ['pwd', 'mfa'],
}));

let dynamo: RunningDynamoDb;
let app: Hono<AppEnv>;

beforeAll(async () => {
  dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
  stubAwsCredentials();
  const config = storeBackedConfig(dynamo.endpoint, 'elevate-race');
  const store = openStore(config.dynamodb);
  await ensureTable(store.client, store.tableName);
  app = composeApp(config, {
    verifier: personaVerifier([...Object.values(PERSONAS), ...reviewers]),
    logger: createJsonLogger({ level: 'silent' }),
  }).app;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await dynamo.close();
});

const call = (who: VerifiedIdentity, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: {
      ...personaHeaders(who),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function create(body: Record<string, unknown>): Promise<RequestView> {
  const response = await call(alice, 'POST', '/requests', body);
  expect(response.status).toBe(201);
  return requestViewSchema.parse(await response.json());
}

/** 20 reviewers at once, alternating approve and reject. */
async function race(id: string) {
  const responses = await Promise.all(
    reviewers.map((reviewer, index) =>
      index % 2 === 0
        ? call(reviewer, 'POST', `/requests/${id}/approve`, { comment: `ok from ${reviewer.sub}` })
        : call(reviewer, 'POST', `/requests/${id}/reject`, { comment: `no from ${reviewer.sub}` }),
    ),
  );
  const outcomes = await Promise.all(
    responses.map(async (response, index) => ({
      reviewer: reviewers[index]?.sub,
      decision: index % 2 === 0 ? 'APPROVE' : 'REJECT',
      status: response.status,
      code: response.status === 200 ? undefined : problemSchema.parse(await response.json()).code,
    })),
  );
  const stored = requestViewSchema.parse(
    await (await call(alice, 'GET', `/requests/${id}`)).json(),
  );
  return {
    winners: outcomes.filter((o) => o.status === 200),
    losers: outcomes.filter((o) => o.status !== 200),
    stored,
  };
}

describe('20 concurrent decisions on one pending request (DynamoDB conditional writes)', () => {
  it('quorum 1: exactly one wins, 19 get 409, and the history holds only the winner', async () => {
    const request = await create({
      accountId: '111111111111',
      roleName: 'PowerUser',
      justification: 'Debug the failing deploy pipeline',
    });
    const { winners, losers, stored } = await race(request.id);

    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.status).toBe(409);
      expect(['VERSION_CONFLICT', 'INVALID_STATE']).toContain(loser.code);
    }
    const [winner] = winners;
    expect(stored.status).toBe(winner?.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED');
    expect(stored.decisions.map((d) => [d.approver.sub, d.decision])).toEqual([
      [winner?.reviewer, winner?.decision],
    ]);
    expect(stored.history.map((event) => event.type)).toEqual([
      'CREATED',
      winner?.decision === 'APPROVE' ? 'APPROVAL' : 'REJECTION',
    ]);
    expect(stored.version).toBe(2);
  });

  it('quorum 2 with one approval in: the race decides it once, and the count is the two approvers', async () => {
    const request = await create({
      accountId: '333333333333',
      roleName: 'Administrator',
      justification: 'Rotate the database credentials after the incident',
      ticket: 'OPS-1234',
    });
    const first = await call(ravi, 'POST', `/requests/${request.id}/approve`, {});
    expect(requestViewSchema.parse(await first.json())).toMatchObject({
      status: 'PENDING',
      approvalsCount: 1,
    });

    const { winners, losers, stored } = await race(request.id);

    expect(winners).toHaveLength(1);
    expect(losers.every((loser) => loser.status === 409)).toBe(true);
    const [winner] = winners;
    expect(stored.decisions.map((d) => [d.approver.sub, d.decision])).toEqual([
      [ravi.sub, 'APPROVE'],
      [winner?.reviewer, winner?.decision],
    ]);
    expect(stored.history.map((event) => event.type)).toEqual([
      'CREATED',
      'APPROVAL',
      winner?.decision === 'APPROVE' ? 'APPROVAL' : 'REJECTION',
    ]);
    if (winner?.decision === 'APPROVE')
      expect(stored).toMatchObject({ status: 'APPROVED', approvalsCount: 2 });
    else expect(stored).toMatchObject({ status: 'REJECTED', approvalsCount: 1 });
  });

  it('quorum 2 from scratch: every recorded decision is a winner’s, and the status follows the count', async () => {
    const request = await create({
      accountId: '333333333333',
      roleName: 'Administrator',
      justification: 'Rotate the database credentials after the incident',
      ticket: 'OPS-1234',
    });
    const { winners, losers, stored } = await race(request.id);

    expect(winners.length).toBeGreaterThanOrEqual(1);
    expect(winners.length + losers.length).toBe(20);
    expect(losers.every((loser) => loser.status === 409)).toBe(true);
    expect(stored.decisions.map((d) => [d.approver.sub, d.decision])).toEqual(
      winners
        .map((w) => [w.reviewer, w.decision])
        .sort((a, b) => order(stored, a) - order(stored, b)),
    );
    expect(stored.history).toHaveLength(1 + winners.length);
    const approvals = stored.decisions.filter((d) => d.decision === 'APPROVE').length;
    expect(stored.approvalsCount).toBe(approvals);
    const rejected = stored.decisions.some((d) => d.decision === 'REJECT');
    expect(stored.status).toBe(rejected ? 'REJECTED' : approvals >= 2 ? 'APPROVED' : 'PENDING');
    // A decision after the request left PENDING would be a lost write turned into an overwrite.
    expect(stored.decisions.slice(0, -1).every((d) => d.decision === 'APPROVE')).toBe(true);
  });
});

describe('two reviewers approve a two-approval request at the same instant', () => {
  it('both approvals count, 20 rounds out of 20 (the loser of the write is re-run, not refused)', async () => {
    const [first, second] = reviewers;
    if (first === undefined || second === undefined) throw new Error('reviewers missing');
    for (let round = 0; round < 20; round++) {
      const request = await create({
        accountId: '333333333333',
        roleName: 'Administrator',
        justification: 'Rotate the database credentials after the incident',
        ticket: 'OPS-1234',
      });
      const answers = await Promise.all(
        [first, second].map((reviewer) =>
          call(reviewer, 'POST', `/requests/${request.id}/approve`, {}),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      const stored = requestViewSchema.parse(
        await (await call(alice, 'GET', `/requests/${request.id}`)).json(),
      );
      expect(stored).toMatchObject({ status: 'APPROVED', approvalsCount: 2, version: 3 });
    }
  });
});

/** Position of a winner's decision in the stored order (the order the writes landed in). */
function order(stored: RequestView, [sub]: (string | undefined)[]): number {
  return stored.decisions.findIndex((decision) => decision.approver.sub === sub);
}
