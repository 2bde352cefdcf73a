// `pnpm bench:load [--rates 50,100,200] [--seconds 60] [--assert] [--profile <dir>]`: an open-model mixed workload
// against one local API process (bench-server.ts), its notifier in another (bench-notifier.ts, as
// in AWS) and the stand-ins in a third. Calls start on schedule whether or not earlier ones
// finished, as real users do; each gives up after 30 s. Reports achieved rate, p50/p95/p99 per
// operation, errors by code, memory and each process's CPU per call, then checks that every
// acknowledged write exists exactly once and each notification was mailed exactly once. `--assert` exits 1 on
// any error other than a 503 shed, or on a lost or duplicated write or notification. `--profile`
// writes each child's CPU profile into <dir>.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { IDEMPOTENCY_KEY_HEADER } from '@elevate/contracts';
import { loadDevConfig } from '@elevate/dev-stack';
import { EXAMPLE_POLICY_FILE, PERSONAS, personaHeaders, sandbox } from '@elevate/testing';

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '50,100,200' },
    seconds: { type: 'string', default: '60' },
    port: { type: 'string', default: '0' }, // any free port: runs never collide
    assert: { type: 'boolean', default: false },
    // A directory for each child's V8 CPU profile (.cpuprofile: Chrome DevTools, speedscope).
    profile: { type: 'string' },
  },
});
const rates = values.rates.split(',').map(Number);
const seconds = Number(values.seconds);
const CLIENT_TIMEOUT_MS = 30_000;
const { alice, bob, rita, ravi } = PERSONAS;

type Op = 'create' | 'approve' | 'reject' | 'listMine' | 'listPending' | 'detail' | 'federate';
/** Share of each operation in the mix (sums to 1). */
const MIX: ReadonlyArray<[Op, number]> = [
  ['create', 0.2],
  ['approve', 0.1],
  ['reject', 0.05],
  ['listMine', 0.2],
  ['listPending', 0.15],
  ['detail', 0.25],
  // CLI credentials for an approved window: two token checks, the window, AssumeRole (emulator).
  ['federate', 0.05],
];

interface Sample {
  op: Op;
  ms: number;
  status: number;
  code?: string;
}

const devConfig = loadDevConfig(join(import.meta.dirname, '../../../../config/dev-stack.yaml'));
const broker = devConfig.sts.principals.find((principal) => principal.name === 'broker');
if (!broker) throw new Error('config/dev-stack.yaml has no broker principal');

/** Starts a bench child; resolves with what it prints after `ready `, passes other lines on. */
function startChild(
  file: string,
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
): Promise<{ ready: string; child: ChildProcess }> {
  const profiling =
    values.profile === undefined
      ? []
      : [
          '--cpu-prof',
          `--cpu-prof-dir=${values.profile}`,
          '--import',
          join(import.meta.dirname, 'exit-on-sigterm.ts'),
        ];
  const args = ['--import', 'tsx', ...profiling, join(import.meta.dirname, file)];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      for (const line of text.split('\n')) {
        if (line.startsWith('ready ')) resolve({ ready: line.slice(6), child });
        else if (line !== '') onLine(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`${file} exited ${code}`)));
  });
}

/** Latest cumulative CPU microseconds each child reported. */
const cpu = { server: 0, notifier: 0, standIns: 0 };
/** Latest cumulative store calls by operation, as dynalite counted them (API and notifier). */
let storeCalls: Record<string, number> = {};
const standIns = await startChild('bench-stand-ins.ts', {}, (line) => {
  if (line.startsWith('cpu ')) cpu.standIns = Number(line.slice(4));
  if (line.startsWith('calls ')) storeCalls = JSON.parse(line.slice(6)) as Record<string, number>;
});
const endpoints = JSON.parse(standIns.ready) as {
  dynamoEndpoint: string;
  stsEndpoints: Record<string, string>;
  federationEndpoint: string;
};
const dataDir = mkdtempSync(join(tmpdir(), 'elevate-bench-'));
const rss: number[] = [];
const notifierRss: number[] = [];
const childEnv = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  // The broker's keys: dynalite takes any, the STS emulator only its principals'.
  AWS_ACCESS_KEY_ID: broker.accessKeyId,
  AWS_SECRET_ACCESS_KEY: broker.secretAccessKey,
  AWS_REGION: devConfig.sts.regions[0] ?? 'eu-west-1',
  ELEVATE_STS_ENDPOINTS: JSON.stringify(endpoints.stsEndpoints),
  ELEVATE_STS_REGIONS: devConfig.sts.regions.join(','),
  ELEVATE_FEDERATION_ENDPOINT: endpoints.federationEndpoint,
  ELEVATE_API_PORT: values.port,
  ELEVATE_DYNAMODB_ENDPOINT: endpoints.dynamoEndpoint,
  ELEVATE_IDP_ISSUER: 'http://127.0.0.1:9',
  ELEVATE_API_AUDIENCE: 'urn:elevate:api',
  ELEVATE_CLIENT_ID: 'elevate-web',
  ELEVATE_POLICY_FILE: EXAMPLE_POLICY_FILE,
  ELEVATE_DATA_DIR: dataDir,
  ELEVATE_WEB_ORIGIN: 'http://127.0.0.1:9173',
  ELEVATE_LOG_LEVEL: 'silent',
};
const server = await startChild('bench-server.ts', childEnv, (line) => {
  if (line.startsWith('rss ')) rss.push(Number(line.slice(4)));
  if (line.startsWith('cpu ')) cpu.server = Number(line.slice(4));
});
// After the server: it creates the table the notifier relays from.
const notifier = await startChild('bench-notifier.ts', childEnv, (line) => {
  if (line.startsWith('rss ')) notifierRss.push(Number(line.slice(4)));
  if (line.startsWith('cpu ')) cpu.notifier = Number(line.slice(4));
});
const baseUrl = server.ready;

const pending: string[] = [];
/** Acknowledged creates, with who made them (only they, reviewers and auditors may read them). */
const created = new Map<string, typeof alice>();
const approved = new Set<string>();
const rejected = new Set<string>();
/** Approved requests that got CLI credentials (none are kept: only that it happened). */
const sessions = new Set<string>();

async function send(op: Op): Promise<Sample> {
  const started = performance.now();
  const [who, method, path, body] = requestOf(op);
  let status = 0;
  let code: string | undefined;
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...personaHeaders(who),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'POST' ? { [IDEMPOTENCY_KEY_HEADER]: crypto.randomUUID() } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    status = response.status;
    const text = await response.text();
    const parsed = (text === '' ? {} : JSON.parse(text)) as { id?: string; code?: string };
    if (!response.ok) code = parsed.code;
    else if (op === 'create' && parsed.id !== undefined) {
      created.set(parsed.id, who);
      pending.push(parsed.id);
    } else if (method === 'POST' && op === 'approve') approved.add(path.split('/')[2] ?? '');
    else if (method === 'POST' && op === 'reject') rejected.add(path.split('/')[2] ?? '');
    else if (method === 'POST' && op === 'federate') sessions.add(path.split('/')[2] ?? '');
  } catch (error) {
    code =
      error instanceof Error && error.name === 'TimeoutError'
        ? 'CLIENT_TIMEOUT'
        : `NETWORK ${causeOf(error)}`.trim();
  }
  return { op, ms: performance.now() - started, status, ...(code === undefined ? {} : { code }) };
}

/** What undici says went wrong under its generic "fetch failed" (ECONNRESET, UND_ERR_SOCKET, …). */
function causeOf(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? '';
}

function requestOf(op: Op): [typeof alice, string, string, unknown?] {
  const requester = Math.random() < 0.5 ? alice : bob;
  switch (op) {
    case 'create':
      return [requester, 'POST', '/requests', sandbox];
    case 'approve': {
      const id = pending.shift();
      return id === undefined
        ? [rita, 'GET', '/reviews/pending?limit=20']
        : [rita, 'POST', `/requests/${id}/approve`, {}];
    }
    case 'reject': {
      const id = pending.shift();
      return id === undefined
        ? [ravi, 'GET', '/reviews/pending?limit=20']
        : [ravi, 'POST', `/requests/${id}/reject`, { comment: 'Not this time' }];
    }
    case 'listMine':
      return [requester, 'GET', '/requests/mine?limit=20'];
    case 'listPending':
      return [rita, 'GET', '/reviews/pending?limit=20'];
    case 'federate': {
      const ids = [...approved];
      const id = ids[Math.floor(Math.random() * ids.length)];
      return id === undefined
        ? [requester, 'GET', '/requests/mine?limit=20']
        : [created.get(id) ?? alice, 'POST', `/requests/${id}/sessions`, { kind: 'cli' }];
    }
    case 'detail': {
      const ids = [...created.keys()];
      const id = ids[Math.floor(Math.random() * ids.length)];
      return id === undefined
        ? [requester, 'GET', '/requests/mine?limit=20']
        : [created.get(id) ?? alice, 'GET', `/requests/${id}`];
    }
  }
}

const pick = (): Op => {
  let roll = Math.random();
  for (const [op, share] of MIX) if ((roll -= share) < 0) return op;
  return 'detail';
};

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
/** The samples at the end of each fifth of a run: flat memory shows as a flat row. */
const fifths = (samples: number[]): number[] =>
  [1, 2, 3, 4, 5].map((k) => samples[Math.ceil((k * samples.length) / 5) - 1] ?? 0);

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(rate: number): Promise<{ ok: boolean; report: string }> {
  const samples: Promise<Sample>[] = [];
  await new Promise((done) => setTimeout(done, 1_100)); // a fresh report from each child
  const rssBefore = rss.at(-1) ?? 0;
  const rssFrom = rss.length;
  const notifierRssFrom = notifierRss.length;
  const cpuBefore = { ...cpu, generator: process.cpuUsage() };
  const storeCallsBefore = { ...storeCalls };
  const startedAt = performance.now();
  // Open model: every 10 ms, start the calls due by now, whatever is still in flight.
  await new Promise<void>((done) => {
    let started = 0;
    const timer = setInterval(() => {
      const elapsed = (performance.now() - startedAt) / 1000;
      const due = Math.min(Math.floor(elapsed * rate), rate * seconds);
      for (; started < due; started++) samples.push(send(pick()));
      if (started >= rate * seconds) {
        clearInterval(timer);
        done();
      }
    }, 10);
  });
  const results = await Promise.all(samples);
  const wallS = (performance.now() - startedAt) / 1000;
  // Children report each second: wait for one more report so the figures cover the whole run.
  await new Promise((done) => setTimeout(done, 1_100));
  const generator = process.cpuUsage(cpuBefore.generator);
  const msPerCall = (micros: number) => (micros / 1000 / results.length).toFixed(2);
  const perCall = (count: number) => (count / results.length).toFixed(2);
  const storeCallsDuring = Object.entries(storeCalls)
    .map(([operation, count]): [string, number] => [
      operation,
      count - (storeCallsBefore[operation] ?? 0),
    ])
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  const storeCallsTotal = storeCallsDuring.reduce((sum, [, count]) => sum + count, 0);
  const lines = [`### ${rate} rps × ${seconds} s`, ''];
  lines.push(
    '| operation | calls | ok | p50 ms | p95 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [op] of MIX) {
    const of = results.filter((s) => s.op === op);
    const ms = of
      .filter((s) => s.status > 0 && s.status < 500)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    lines.push(
      `| ${op} | ${of.length} | ${ms.length} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 95).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} |`,
    );
  }
  const errors = new Map<string, number>();
  for (const s of results) {
    if (s.status >= 200 && s.status < 300) continue;
    const key = `${s.status} ${s.code ?? ''}`.trim();
    errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  const all = results
    .filter((s) => s.status > 0 && s.status < 500)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const achieved = results.filter((s) => s.status >= 200 && s.status < 300).length / wallS;
  lines.push(
    '',
    `achieved ${achieved.toFixed(1)} ok/s of ${rate} offered; all answered calls p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms`,
    `not 2xx: ${errors.size === 0 ? 'none' : [...errors].map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    `CPU per call: API ${msPerCall(cpu.server - cpuBefore.server)} ms, notifier ${msPerCall(cpu.notifier - cpuBefore.notifier)} ms, dynalite + STS emulator ${msPerCall(cpu.standIns - cpuBefore.standIns)} ms, load generator ${msPerCall(generator.user + generator.system)} ms`,
    `store calls per call (API and notifier, counted by dynalite): ${perCall(storeCallsTotal)} — ${storeCallsDuring.map(([operation, count]) => `${operation} ${perCall(count)}`).join(', ')}`,
    `server RSS: ${mb(rssBefore)} MB before, ${mb(Math.max(...rss))} MB peak, ${mb(rss.at(-1) ?? 0)} MB after; by fifths of the run ${fifths(rss.slice(rssFrom)).map(mb).join(' → ')} MB`,
    `notifier RSS by fifths of the run: ${fifths(notifierRss.slice(notifierRssFrom)).map(mb).join(' → ')} MB`,
    '',
  );
  // 503 OVERLOADED is shedding, as intended; anything else not 2xx is an error.
  const bad = [...errors].filter(([key]) => !key.startsWith('503 OVERLOADED')).length;
  return { ok: bad === 0, report: lines.join('\n') };
}

async function verify(): Promise<{ ok: boolean; report: string }> {
  // Every acknowledged write is stored exactly once and in the state it was acknowledged in.
  let lost = 0;
  for (const [id, requester] of created) {
    const response = await fetch(`${baseUrl}/requests/${id}`, {
      headers: personaHeaders(requester),
    });
    if (response.status !== 200) {
      lost += 1;
      continue;
    }
    const view = (await response.json()) as { status: string; decisions: unknown[] };
    if (approved.has(id) && (view.status !== 'APPROVED' || view.decisions.length !== 1)) lost += 1;
    if (rejected.has(id) && (view.status !== 'REJECTED' || view.decisions.length !== 1)) lost += 1;
  }
  // Each notification once: wait for the outbox, then count mails per (request, event, audience).
  const mailbox = join(dataDir, 'mailbox.jsonl');
  const mails = () =>
    (existsSync(mailbox) ? readFileSync(mailbox, 'utf8').split('\n') : [])
      .filter((line) => line.trim() !== '')
      .map(
        (line) =>
          JSON.parse(line) as {
            requestId: string;
            eventType: string;
            audience: string;
            to: string[];
          },
      );
  const expected = (): number => {
    const announced = new Set(
      mails()
        .filter((m) => m.eventType === 'REQUEST_CREATED')
        .map((m) => m.requestId),
    );
    return [...created.keys()].filter((id) => !announced.has(id)).length;
  };
  const waitStarted = Date.now();
  while (expected() > 0 && Date.now() - waitStarted < 120_000)
    await new Promise((done) => setTimeout(done, 500));
  const lagS = (Date.now() - waitStarted) / 1000;
  const missing = expected();
  const seen = new Map<string, number>();
  const everyMail = mails();
  for (const m of everyMail) {
    // One mail per person: a duplicate is the same event to the same address twice.
    const key = `${m.requestId} ${m.eventType} ${m.audience} ${m.to.join(',')}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicated = [...seen.values()].filter((n) => n > 1).length;
  return {
    ok: lost === 0 && missing === 0 && duplicated === 0,
    report: [
      `writes acknowledged: ${created.size} creates, ${approved.size} approvals, ${rejected.size} rejections; CLI sessions for ${sessions.size} windows; lost or misreported: ${lost}`,
      `notifications: ${everyMail.length} mails; creates without their mail: ${missing}; duplicated: ${duplicated}; outbox caught up ${lagS.toFixed(1)} s after the load`,
    ].join('\n'),
  };
}

/**
 * This machine's speed right now: a fixed loop of 3·10⁸ additions, timed. Shared machines change
 * speed under other tenants' load (350–580 ms here), so runs are comparable only when this is.
 */
function loopMs(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < 3e8; i++) sum += i % 7;
  return sum < 0 ? 0 : performance.now() - started;
}

let ok = true;
try {
  console.log(`machine speed before: a fixed loop took ${loopMs().toFixed(0)} ms\n`);
  for (const rate of rates) {
    const result = await run(rate);
    ok &&= result.ok;
    console.log(result.report);
  }
  const check = await verify();
  ok &&= check.ok;
  console.log(check.report);
  console.log(`machine speed after: a fixed loop took ${loopMs().toFixed(0)} ms`);
} finally {
  server.child.kill('SIGTERM');
  notifier.child.kill('SIGTERM');
  standIns.child.kill('SIGTERM');
}
if (values.assert && !ok) {
  console.log(
    'bench:load: FAILED (errors other than shedding, or lost/duplicated writes or notifications)',
  );
  process.exit(1);
}
process.exit(0);
