import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { problemSchema } from '@elevate/contracts';
import type { AdmissionLimits } from './http/admission';
import { startServer } from './start-server';
import { apiWorld } from './testing/api-world';
import { authHeaders, testApp } from './testing/api-world';
import { PERSONAS, sandbox } from '@elevate/testing';

const { alice } = PERSONAS;

/** A raw request on one fresh socket: status, headers and body as Node saw them. */
const raw = (
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        url,
        { method: options.method ?? 'GET', headers: options.headers, agent: false },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    },
  );

describe('free text refuses every format control and unpaired surrogates, naming the field', () => {
  it.each([
    ['U+200E left-to-right mark', '\u200E'],
    ['U+200F right-to-left mark', '\u200F'],
    ['U+061C Arabic letter mark', '\u061C'],
    ['U+202E right-to-left override', '\u202E'],
    ['U+200B zero-width space', '\u200B'],
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', '\uDC00'],
  ])('%s in a justification is a 400 naming justification', async (_name, character) => {
    const w = apiWorld();
    const response = await w.call(alice, 'POST', '/requests', {
      ...sandbox,
      justification: `Debug the failing ${character}deploy pipeline`,
    });
    expect(response.status).toBe(400);
    const problem = problemSchema.parse(await response.json());
    expect(problem.errors?.map((error) => error.path)).toEqual(['justification']);
  });

  it('a lone surrogate escaped in the JSON of a comment is a 400 naming comment', async () => {
    const w = apiWorld();
    const created = (await (await w.call(alice, 'POST', '/requests', sandbox)).json()) as {
      id: string;
    };
    const response = await w.call(
      alice,
      'POST',
      `/requests/${created.id}/cancel`,
      '{"comment":"bye \\ud800"}',
    );
    expect(response.status).toBe(400);
    expect(problemSchema.parse(await response.json()).errors?.map((error) => error.path)).toEqual([
      'comment',
    ]);
  });
});

describe('dates outside the supported range', () => {
  it.each(['0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z'])(
    'to=%s is a 400 naming to, not a 500',
    async (to) => {
      const { app } = testApp();
      const response = await app.request(`/reviews/decided?to=${to}`, { headers: authHeaders() });
      expect(response.status).toBe(400);
      expect(problemSchema.parse(await response.json()).errors?.map((error) => error.path)).toEqual(
        ['to'],
      );
    },
  );
});

describe('the local server at its limits', () => {
  it('a 413 closes the connection, and the next request on a new one is served', async () => {
    const server = await startServer(testApp().app, { host: '127.0.0.1', port: 0 });
    try {
      const tooLarge = await raw(`${server.url}/requests`, {
        method: 'POST',
        headers: { ...authHeaders(), 'content-type': 'application/json' },
        body: JSON.stringify({ justification: 'x'.repeat(64 * 1024) }),
      });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers['connection']).toBe('close');
      expect(problemSchema.parse(JSON.parse(tooLarge.body)).code).toBe('PAYLOAD_TOO_LARGE');
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('oversized headers get a 431 problem+json, not a bare status', async () => {
    const server = await startServer(testApp().app, { host: '127.0.0.1', port: 0 });
    try {
      const response = await raw(`${server.url}/me`, {
        headers: { 'x-filler': 'x'.repeat(20_000) },
      });
      expect(response.status).toBe(431);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(problemSchema.parse(JSON.parse(response.body)).code).toBe('HEADERS_TOO_LARGE');
    } finally {
      await server.close();
    }
  });

  it('a call over the in-flight bound waits in the queue and is served when a slot frees', async () => {
    let shed = 0;
    const { server, release } = await serverWithHeldReads(
      { concurrency: 1, queue: 1, maxWaitMs: 10_000 },
      () => (shed += 1),
    );
    try {
      const url = `${server.url}/requests/01J0000000000000000000000A`;
      const first = fetch(url, { headers: authHeaders() });
      await new Promise((done) => setTimeout(done, 100));
      const queued = fetch(url, { headers: authHeaders() });
      await new Promise((done) => setTimeout(done, 100));
      // The queue holds one: a third call is refused at once, the second is still waiting.
      expect((await fetch(url, { headers: authHeaders() })).status).toBe(503);
      expect(shed).toBe(1);
      release();
      expect((await first).status).toBe(404);
      expect((await queued).status).toBe(404);
    } finally {
      release();
      await server.close();
    }
  });

  it('beyond its in-flight bound and its queue it sheds at once with 503 OVERLOADED and Retry-After', async () => {
    const { server, release } = await serverWithHeldReads({
      concurrency: 2,
      queue: 0,
      maxWaitMs: 1_000,
    });
    try {
      const held = [1, 2].map(() =>
        fetch(`${server.url}/requests/01J0000000000000000000000A`, { headers: authHeaders() }),
      );
      await new Promise((done) => setTimeout(done, 100));
      const shed = await fetch(`${server.url}/requests/01J0000000000000000000000A`, {
        headers: authHeaders(),
      });
      expect(shed.status).toBe(503);
      expect(shed.headers.get('retry-after')).toBe('1');
      expect(problemSchema.parse(await shed.json()).code).toBe('OVERLOADED');
      release();
      expect((await Promise.all(held)).map((response) => response.status)).toEqual([404, 404]);
    } finally {
      release();
      await server.close();
    }
  });
});

/** A server whose reads wait until `release` is called, so calls pile up against its admission. */
async function serverWithHeldReads(admission: AdmissionLimits, onShed?: () => void) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((done) => (release = done));
  const reads = apiWorld().repository;
  const held = Object.assign(Object.create(reads) as object, {
    get: async (id: string) => {
      await gate;
      return reads.get(id);
    },
  }) as typeof reads;
  const server = await startServer(testApp({ repository: held }).app, {
    host: '127.0.0.1',
    port: 0,
    admission,
    ...(onShed === undefined ? {} : { onShed }),
  });
  return { server, release: () => release() };
}
