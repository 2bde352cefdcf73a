// `pnpm bench:federate`: N concurrent users start sessions against the local stack, no think
// time. Prints the broker's overhead (client latency minus time inside STS and the federation
// endpoint) at p50/p95/p99, the API process's CPU per call, the store calls per session issued,
// throughput and how many were shed.
//   BENCH_USERS (50) BENCH_SECONDS (8) BENCH_WARMUP_SECONDS (5); BENCH_CPU_PROFILE=<dir> writes
//   the API's V8 CPU profile.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadDevConfig,
  startDevIdp,
  startDynamoDb,
  startStsEmulator,
  type Persona,
} from '@elevate/dev-stack';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import { CookieJar, follow, parseSignInPage, pkcePair, send } from '@elevate/testing';
import { cpuSplitMsOf } from './process-stats';
import { startTimingProxy, UpstreamTimes } from './timing-proxy';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const users = Number(process.env.BENCH_USERS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
// Before each phase: V8 compiles the hot paths on background threads of the same process, and that
// CPU would be charged to the first calls measured. A warm function's calls are what the target is.
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const HOST = '127.0.0.1';
const WEB_ORIGIN = `http://${HOST}:9`;
const REDIRECT_URI = `${WEB_ORIGIN}/auth/callback`;

const devConfig = loadDevConfig(join(repoRoot, 'config/dev-stack.yaml'));
const dataDir = await mkdtemp(join(tmpdir(), 'elevate-bench-'));
const closers: (() => Promise<unknown>)[] = [() => rm(dataDir, { recursive: true, force: true })];

/** Calls the store has answered: each phase prints how many a session cost. */
let storeCalls = 0;
const [db, idp, sts] = await Promise.all([
  startDynamoDb({ host: HOST, port: 0, onCall: () => void (storeCalls += 1) }),
  startDevIdp({
    host: HOST,
    port: 0,
    dataDir,
    personas: devConfig.personas,
    client: {
      clientId: devConfig.idp.client.clientId,
      redirectUris: [REDIRECT_URI],
      postLogoutRedirectUris: [`${WEB_ORIGIN}/`],
    },
    apiAudience: devConfig.idp.apiAudience,
    groupsClaim: devConfig.idp.groupsClaim,
    log: () => undefined,
  }),
  startStsEmulator({
    host: HOST,
    basePort: 0,
    regions: devConfig.sts.regions,
    principals: devConfig.sts.principals,
    targetRoles: devConfig.sts.targetRoles,
    log: () => undefined,
  }),
]);
closers.unshift(
  () => db.close(),
  () => idp.close(),
  () => sts.close(),
);

// Every call to STS and the federation endpoint goes through a proxy that times it.
const times = new UpstreamTimes();
const stsEndpoints: Record<string, string> = {};
for (const [region, endpoint] of Object.entries(sts.endpoints)) {
  const proxy = await startTimingProxy(endpoint, times);
  closers.unshift(proxy.close);
  stsEndpoints[region] = proxy.url;
}
const federationProxy = await startTimingProxy(sts.federationEndpoint, times);
closers.unshift(federationProxy.close);
const federationEndpoint = `${federationProxy.url}${new URL(sts.federationEndpoint).pathname}`;

const broker = devConfig.sts.principals.find((principal) => principal.name === 'broker');
if (!broker) throw new Error('config/dev-stack.yaml has no broker principal');

// The API as `pnpm dev` runs it: its own process, so its CPU time is its own.
const profileDir = process.env.BENCH_CPU_PROFILE;
const profile = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
const api = spawn(
  process.execPath,
  [...profile, '--import', 'tsx', 'apps/api/src/local/local-server.ts'],
  {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: broker.accessKeyId,
      AWS_SECRET_ACCESS_KEY: broker.secretAccessKey,
      AWS_REGION: devConfig.sts.regions[0] ?? '',
      ELEVATE_HOST: HOST,
      ELEVATE_API_PORT: '0',
      ELEVATE_WEB_ORIGIN: WEB_ORIGIN,
      ELEVATE_IDP_ISSUER: idp.issuer,
      ELEVATE_CLIENT_ID: devConfig.idp.client.clientId,
      ELEVATE_API_AUDIENCE: devConfig.idp.apiAudience,
      ELEVATE_GROUPS_CLAIM: devConfig.idp.groupsClaim,
      ELEVATE_POLICY_FILE: join(repoRoot, 'config/policy.example.yaml'),
      ELEVATE_DEV_CONFIG: join(repoRoot, 'config/dev-stack.yaml'),
      ELEVATE_DATA_DIR: dataDir,
      ELEVATE_DYNAMODB_ENDPOINT: db.endpoint,
      ELEVATE_STS_ENDPOINTS: JSON.stringify(stsEndpoints),
      ELEVATE_STS_REGIONS: devConfig.sts.regions.join(','),
      ELEVATE_FEDERATION_ENDPOINT: federationEndpoint,
      // As deployed: one line per request and per STS attempt.
      ELEVATE_LOG_LEVEL: 'info',
      // The API alone, as the federate function in AWS: no outbox or stand-ins for the stream's
      // consumers in its process (each session refreshed Insights and rewrote the exports here,
      // more CPU than the federate call itself).
      ELEVATE_LOCAL_JOBS: 'off',
    },
  },
);
closers.unshift(async () => {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
});
const apiUrl = await new Promise<string>((resolve, reject) => {
  let seen = '';
  const onData = (chunk: Buffer) => {
    seen += chunk.toString();
    const url = /Elevate API ready on (http:\/\/[^"\s]+)/.exec(seen)?.[1];
    if (url !== undefined) {
      api.stdout.off('data', onData);
      // Keep draining its log, as a log shipper would.
      api.stdout.resume();
      resolve(url);
    }
  };
  api.stdout.on('data', onData);
  api.once('exit', (code) => reject(new Error(`the API exited (${code}) before it was ready`)));
});

interface Tokens {
  authorization: string;
  [ID_TOKEN_HEADER]: string;
}

/** Signs a persona in at the dev IdP as the SPA would (code + PKCE), MFA included. */
async function signIn(persona: Persona): Promise<Tokens> {
  const jar = new CookieJar();
  const { verifier, challenge } = pkcePair();
  const authorize = new URL('/auth', idp.issuer);
  for (const [key, value] of Object.entries({
    client_id: devConfig.idp.client.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid profile email groups offline_access',
    resource: devConfig.idp.apiAudience,
    state: 'bench',
    nonce: 'bench',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }))
    authorize.searchParams.set(key, value);
  const page = await follow(jar, idp.issuer, await send(jar, authorize.href));
  const { loginAction } = parseSignInPage(await page.text());
  const back = await follow(
    jar,
    idp.issuer,
    await send(jar, new URL(loginAction, idp.issuer).href, {
      form: { sub: persona.sub, mfa: 'yes' },
    }),
  );
  const code = new URL(back.headers.get('location') ?? '').searchParams.get('code');
  if (!code) throw new Error(`${persona.name}: no authorization code`);
  const response = await fetch(new URL('/token', idp.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: WEB_ORIGIN },
    body: new URLSearchParams({
      client_id: devConfig.idp.client.clientId,
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    }),
  });
  const tokens = (await response.json()) as { access_token: string; id_token: string };
  return { authorization: `Bearer ${tokens.access_token}`, [ID_TOKEN_HEADER]: tokens.id_token };
}

const persona = (sub: string): Persona => {
  const found = devConfig.personas.find((p) => p.sub.endsWith(sub));
  if (!found) throw new Error(`no persona ${sub} in config/dev-stack.yaml`);
  return found;
};
const [alice, rita] = await Promise.all([signIn(persona('-alice')), signIn(persona('-rita'))]);

async function call(tokens: Tokens, path: string, body: unknown): Promise<Response> {
  return fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { ...tokens, 'content-type': 'application/json', 'user-agent': 'elevate-bench' },
    body: JSON.stringify(body),
  });
}

/** One approved request per virtual user, inside its window now. */
async function approvedRequest(index: number): Promise<string> {
  const created = await call(alice, '/requests', {
    accountId: '111111111111',
    roleName: 'ReadOnly',
    justification: `Benchmark user ${index}: start sessions back to back`,
    durationMinutes: 120,
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const approved = await call(rita, `/requests/${id}/approve`, {});
  if (approved.status !== 200) throw new Error(`approve: ${approved.status}`);
  return id;
}

const requestIds: string[] = [];
for (let i = 0; i < users; i++) requestIds.push(await approvedRequest(i));

interface Sample {
  totalMs: number;
  upstreamMs: number;
}

/** One federate call; the sample is undefined when the API shed it (503). */
async function federate(requestId: string, kind: 'cli' | 'console'): Promise<Sample | 'shed'> {
  const started = performance.now();
  const response = await call(alice, `/requests/${requestId}/sessions`, { kind });
  const body = (await response.json()) as {
    credentials?: { accessKeyId: string };
    url?: string;
  };
  const totalMs = performance.now() - started;
  if (response.status === 503) return 'shed';
  if (response.status !== 201) throw new Error(`federate: ${response.status}`);
  const token = body.url === undefined ? null : new URL(body.url).searchParams.get('SigninToken');
  const key =
    body.credentials?.accessKeyId ?? (token === null ? undefined : times.keyOfSigninToken(token));
  const upstreamMs = key === undefined ? undefined : times.take(key);
  if (upstreamMs === undefined) throw new Error('no STS timing for a call');
  return { totalMs, upstreamMs };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function phase(label: string, concurrency: number, kind: 'cli' | 'console') {
  const run = async (until: number, samples: Sample[], shed: { count: number }) =>
    Promise.all(
      requestIds.slice(0, concurrency).map(async (id) => {
        while (performance.now() < until) {
          const sample = await federate(id, kind);
          if (sample !== 'shed') samples.push(sample);
          else {
            // As the CLI does: a shed call is retried after the Retry-After the API sent.
            shed.count += 1;
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
      }),
    );
  await run(performance.now() + warmupSeconds * 1000, [], { count: 0 }); // JIT, sockets, JWKS
  const samples: Sample[] = [];
  const shed = { count: 0 };
  const cpuBefore = cpuSplitMsOf(api.pid ?? 0);
  const storeCallsBefore = storeCalls;
  const started = performance.now();
  await run(started + seconds * 1000, samples, shed);
  const elapsedS = (performance.now() - started) / 1000;
  const cpuAfter = cpuSplitMsOf(api.pid ?? 0);
  const calls = samples.length + shed.count;
  const userPerCall = (cpuAfter.userMs - cpuBefore.userMs) / calls;
  const systemPerCall = (cpuAfter.systemMs - cpuBefore.systemMs) / calls;
  // A shed call is refused before it reads anything: the sessions issued made every store call.
  const storePerSession = (storeCalls - storeCallsBefore) / samples.length;
  const overhead = samples.map((s) => s.totalMs - s.upstreamMs).sort((a, b) => a - b);
  const total = samples.map((s) => s.totalMs).sort((a, b) => a - b);
  const f = (ms: number) => ms.toFixed(1).padStart(6);
  console.log(
    `${label.padEnd(22)} ${String(samples.length).padStart(5)} calls ${(samples.length / elapsedS).toFixed(0).padStart(4)}/s  overhead p50 ${f(percentile(overhead, 50))} p95 ${f(percentile(overhead, 95))} p99 ${f(percentile(overhead, 99))} ms  total p99 ${f(percentile(total, 99))} ms  API CPU ${(userPerCall + systemPerCall).toFixed(1)} ms/call (user ${userPerCall.toFixed(1)}, kernel ${systemPerCall.toFixed(1)})  store ${storePerSession.toFixed(2)} calls/session  shed ${shed.count}`,
  );
}

try {
  console.log(
    `Node ${process.version}, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; ${seconds} s per phase after ${warmupSeconds} s of warm-up`,
  );
  await phase('1 user, cli', 1, 'cli');
  await phase('1 user, console', 1, 'console');
  await phase(`${users} users, cli`, users, 'cli');
  await phase(`${users} users, console`, users, 'console');
} finally {
  for (const close of closers) await close().catch(() => undefined);
}
