import {
  InMemoryAccessRequestRepository,
  PERSONAS,
  personaHeaders,
  countWrites,
  sandbox,
  productionAdmin,
} from '@elevate/testing';
import { describe, expect, it } from 'vitest';
import { problemSchema, requestPageSchema, requestViewSchema } from '@elevate/contracts';
import type { Problem } from '@elevate/contracts';
import { apiWorld } from './testing/api-world';

const { alice, rita, audrey } = PERSONAS;

function world() {
  const repository = countWrites(new InMemoryAccessRequestRepository());
  return { ...apiWorld({ repository }), writes: repository.writes };
}

async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return problemSchema.parse(await response.json());
}

/** Nothing reached the store, and an auditor's listing of everything is empty. */
async function expectNothingStored(w: ReturnType<typeof world>) {
  expect(w.writes()).toBe(0);
  const all = await w.call(
    audrey,
    'GET',
    '/audit/requests?from=2029-06-01T00:00:00Z&to=2030-06-01T00:00:00Z',
  );
  expect(requestPageSchema.parse(await all.json()).items).toEqual([]);
}

describe('POST /requests refuses bad input with a clear problem and stores nothing', () => {
  // prettier-ignore
  it.each([
    ['an unknown field', 400, 'VALIDATION_FAILED', [''], { ...sandbox, approved: true }],
    ['a duration sent as a string', 400, 'VALIDATION_FAILED', ['durationMinutes'], { ...sandbox, durationMinutes: '120' }],
    ['a fractional duration', 400, 'VALIDATION_FAILED', ['durationMinutes'], { ...sandbox, durationMinutes: 15.5 }],
    ['a duration below 15 minutes', 400, 'VALIDATION_FAILED', ['durationMinutes'], { ...sandbox, durationMinutes: 5 }],
    ['break-glass as a string', 400, 'VALIDATION_FAILED', ['breakGlass'], { ...sandbox, breakGlass: 'yes' }],
    ['a malformed account id', 400, 'VALIDATION_FAILED', ['accountId'], { ...sandbox, accountId: '1111' }],
    ['a role name with a space', 400, 'VALIDATION_FAILED', ['roleName'], { ...sandbox, roleName: 'Power User' }],
    ['a missing justification', 400, 'VALIDATION_FAILED', ['justification'], { ...sandbox, justification: undefined }],
    ['a blank justification', 400, 'VALIDATION_FAILED', ['justification'], { ...sandbox, justification: '   ' }],
    ['a bell character in the justification', 400, 'VALIDATION_FAILED', ['justification'], { ...sandbox, justification: 'Debug the pipeline \u0007 now' }],
    ['a newline in the justification', 400, 'VALIDATION_FAILED', ['justification'], { ...sandbox, justification: 'Debug the pipeline\nrm -rf' }],
    ['a right-to-left override in the justification', 400, 'VALIDATION_FAILED', ['justification'], { ...sandbox, justification: 'Debug the \u202Eenilepip' }],
    ['a justification of 2001 characters', 400, 'VALIDATION_FAILED', ['justification'], { ...sandbox, justification: 'é'.repeat(2001) }],
    ['a scheduled start without a time zone', 400, 'VALIDATION_FAILED', ['scheduledStart'], { ...sandbox, scheduledStart: '2030-01-02T09:00:00' }],
    ['several problems at once', 400, 'VALIDATION_FAILED', ['accountId', 'justification', 'roleName'], { accountId: 1, roleName: '', justification: 7 }],
    ['a duration above the rule’s maximum', 422, 'DURATION_OUT_OF_RANGE', undefined, { ...sandbox, durationMinutes: 481 }],
    ['an account Elevate does not manage', 422, 'UNKNOWN_ACCOUNT', undefined, { ...sandbox, accountId: '999999999999' }],
    ['a role no rule offers in the account', 422, 'UNKNOWN_ROLE', undefined, { ...sandbox, roleName: 'Administrator' }],
    ['a justification shorter than the rule’s minimum', 422, 'JUSTIFICATION_INVALID', undefined, { ...sandbox, justification: 'short one' }],
    ['a production admin request without a ticket', 422, 'TICKET_REQUIRED', undefined, { ...productionAdmin, ticket: undefined }],
    ['a ticket in the wrong format', 422, 'TICKET_INVALID', undefined, { ...productionAdmin, ticket: 'ops-1234' }],
    ['a scheduled start in the past', 422, 'SCHEDULE_INVALID', undefined, { ...sandbox, scheduledStart: '2029-12-31T09:00:00Z' }],
    ['break-glass where the rule does not allow it', 422, 'BREAK_GLASS_NOT_ALLOWED', undefined, { ...sandbox, breakGlass: true }],
  ])('%s → %i %s', async (_label, status, code, paths, body) => {
    const w = world();
    const response = await w.call(alice, 'POST', '/requests', body);
    expect(response.status).toBe(status);
    const problem = await problemOf(response);
    expect(problem.code).toBe(code);
    if (paths === undefined) {
      // The policy's reason, for people.
      expect(problem.detail?.length).toBeGreaterThan(10);
    } else {
      expect([...new Set(problem.errors?.map((error) => error.path))].sort()).toEqual(paths);
    }
    await expectNothingStored(w);
  });

  it('accepts letters from any script and emoji, counting characters, not bytes', async () => {
    const w = world();
    const justification = 'Déploiement échoué — 调试 pipeline 🚒';
    const response = await w.call(alice, 'POST', '/requests', { ...sandbox, justification });
    expect(response.status).toBe(201);
    expect(requestViewSchema.parse(await response.json()).justification).toBe(justification);
  });

  it('refuses a body over 16 KiB with 413 before reading it', async () => {
    const w = world();
    const body = JSON.stringify({ ...sandbox, justification: 'x'.repeat(17 * 1024) });
    const response = await w.call(alice, 'POST', '/requests', body, {
      'content-length': String(body.length),
    });
    expect(response.status).toBe(413);
    expect((await problemOf(response)).code).toBe('PAYLOAD_TOO_LARGE');
    await expectNothingStored(w);
  });

  it('refuses broken JSON with 400 and another media type with 415', async () => {
    const w = world();
    expect((await problemOf(await w.call(alice, 'POST', '/requests', '{"accountId":'))).code).toBe(
      'MALFORMED_JSON',
    );
    const text = await w.app.request('/requests', {
      method: 'POST',
      headers: { ...personaHeaders(alice), 'content-type': 'text/plain' },
      body: JSON.stringify(sandbox),
    });
    expect(text.status).toBe(415);
    await expectNothingStored(w);
  });
});

describe('transitions refuse bad input and leave the request as it was', () => {
  it.each([
    ['reject without a comment', 'reject', {}, 400, 'comment'],
    ['reject with a blank comment', 'reject', { comment: '  ' }, 400, 'comment'],
    [
      'approve with a comment of 1001 characters',
      'approve',
      { comment: 'x'.repeat(1001) },
      400,
      'comment',
    ],
    [
      'approve with a control character in the comment',
      'approve',
      { comment: 'ok\u0000' },
      400,
      'comment',
    ],
    ['approve with an unknown field', 'approve', { comment: 'ok', force: true }, 400, ''],
  ])('%s is refused', async (_label, action, body, status, path) => {
    const w = world();
    const created = requestViewSchema.parse(
      await (await w.call(alice, 'POST', '/requests', sandbox)).json(),
    );
    const response = await w.call(rita, 'POST', `/requests/${created.id}/${action}`, body);
    expect(response.status).toBe(status);
    expect((await problemOf(response)).errors?.map((error) => error.path)).toContain(path);
    expect(w.writes()).toBe(1);
    expect((await w.repository.get(created.id))?.version).toBe(1);
  });
});

describe('listings refuse bad query strings', () => {
  it.each([
    ['an unknown parameter', '/requests/mine?sort=asc', 'VALIDATION_FAILED', ''],
    ['a limit of 0', '/requests/mine?limit=0', 'VALIDATION_FAILED', 'limit'],
    ['a limit of 101', '/reviews/pending?limit=101', 'VALIDATION_FAILED', 'limit'],
    ['an unknown status', '/requests/mine?status=DONE', 'VALIDATION_FAILED', 'status'],
    [
      'a cursor with characters no cursor has',
      '/requests/mine?cursor=%25%25',
      'VALIDATION_FAILED',
      'cursor',
    ],
    ['a forged cursor', '/requests/mine?cursor=bm90LWEtY3Vyc29y', 'INVALID_CURSOR', 'cursor'],
    [
      'an audit range that ends before it starts',
      '/audit/requests?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z',
      'VALIDATION_FAILED',
      'to',
    ],
    [
      'an audit range over a year',
      '/audit/requests?from=2028-01-01T00:00:00Z&to=2030-01-01T00:00:00Z',
      'VALIDATION_FAILED',
      'to',
    ],
    ['an audit listing without a range', '/audit/requests', 'VALIDATION_FAILED', 'from'],
  ])('%s: GET %s → 400 %s naming %j', async (_label, path, code, field) => {
    const w = world();
    const response = await w.call(audrey, 'GET', path);
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe(code);
    expect(problem.errors?.map((error) => error.path)).toContain(field);
  });

  it('refuses a cursor handed out by another listing', async () => {
    const w = world();
    for (let i = 0; i < 2; i += 1) await w.call(alice, 'POST', '/requests', sandbox);
    const mine = requestPageSchema.parse(
      await (await w.call(alice, 'GET', '/requests/mine?limit=1')).json(),
    );
    expect(mine.nextCursor).toBeDefined();
    const response = await w.call(
      audrey,
      'GET',
      `/audit/requests?from=2029-06-01T00:00:00Z&to=2030-06-01T00:00:00Z&cursor=${mine.nextCursor ?? ''}`,
    );
    expect(response.status).toBe(400);
    expect((await problemOf(response)).code).toBe('INVALID_CURSOR');
  });
});
