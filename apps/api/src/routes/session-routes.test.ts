import { describe, expect, it } from 'vitest';
import {
  cliSessionResponseSchema,
  consoleSessionResponseSchema,
  problemSchema,
  requestViewSchema,
} from '@elevate/contracts';
import type { RequestView } from '@elevate/contracts';
import {
  InMemorySessionRecordRepository,
  PERSONAS,
  productionAdmin,
  sandbox,
  spyIssuer,
  spySignIn,
} from '@elevate/testing';
import {
  addMinutes,
  ConsoleSignInError,
  CredentialIssueError,
  sessionPolicyOf,
} from '@elevate/domain';
import type { SessionRecord, SessionRecordRepository } from '@elevate/domain';
import { apiWorld, START } from '../testing/api-world';
import type { ApiWorld } from '../testing/api-world';
import { createApp } from '../app';

const { alice, bob, rita, ravi, audrey } = PERSONAS;

const json = async (response: Response, status: number): Promise<unknown> => {
  const body: unknown = await response.json();
  expect({ status: response.status, body }).toMatchObject({ status });
  return body;
};

const create = async (w: ApiWorld, body: object = sandbox): Promise<RequestView> =>
  requestViewSchema.parse(await json(await w.call(alice, 'POST', '/requests', body), 201));

const approve = async (w: ApiWorld, id: string, by = rita) =>
  json(await w.call(by, 'POST', `/requests/${id}/approve`, {}), 200);

const approved = async (w: ApiWorld, body: object = sandbox): Promise<string> => {
  const { id } = await create(w, body);
  await approve(w, id);
  return id;
};

const federate = (w: ApiWorld, id: string, body: object = { kind: 'cli' }, who = alice) =>
  w.call(who, 'POST', `/requests/${id}/sessions`, body);

/** A refusal: the problem code, no STS call, no sign-in, no record, nothing credential-like back. */
const expectRefused = async (
  w: ApiWorld,
  response: Response,
  status: number,
  code: string,
  requestId: string,
) => {
  const text = await response.text();
  expect({ status: response.status, code: problemSchema.parse(JSON.parse(text)).code }).toEqual({
    status,
    code,
  });
  expect(w.issuer.calls).toEqual([]);
  expect(w.signIn.calls).toEqual([]);
  expect(await w.sessions.listForRequest(requestId)).toEqual([]);
  expect(text).not.toMatch(/secretAccessKey|sessionToken|SigninToken|ASIA/);
  return JSON.parse(text) as Record<string, unknown>;
};

describe('POST /requests/{id}/sessions: CLI', () => {
  it('assumes the target role as the person, tagged with the request, and returns credentials', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    const response = await federate(w, id, { kind: 'cli', region: 'eu-central-1' });
    const body = cliSessionResponseSchema.parse(await json(response, 201));
    expect(response.headers.get('cache-control')).toBe('no-store');
    const [issued] = w.issuer.issued;
    expect(body).toEqual({
      kind: 'cli',
      credentials: {
        accessKeyId: issued?.accessKeyId,
        secretAccessKey: issued?.secretAccessKey,
        sessionToken: issued?.sessionToken,
        expiration: issued?.expiration,
      },
      region: 'eu-central-1',
      expiresAt: issued?.expiration,
    });
    expect(w.issuer.calls).toEqual([
      {
        roleArn: 'arn:aws:iam::111111111111:role/PowerUser',
        roleSessionName: 'alice@example.com-PowerUser',
        sourceIdentity: 'alice@example.com',
        tags: [
          { key: 'elevate:request-id', value: id },
          { key: 'elevate:requester', value: 'alice@example.com' },
        ],
        durationSeconds: 3600,
        // The rule does not allow role chaining, so the session may not assume other roles.
        sessionPolicy: sessionPolicyOf({ allowRoleChaining: false }),
      },
    ]);
  });

  it('ends the credentials with the window: shorter session and the deny-after policy near the end', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    w.setNow(addMinutes(START, 100)); // 20 minutes left of 120
    const body = cliSessionResponseSchema.parse(await json(await federate(w, id), 201));
    const [call] = w.issuer.calls;
    expect(call?.durationSeconds).toBe(1200);
    expect(call?.sessionPolicy).toContain('"aws:CurrentTime":"2030-01-01T11:00:00Z"');
    expect(body.expiresAt).toBe('2030-01-01T10:00:00.000Z'); // the fake credentials end first
  });

  it('sends the ticket as a session tag and the deployment region by default', async () => {
    const w = apiWorld({ federation: true });
    const { id } = await create(w, productionAdmin);
    await approve(w, id, rita);
    await approve(w, id, ravi);
    const body = cliSessionResponseSchema.parse(await json(await federate(w, id), 201));
    expect(body.region).toBe('eu-west-1');
    expect(w.issuer.calls[0]?.tags).toContainEqual({ key: 'elevate:ticket', value: 'OPS-1234' });
  });
});

describe('one person, one identity in AWS', () => {
  it('refuses a session to a second person whose e-mail already names someone else, before STS', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    // Someone else (another IdP account) got a session first as " Alice@Example.com ".
    expect(await w.identityBindings.bind('alice@example.com', 'another-sub')).toBe('bound');
    const body = await expectRefused(w, await federate(w, id), 409, 'IDENTITY_CONFLICT', id);
    expect(String(body['detail'])).toMatch(/already names another person/);
  });

  it('binds the e-mail to the person on their first session and keeps serving them', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    expect((await federate(w, id)).status).toBe(201);
    expect((await federate(w, id)).status).toBe(201);
    expect(await w.identityBindings.bind('alice@example.com', 'another-sub')).toBe('taken');
  });
});

describe('POST /requests/{id}/sessions: console', () => {
  it('returns the one-time sign-in URL for the chosen region and deep link', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    const response = await federate(w, id, {
      kind: 'console',
      region: 'eu-central-1',
      destination: '/s3/home?region=eu-central-1',
    });
    const body = consoleSessionResponseSchema.parse(await json(response, 201));
    expect(body.url).toBe(w.signIn.urls[0]);
    const [issued] = w.issuer.issued;
    expect(w.signIn.calls).toEqual([
      {
        credentials: {
          accessKeyId: issued?.accessKeyId,
          secretAccessKey: issued?.secretAccessKey,
          sessionToken: issued?.sessionToken,
          expiration: issued?.expiration,
        },
        region: 'eu-central-1',
        destination: '/s3/home?region=eu-central-1',
      },
    ]);
  });

  it.each([
    [{ kind: 'cli', destination: '/s3/home' }],
    [{ kind: 'console', destination: 'https://evil.example.com/' }],
    [{ kind: 'console', destination: '//evil.example.com' }],
    [{ kind: 'console', region: 'Mars' }],
    [{ kind: 'api' }],
  ])('refuses a body that does not fit (%j) before anything else', async (body) => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    await expectRefused(w, await federate(w, id, body), 400, 'VALIDATION_FAILED', id);
  });
});

describe('the session record', () => {
  it('is written with who, what, where from and which key — and shown with the request to whoever may see it', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    await json(
      await w.call(
        alice,
        'POST',
        `/requests/${id}/sessions`,
        { kind: 'console' },
        { 'user-agent': 'Mozilla/5.0 (X11)', 'x-forwarded-for': '198.51.100.66' },
        { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
      ),
      201,
    );
    const [issued] = w.issuer.issued;
    const expected = {
      id: 'req-0002',
      requestId: id,
      kind: 'console',
      issuedBy: { sub: alice.sub, email: alice.email, name: alice.name },
      roleArn: 'arn:aws:iam::111111111111:role/PowerUser',
      accountId: '111111111111',
      accessKeyId: issued?.accessKeyId,
      roleSessionName: 'alice@example.com-PowerUser',
      sourceIdentity: 'alice@example.com',
      expiresAt: issued?.expiration,
      region: 'eu-west-1',
      // The socket's peer; the client-written x-forwarded-for is ignored.
      sourceIp: '127.0.0.1',
      userAgent: 'Mozilla/5.0 (X11)',
      issuedAt: START,
    };
    expect(await w.sessions.listForRequest(id)).toEqual([expected]);
    for (const who of [alice, rita, audrey]) {
      const view = requestViewSchema.parse(
        await json(await w.call(who, 'GET', `/requests/${id}`), 200),
      );
      expect(view.sessions).toEqual([expected]);
    }
    const text = await (await w.call(audrey, 'GET', `/requests/${id}`)).text();
    expect(text).not.toContain(issued?.secretAccessKey);
    expect(text).not.toContain(issued?.sessionToken);
    expect(text).not.toContain(w.signIn.urls[0]);
  });

  it('takes the source IP API Gateway saw when running on Lambda', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    await w.call(
      alice,
      'POST',
      `/requests/${id}/sessions`,
      { kind: 'cli' },
      {},
      { event: { requestContext: { http: { sourceIp: '203.0.113.9' } } } },
    );
    expect((await w.sessions.listForRequest(id))[0]?.sourceIp).toBe('203.0.113.9');
  });

  it('is written before the credentials are returned', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store = new InMemorySessionRecordRepository();
    let recorded = false;
    const slow: SessionRecordRepository = {
      listForRequest: (id) => store.listForRequest(id),
      record: async (session: SessionRecord) => {
        await gate;
        recorded = true;
        return store.record(session);
      },
    };
    const w = apiWorld({ federation: true, sessions: slow });
    const id = await approved(w);
    let answered = false;
    const pending = Promise.resolve(federate(w, id)).then((response) => {
      answered = true;
      expect(recorded).toBe(true);
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(w.issuer.calls).toHaveLength(1);
    expect(answered).toBe(false);
    release();
    expect((await pending).status).toBe(201);
  });

  it('starts what the record needs beside the request read, before any check, and uses it', async () => {
    const store = new InMemorySessionRecordRepository();
    const events: string[] = [];
    const preparing: SessionRecordRepository = {
      listForRequest: (id) => store.listForRequest(id),
      record: (session) => store.record(session),
      prepare: (requestId) => {
        events.push(`prepare ${requestId}`);
        return async (session) => {
          events.push(`record ${session.requestId}`);
          return store.record(session);
        };
      },
    };
    const w = apiWorld({ federation: true, sessions: preparing });
    const id = await approved(w);
    const get = w.repository.get.bind(w.repository);
    w.repository.get = async (requestId) => {
      events.push(`read ${requestId}`);
      return get(requestId);
    };
    expect((await federate(w, id)).status).toBe(201);
    expect(events).toEqual([`prepare ${id}`, `read ${id}`, `record ${id}`, `read ${id}`]);
  });

  it('prepares nothing for an id that cannot name a request', async () => {
    const prepared: string[] = [];
    const store = new InMemorySessionRecordRepository();
    const sessions: SessionRecordRepository = {
      listForRequest: (id) => store.listForRequest(id),
      record: (session) => store.record(session),
      prepare: (requestId) => {
        prepared.push(requestId);
        return (session) => store.record(session);
      },
    };
    const w = apiWorld({ federation: true, sessions });
    const response = await federate(w, 'not*an*id');
    expect(response.status).toBe(404);
    expect(prepared).toEqual([]);
  });

  it('is withheld (409, no credentials) when a revoke lands while AssumeRole runs, and stays recorded', async () => {
    const issuer = spyIssuer();
    const assumeRole = issuer.issue.bind(issuer);
    let revokeDuringAssumeRole = async (): Promise<void> => undefined;
    issuer.issue = async (input) => {
      const credentials = await assumeRole(input);
      await revokeDuringAssumeRole();
      return credentials;
    };
    const w = apiWorld({ federation: true, issuer });
    const id = await approved(w);
    revokeDuringAssumeRole = async () => {
      await json(await w.call(rita, 'POST', `/requests/${id}/revoke`, { comment: 'Stop' }), 200);
    };
    const response = await federate(w, id, { kind: 'console' });
    const text = await response.text();
    expect({ status: response.status, code: problemSchema.parse(JSON.parse(text)).code }).toEqual({
      status: 409,
      code: 'SESSION_WITHHELD',
    });
    const [issued] = w.issuer.issued;
    for (const secret of [issued?.accessKeyId, issued?.secretAccessKey, issued?.sessionToken])
      expect(text).not.toContain(secret);
    expect(w.signIn.calls).toEqual([]);
    expect((await w.sessions.listForRequest(id)).map((s) => s.accessKeyId)).toEqual([
      issued?.accessKeyId,
    ]);
    expect(w.issuer.calls).toHaveLength(1);
  });

  it.each([
    ['throws', async () => Promise.reject(new Error('ProvisionedThroughputExceededException'))],
    [
      'refuses the write',
      async () => ({
        ok: false as const,
        error: { code: 'ALREADY_EXISTS' as const, message: 'x' },
      }),
    ],
  ])('when the store %s, no credentials are returned', async (_label, record) => {
    const failing: SessionRecordRepository = { record, listForRequest: async () => [] };
    const w = apiWorld({ federation: true, sessions: failing });
    const id = await approved(w);
    const response = await federate(w, id, { kind: 'console' });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(problemSchema.parse(JSON.parse(text)).code).toBe('INTERNAL');
    const [issued] = w.issuer.issued;
    expect(issued).toBeDefined();
    for (const secret of [issued?.accessKeyId, issued?.secretAccessKey, issued?.sessionToken])
      expect(text).not.toContain(secret);
    expect(w.signIn.calls).toEqual([]);
  });
});

describe('every denial: a stable code, no STS call, no credentials', () => {
  it('pending', async () => {
    const w = apiWorld({ federation: true });
    const { id } = await create(w);
    await expectRefused(w, await federate(w, id), 409, 'INVALID_STATE', id);
  });

  it('rejected', async () => {
    const w = apiWorld({ federation: true });
    const { id } = await create(w);
    await json(await w.call(rita, 'POST', `/requests/${id}/reject`, { comment: 'No' }), 200);
    await expectRefused(w, await federate(w, id), 409, 'INVALID_STATE', id);
  });

  it('expired before anyone decided', async () => {
    const w = apiWorld({ federation: true });
    const { id } = await create(w);
    const later = addMinutes(START, 24 * 60 + 1);
    await w.expire(id, later);
    w.setNow(later);
    await expectRefused(w, await federate(w, id), 409, 'INVALID_STATE', id);
  });

  it('revoked', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    await json(await w.call(rita, 'POST', `/requests/${id}/revoke`, { comment: 'Done' }), 200);
    await expectRefused(w, await federate(w, id), 409, 'INVALID_STATE', id);
  });

  it('ended early', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    await json(await w.call(alice, 'POST', `/requests/${id}/end`, {}), 200);
    await expectRefused(w, await federate(w, id), 409, 'INVALID_STATE', id);
  });

  it('scheduled and not started yet — and allowed once it has', async () => {
    const w = apiWorld({ federation: true });
    const { id } = await create(w, { ...sandbox, scheduledStart: addMinutes(START, 60) });
    await approve(w, id);
    w.setNow(addMinutes(START, 59));
    await expectRefused(w, await federate(w, id), 409, 'WINDOW_NOT_OPEN', id);
    w.setNow(addMinutes(START, 60));
    expect((await federate(w, id)).status).toBe(201);
  });

  it('window over, by the clock', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    w.setNow(addMinutes(START, 120));
    await expectRefused(w, await federate(w, id), 409, 'WINDOW_OVER', id);
  });

  it('someone else’s request: not found for those who cannot see it, not theirs for a reviewer', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    await expectRefused(w, await federate(w, id, { kind: 'cli' }, bob), 404, 'NOT_FOUND', id);
    await expectRefused(w, await federate(w, id, { kind: 'cli' }, rita), 403, 'NOT_REQUESTER', id);
  });

  it('an actor removed from the eligible group since approval (same sub, new tokens)', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    w.verifier.set({ ...alice, groups: ['contractors'] });
    await expectRefused(w, await federate(w, id), 403, 'NOT_ELIGIBLE', id);
  });

  it('step-up required but missing: 401 with how recent the sign-in must be', async () => {
    const w = apiWorld({ federation: true });
    const { id } = await create(w, productionAdmin);
    await approve(w, id, rita);
    await approve(w, id, ravi);
    w.verifier.set({ ...alice, amr: ['pwd'] });
    const response = await federate(w, id, { kind: 'console' });
    expect(response.headers.get('www-authenticate')).toContain(
      'error="insufficient_user_authentication"',
    );
    const problem = await expectRefused(w, response, 401, 'STEP_UP_REQUIRED', id);
    expect(problem['maxAuthAgeSeconds']).toBe(900);
  });

  it('step-up with MFA too long ago', async () => {
    const w = apiWorld({ federation: true });
    const { id } = await create(w, productionAdmin);
    await approve(w, id, rita);
    await approve(w, id, ravi);
    w.setNow(addMinutes(START, 20)); // alice signed in at 08:55: 25 minutes ago, rule allows 15
    await expectRefused(w, await federate(w, id), 401, 'STEP_UP_REQUIRED', id);
    w.verifier.set({ ...alice, authTime: addMinutes(START, 10) });
    expect((await federate(w, id)).status).toBe(201);
  });

  it('tokens verified once per call: the use case reuses the middleware’s answer for the same tokens', async () => {
    const w = apiWorld({ federation: true });
    const id = await approved(w);
    const before = w.verifier.calls;
    expect((await federate(w, id)).status).toBe(201);
    expect(w.verifier.calls - before).toBe(1);
  });
});

describe('when AWS says no', () => {
  it.each([
    ['denied', 'AccessDenied', 502, 'FEDERATION_DENIED'],
    ['unavailable', 'Throttling', 503, 'STS_UNAVAILABLE'],
  ] as const)(
    '%s (%s) is a %i %s problem naming nothing internal',
    async (failure, stsCode, status, code) => {
      const issuer = spyIssuer(
        () =>
          new CredentialIssueError(
            failure,
            stsCode,
            ['eu-west-1', 'eu-central-1'],
            `STS said ${stsCode}`,
          ),
      );
      const w = apiWorld({ federation: true, issuer });
      const id = await approved(w);
      const response = await federate(w, id);
      const text = await response.text();
      const problem = problemSchema.parse(JSON.parse(text));
      expect({ status: response.status, code: problem.code }).toEqual({ status, code });
      expect(problem.correlationId).toBeDefined();
      expect(text).not.toContain(stsCode);
      expect(text).not.toContain('eu-central-1');
      expect(text).not.toContain('arn:aws');
      expect(await w.sessions.listForRequest(id)).toEqual([]);
      // The operator's log has the STS code.
      expect(w.logLines.some((line) => line.includes(stsCode))).toBe(true);
    },
  );

  it('a console sign-in failure is 502 CONSOLE_SIGN_IN_FAILED, and the issued session stays recorded', async () => {
    const w = apiWorld({
      federation: true,
      signIn: spySignIn(() => new ConsoleSignInError('unavailable', 'no answer')),
    });
    const id = await approved(w);
    const response = await federate(w, id, { kind: 'console' });
    expect(response.status).toBe(502);
    expect(problemSchema.parse(await response.json()).code).toBe('CONSOLE_SIGN_IN_FAILED');
    expect(await w.sessions.listForRequest(id)).toHaveLength(1);
  });
});

describe('which app serves the federate route', () => {
  it('the API function’s app does not: its role cannot call STS', async () => {
    const w = apiWorld({ federation: true, routes: 'api' });
    const id = await approved(w);
    const response = await federate(w, id);
    expect(response.status).toBe(404);
    expect(w.issuer.calls).toEqual([]);
  });

  it('the federate function’s app serves it and nothing else', async () => {
    const all = apiWorld({ federation: true });
    const id = await approved(all);
    const only = createApp({ ...all.deps }, { routes: 'federate' });
    const headers = {
      authorization: `Bearer persona.${alice.sub}`,
      'x-elevate-id-token': `id.${alice.sub}`,
    };
    expect((await only.request('/requests/mine', { headers })).status).toBe(404);
    expect((await only.request('/health')).status).toBe(401);
    const response = await only.request(`/requests/${id}/sessions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'cli' }),
    });
    expect(response.status).toBe(201);
  });

  it('refuses to build a federate app without STS settings or a session store', () => {
    const { deps } = apiWorld({ federation: true });
    const { federation: _f, ...noFederation } = deps;
    const { sessions: _s, ...noSessions } = deps;
    expect(() => createApp(noFederation, { routes: 'federate' })).toThrow(/federation settings/);
    expect(() => createApp(noSessions, { routes: 'all' })).toThrow(/session record store/);
    expect(() => createApp(noFederation)).not.toThrow();
  });
});
