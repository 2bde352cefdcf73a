// `kill -9` of the HTTP API itself (not only of the notifier) in the middle of a burst of
// approvals: what was acknowledged stays acknowledged, a call whose answer died with the process
// gets its real outcome when retried with its Idempotency-Key, and every approval is mailed once.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { startDynamoDb } from '@elevate/dev-stack';
import { requestViewSchema } from '@elevate/contracts';
import type { VerifiedIdentity } from '@elevate/adapters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_POLICY_FILE, PERSONAS, personaHeaders, sandbox } from '@elevate/testing';

const { alice, rita } = PERSONAS;
const REQUESTS = 40;
/** Approvals acknowledged before the kill; the rest are in flight or never sent. */
const KILL_AFTER = 12;
const IN_FLIGHT = 6;

let dynamo: RunningDynamoDb;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'elevate-kill-api-'));
  env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_REGION: 'eu-west-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ELEVATE_IDP_ISSUER: 'http://127.0.0.1:9',
    ELEVATE_API_AUDIENCE: 'urn:elevate:api',
    ELEVATE_CLIENT_ID: 'elevate-web',
    ELEVATE_DYNAMODB_ENDPOINT: dynamo.endpoint,
    ELEVATE_TABLE_NAME: 'elevate-kill-api',
    ELEVATE_POLICY_FILE: EXAMPLE_POLICY_FILE,
    ELEVATE_DATA_DIR: dataDir,
    ELEVATE_WEB_ORIGIN: 'http://127.0.0.1:9173',
    ELEVATE_API_PORT: '0',
    ELEVATE_LOG_LEVEL: 'silent',
  };
});

afterAll(async () => {
  await dynamo.close();
});

/** Starts the API in a child process; resolves with its URL once it listens. */
async function startApi(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    // The load bench's server: the local server's composition (durable outbox, notifier, HTTP
    // listener) with the test personas in place of the IdP.
    ['--import', 'tsx', join(import.meta.dirname, '../bench/bench-server.ts'), '--with-notifier'],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((ready, fail) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      const match = /^ready (\S+)$/m.exec(text);
      if (match?.[1] !== undefined) ready(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`the API exited with ${code} before listening`)));
  });
  return { child, url };
}

const post = (url: string, who: VerifiedIdentity, path: string, key: string, body: unknown) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      ...personaHeaders(who),
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });

/** Retries while another holder's lease on the key runs (the dead process's), as a client would. */
async function retryUntilSettled(send: () => Promise<Response>): Promise<Response> {
  for (let waited = 0; ; waited += 500) {
    const response = await send();
    if (response.status !== 409 || waited > 30_000) return response;
    const problem = (await response.clone().json()) as { code: string };
    if (problem.code !== 'IDEMPOTENCY_IN_PROGRESS') return response;
    await new Promise((done) => setTimeout(done, 500));
  }
}

const approvedMails = (): string[] => {
  const mailbox = join(dataDir, 'mailbox.jsonl');
  return (existsSync(mailbox) ? readFileSync(mailbox, 'utf8').split('\n') : [])
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { eventType: string; requestId: string })
    .filter((mail) => mail.eventType === 'REQUEST_APPROVED')
    .map((mail) => mail.requestId);
};

describe('kill -9 of the HTTP API during a burst of approvals', () => {
  it('keeps every acknowledged write, resolves the unanswered ones on retry, and mails each approval once', async () => {
    const first = await startApi();
    const ids: string[] = [];
    for (let n = 0; n < REQUESTS; n++) {
      const response = await post(first.url, alice, '/requests', `create-${n}`, sandbox);
      expect(response.status).toBe(201);
      ids.push(requestViewSchema.parse(await response.json()).id);
    }

    // Approvals IN_FLIGHT at a time; the process dies once KILL_AFTER have been answered.
    const acknowledged = new Set<string>();
    const unanswered = new Set<string>();
    const refused: string[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < ids.length) {
        const id = ids[next++] as string;
        let response: Response;
        try {
          response = await post(first.url, rita, `/requests/${id}/approve`, `approve-${id}`, {});
        } catch {
          unanswered.add(id); // the socket died with the process
          continue;
        }
        if (response.status === 200) {
          acknowledged.add(id);
          // True for exactly one answer of all the workers: the set grows one id at a time.
          if (acknowledged.size === KILL_AFTER) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } else refused.push(`${id}: ${response.status}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    // Killed by a signal, a process has a signalCode and no exitCode.
    if (first.child.exitCode === null && first.child.signalCode === null)
      await once(first.child, 'exit');
    expect(refused).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    // The other workers' calls were cut off mid-flight: the case this test is about.
    expect(unanswered.size).toBeGreaterThan(0);

    const second = await startApi();
    try {
      // A create retried with its key answers the first call's outcome: no duplicate request.
      const again = await post(second.url, alice, '/requests', 'create-0', sandbox);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(requestViewSchema.parse(await again.json()).id).toBe(ids[0]);

      // Acknowledged approvals replay; unanswered ones settle to their real outcome, never a 409.
      for (const id of [...acknowledged, ...unanswered]) {
        const retried = await retryUntilSettled(() =>
          post(second.url, rita, `/requests/${id}/approve`, `approve-${id}`, {}),
        );
        expect(retried.status, id).toBe(200);
      }
      const approved = [...acknowledged, ...unanswered];
      for (const id of approved) {
        const response = await fetch(`${second.url}/requests/${id}`, {
          headers: personaHeaders(alice),
        });
        const view = requestViewSchema.parse(await response.json());
        expect(view.status, id).toBe('APPROVED');
        expect(
          view.history.filter((event) => event.type === 'APPROVAL'),
          id,
        ).toHaveLength(1);
      }
      const mine = await fetch(`${second.url}/requests/mine?limit=100`, {
        headers: personaHeaders(alice),
      });
      expect(((await mine.json()) as { items: unknown[] }).items).toHaveLength(REQUESTS);

      // The restarted process's outbox relay delivers what the dead one left: once each.
      const deadline = Date.now() + 50_000;
      while (Date.now() < deadline && !approved.every((id) => approvedMails().includes(id)))
        await new Promise((done) => setTimeout(done, 250));
      const mails = approvedMails();
      for (const id of approved)
        expect(
          mails.filter((mailed) => mailed === id),
          id,
        ).toHaveLength(1);
      expect(new Set(mails).size).toBe(mails.length);
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 150_000);
});
