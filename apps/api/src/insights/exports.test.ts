import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InMemoryInsightsReadModel,
  alice,
  bob,
  ctx,
  examplePolicy,
  productionAdminInput,
  ravi,
  rita,
  sandboxInput,
} from '@elevate/testing';
import { FileExportSink, JsonLinesExport } from '@elevate/adapters';
import type { AccessRequest, SessionRecord, TransitionResult } from '@elevate/domain';
import {
  addMinutes,
  approveRequest,
  createBreakGlassRequest,
  createRequest,
  markBreakGlassReviewed,
  rejectRequest,
  revokeRequest,
  summariseInsights,
} from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { queryExports } from './duckdb-exports';

const unwrap = (result: TransitionResult): AccessRequest => {
  if (!result.ok) throw new Error(result.error.code);
  return result.value.request;
};

const session = (request: AccessRequest, n: number): SessionRecord => ({
  id: `ses-${request.id}-${n}`,
  requestId: request.id,
  kind: n % 2 === 0 ? 'console' : 'cli',
  issuedBy: request.requester,
  roleArn: `arn:aws:iam::${request.accountId}:role/${request.roleName}`,
  accountId: request.accountId,
  accessKeyId: `test-access-key-id-${n}`,
  roleSessionName: `${request.requester.email}-${request.roleName}`,
  sourceIdentity: request.requester.email,
  expiresAt: addMinutes(request.approvedAt ?? request.createdAt, 60 * n),
  region: 'eu-west-1',
  issuedAt: addMinutes(request.approvedAt ?? request.createdAt, 60 * n - 30),
});

/**
 * Every state a handful of requests pass through (some across midnight, so their events fall in
 * two day partitions), each with the sessions it had then.
 */
const history = (): { request: AccessRequest; sessions: SessionRecord[] }[] => {
  const states: { request: AccessRequest; sessions: SessionRecord[] }[] = [];
  const at = (day: number, hour: number) =>
    `2025-03-0${day}T${String(hour).padStart(2, '0')}:30:00.000Z`;
  for (const [index, [day, hour]] of [
    [3, 9],
    [3, 23],
    [4, 12],
    [5, 23],
  ].entries()) {
    const created = unwrap(
      createRequest(
        sandboxInput({
          id: `req-${index}`,
          justification: `Deploy hotfix for the billing service ${index}`,
          ticket: `INC-${index}`,
        }),
        ctx({ ...alice, authTime: at(day ?? 3, hour ?? 9) }, at(day ?? 3, hour ?? 9)),
      ),
    );
    states.push({ request: created, sessions: [] });
    const later = addMinutes(created.createdAt, 45);
    if (index === 2) {
      states.push({
        request: unwrap(rejectRequest(created, { comment: 'no' }, ctx(ravi, later))),
        sessions: [],
      });
      continue;
    }
    const approved = unwrap(approveRequest(created, {}, ctx({ ...rita, authTime: later }, later)));
    states.push({ request: approved, sessions: [] });
    states.push({ request: approved, sessions: [session(approved, 1)] });
    states.push({ request: approved, sessions: [session(approved, 1), session(approved, 2)] });
    if (index === 1) {
      const revoked = unwrap(
        revokeRequest(approved, { comment: 'done' }, ctx(ravi, addMinutes(later, 20))),
      );
      states.push({ request: revoked, sessions: [session(approved, 1), session(approved, 2)] });
    }
  }
  const glassAt = at(4, 22);
  const glass = unwrap(
    createBreakGlassRequest(
      productionAdminInput({ id: 'glass' }),
      ctx({ ...bob, authTime: glassAt }, glassAt),
    ),
  );
  states.push({ request: glass, sessions: [] });
  states.push({
    request: unwrap(
      markBreakGlassReviewed(glass, { comment: 'ok' }, ctx(rita, addMinutes(glassAt, 180))),
    ),
    sessions: [session(glass, 1)],
  });
  return states;
};

const linesUnder = (root: string, dataset: string): Map<string, Record<string, unknown>[]> => {
  const byDay = new Map<string, Record<string, unknown>[]>();
  for (const partition of readdirSync(join(root, dataset))) {
    const rows = readdirSync(join(root, dataset, partition)).flatMap((file) =>
      readFileSync(join(root, dataset, partition, file), 'utf8')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    );
    byDay.set(partition.replace('dt=', ''), rows);
  }
  return byDay;
};

/** Each state exported twice, oldest and newest interleaved, then the final states again. */
const exportAll = async (root: string) => {
  const states = history();
  const exporter = new JsonLinesExport(new FileExportSink(root));
  const insights = new InMemoryInsightsReadModel();
  const shuffled = [...states, ...states.toReversed()];
  for (const { request, sessions } of shuffled) {
    await insights.record(request, sessions);
  }
  // The exports are rewritten from the current state, as the stream consumer reads it: replaying
  // the latest state of each request (any number of times) is what happens in practice.
  const latest = new Map(states.map((state) => [state.request.id, state]));
  for (let round = 0; round < 3; round += 1)
    for (const { request, sessions } of latest.values()) await exporter.record(request, sessions);
  return { latest, insights };
};

describe('JSON Lines exports', () => {
  it('hold every event and session exactly once, in the partition of its day', async () => {
    const root = mkdtempSync(join(tmpdir(), 'elevate-exports-'));
    const { latest } = await exportAll(root);
    const events = linesUnder(root, 'events');
    const expected = new Map<string, string[]>();
    for (const { request } of latest.values())
      for (const [index, event] of request.history.entries()) {
        const day = event.at.slice(0, 10);
        expected.set(day, [...(expected.get(day) ?? []), `${request.id}#${index}#${event.type}`]);
      }
    expect(new Set(events.keys())).toEqual(new Set(expected.keys()));
    for (const [day, rows] of events)
      expect(
        rows
          .map(
            (row) =>
              `${String(row['request_id'])}#${String(row['event_index'])}#${String(row['type'])}`,
          )
          .sort(),
      ).toEqual(expected.get(day)?.sort());
    expect(events.get('2025-03-04')?.length).toBeGreaterThan(0);

    const sessions = [...linesUnder(root, 'sessions').values()].flat();
    const allSessions = [...latest.values()].flatMap((state) => state.sessions);
    expect(sessions.map((row) => row['session_id']).sort()).toEqual(
      allSessions.map((s) => s.id).sort(),
    );
    // Sessions carry what CloudTrail is searched by, and nothing secret.
    expect(Object.keys(sessions[0] ?? {})).not.toContain('secretAccessKey');
    expect(JSON.stringify(sessions)).not.toMatch(/sessionToken|secret/i);
  });

  it(
    'answer the same as the daily aggregates for the same days, through DuckDB',
    { timeout: 60_000 },
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'elevate-exports-'));
      const { insights } = await exportAll(root);
      for (const [from, to] of [
        ['2025-03-01', '2025-03-31'],
        ['2025-03-04', '2025-03-04'],
        ['2025-03-05', '2025-03-05'],
        ['2025-04-01', '2025-04-30'],
      ] as const) {
        const { facts } = await insights.factsOfDays(from, to);
        const summary = summariseInsights(examplePolicy, facts, {}, '2025-04-01T00:00:00.000Z');
        const results = await queryExports(
          root,
          [
            'requests-by-account-role',
            'break-glass',
            'top-requesters',
            'ticket-prefixes',
            'sessions-by-account',
          ],
          from,
          to,
        );
        const byPair = results.get('requests-by-account-role') ?? [];
        expect(byPair.reduce((sum, row) => sum + Number(row['requests']), 0)).toBe(
          summary.totals.requests,
        );
        for (const row of summary.byRole)
          expect(
            byPair
              .filter((pair) => pair['role_name'] === row.roleName)
              .reduce((sum, pair) => sum + Number(pair['requests']), 0),
          ).toBe(row.requests);
        expect(results.get('break-glass')?.length).toBe(summary.totals.breakGlass);
        expect(
          results.get('break-glass')?.filter((row) => row['reviewed_by'] !== null).length,
        ).toBe(summary.totals.breakGlassReviewed);
        expect(
          (results.get('top-requesters') ?? []).map((row) => [
            row['requester_email'],
            Number(row['requests']),
          ]),
        ).toEqual(
          summary.topRequesters
            .map((row) => [row.requesterEmail, row.requests])
            .sort(
              (a, b) => Number(b[1]) - Number(a[1]) || String(a[0]).localeCompare(String(b[0])),
            ),
        );
      }
    },
  );

  it(
    'answers an empty range, and a folder with no exports yet, with no rows',
    { timeout: 30_000 },
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'elevate-exports-'));
      const results = await queryExports(
        root,
        ['requests-by-account-role', 'sessions-by-account'],
        '2025-01-01',
        '2025-01-31',
      );
      expect([...results.values()]).toEqual([[], []]);
    },
  );
});
