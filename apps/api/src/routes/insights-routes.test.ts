import { describe, expect, it } from 'vitest';
import { insightsResponseSchema, problemSchema } from '@elevate/contracts';
import { apiWorld } from '../testing/api-world';
import { PERSONAS } from '@elevate/testing';

const { alice, bob, rita, audrey, adam } = PERSONAS;

/** Requests through the API, then their facts recorded as the stream consumer would. */
async function seeded() {
  const w = apiWorld();
  const bodies = [
    {
      accountId: '111111111111',
      roleName: 'PowerUser',
      justification: 'Rotate the deploy keys',
      ticket: 'OPS-12',
    },
    { accountId: '222222222222', roleName: 'ReadOnly', justification: 'Look at the staging logs' },
  ];
  let minute = 0;
  for (const who of [alice, bob]) {
    for (const body of bodies) {
      minute += 1;
      w.setNow(`2030-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`);
      const created = await w.call(who, 'POST', '/requests', body);
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      w.setNow(`2030-01-01T10:${String(minute).padStart(2, '0')}:30.000Z`);
      if (body.roleName === 'PowerUser')
        expect((await w.call(rita, 'POST', `/requests/${id}/approve`, {})).status).toBe(200);
    }
  }
  const page = await w.deps.repository.listForAuditWithHistory({
    from: '2030-01-01T00:00:00.000Z',
    to: '2030-01-02T00:00:00.000Z',
    limit: 100,
  });
  for (const request of page.items) await w.deps.insights?.record(request, []);
  w.setNow('2030-01-03T00:00:00.000Z');
  return w;
}

describe('GET /insights', () => {
  it('summarises the days from the aggregates for auditors and admins', async () => {
    const w = await seeded();
    for (const who of [audrey, adam]) {
      const response = await w.call(who, 'GET', '/insights?from=2030-01-01&to=2030-01-01');
      expect(response.status).toBe(200);
      const body = insightsResponseSchema.parse(await response.json());
      expect(body.totals).toMatchObject({ requests: 4, approvedWindows: 2, neverUsedWindows: 2 });
      expect(body.timeToDecision).toEqual({ count: 2, medianSeconds: 30, p90Seconds: 30 });
      expect(body.byAccount[0]).toMatchObject({
        accountId: '111111111111',
        accountName: 'sandbox',
      });
      expect(body.automationCandidates[0]).toMatchObject({
        accountId: '111111111111',
        roleName: 'PowerUser',
        requests: 2,
        ticketPrefixes: [{ prefix: 'OPS', count: 2 }],
      });
      expect(body.itemsRead).toBe(2);
    }
  });

  it('filters by account, tag, role and requester group', async () => {
    const w = await seeded();
    const requests = async (filter: string) =>
      insightsResponseSchema.parse(
        await (
          await w.call(audrey, 'GET', `/insights?from=2030-01-01&to=2030-01-02&${filter}`)
        ).json(),
      ).totals.requests;
    expect(await requests('account=222222222222')).toBe(2);
    expect(await requests('tag=environment%3Ddev')).toBe(2);
    expect(await requests('tag=environment%3Dprod')).toBe(0);
    expect(await requests('role=ReadOnly')).toBe(2);
    expect(await requests('group=engineers')).toBe(4);
  });

  it('refuses requesters and reviewers, and bad ranges, with problem+json', async () => {
    const w = await seeded();
    for (const who of [alice, rita]) {
      const response = await w.call(who, 'GET', '/insights?from=2030-01-01&to=2030-01-01');
      expect(response.status).toBe(403);
      expect(problemSchema.parse(await response.json()).code).toBe('NOT_INSIGHTS_READER');
    }
    for (const query of [
      'from=2030-01-02&to=2030-01-01',
      'from=2030-01-01&to=2031-06-01',
      'from=2030-02-30&to=2030-03-01',
      'from=2030-01-01',
    ]) {
      const response = await w.call(audrey, 'GET', `/insights?${query}`);
      expect(response.status).toBe(400);
      expect(problemSchema.parse(await response.json()).code).toBe('VALIDATION_FAILED');
    }
  });
});
