// `pnpm bench:api [--requests 100000] [--calls 200] [--warmup 50] [--scan-runs 3] [--out file]`: loads N requests
// of the repository's item shape into a local DynamoDB (dynalite, its own process), starts the local
// API (its own process) with its real token verifier (RS256 JWTs against a JWKS; each persona's pair
// verified in full once a minute, as in production: decision 0007), calls every list endpoint and filter over HTTP
// — first page and a deep page — and prints p50/p95/p99, items read per page, the API's CPU per
// call and memory, and a full-table Scan for comparison. A measure, not a test: it never fails a
// build. Data lives in .data/bench-api/<N> and is reused by the next run of the same N.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDbAccessRequestRepository, ensureTable, loadPolicyFile } from '@elevate/adapters';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import type { AccessRequestRepository, ListedRequest, Page } from '@elevate/domain';
import { routingKeysFor } from '@elevate/domain';
import { startTestIssuer, TEST_API_AUDIENCE, TEST_CLIENT_ID } from '@elevate/testing';
import { spawnScript, start, stop, stopAll } from './child-processes';
import { cpuMsOf, percentile, rssMibOf } from './process-stats';
import { accountOf, BENCH_PERSONAS, benchRequest, requesterOf } from './request-mix';

const repoRoot = resolve(import.meta.dirname, '../../..');
const policyFile = join(repoRoot, 'config/policy.example.yaml');
const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    calls: { type: 'string', default: '200' },
    'scan-runs': { type: 'string' },
    'deep-pages': { type: 'string', default: '20' },
    /** Calls per case before any is measured: V8 optimises hot code after thousands of calls. */
    warmup: { type: 'string', default: '50' },
    out: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    /** Write a V8 CPU profile of the API process to .data/bench-api/profiles. */
    profile: { type: 'boolean', default: false },
  },
});
const total = Number(args.requests);
const calls = Number(args.calls);
const scanRuns = Number(args['scan-runs'] ?? (total >= 500_000 ? 1 : 3));
const deepPages = Number(args['deep-pages']);
const warmupCalls = Number(args.warmup);
const dataDir = join(repoRoot, '.data/bench-api', String(total));
const outFile = args.out ?? join(repoRoot, `.data/bench-api/result-${total}.json`);
const tableName = 'elevate';
const PAGE = 25;

const log = (line: string) => console.log(line);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs bench/load-process.ts, its progress on this console; its heap holds the sorted import. */
function load(folder: string, table: string, total: number, now: number): Promise<void> {
  const child = spawnScript('bench/load-process.ts', [folder, table, String(total), String(now)], {
    nodeArgs: ['--max-old-space-size=12288'],
    output: 'inherit',
  });
  return new Promise((done, fail) =>
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`bench/load-process.ts exited (${String(code)})`)),
    ),
  );
}

interface Case {
  readonly name: string;
  readonly persona: keyof typeof BENCH_PERSONAS;
  readonly path: string;
  /** The same page read straight from the store, to count the items it reads. */
  readonly store: (
    repository: AccessRequestRepository,
    cursor?: string,
  ) => Promise<Page<ListedRequest>>;
}

interface Measured {
  name: string;
  page: 'first' | 'deep';
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  itemsReturned: number;
  itemsRead: number;
  apiCpuMsPerCall: number;
}

const main = async () => {
  const now = Date.now();
  const loadAverageAtStart = loadavg().map((value) => round(value, 2));
  if (args.fresh) rmSync(dataDir, { recursive: true, force: true });
  const markerFile = join(dataDir, 'loaded.json');
  const marker = existsSync(markerFile)
    ? (JSON.parse(readFileSync(markerFile, 'utf8')) as {
        total: number;
        now: number;
        seconds: number;
      })
    : undefined;
  mkdirSync(dataDir, { recursive: true });

  /** dynalite in a process of its own on the bench's data, with V8 flags for what it is about to do. */
  const startStore = async (nodeArgs: string[]) => {
    const store = await start(
      'bench/dynamodb-process.ts',
      [process.env['ELEVATE_DYNAMODB_PORT'] ?? '0', join(dataDir, 'dynamodb')],
      {},
      /ready (\S+)/,
      nodeArgs,
    );
    const endpoint = store.match[1] ?? '';
    const client = new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    });
    await ensureTable(client, tableName);
    return { ...store, endpoint, client };
  };

  let dataNow = now;
  let loadSeconds: number | undefined;
  if (marker?.total === total) {
    dataNow = marker.now;
    log(
      `Reusing ${total.toLocaleString('en')} requests loaded in ${marker.seconds} s (${dataDir}).`,
    );
  } else {
    log(`Loading ${total.toLocaleString('en')} requests into ${dataDir} …`);
    // The table is made through dynalite's API; the items go straight into its store in key order
    // (bench/load-process.ts), as DynamoDB's import from S3 fills a new table.
    const maker = await startStore([]);
    maker.client.destroy();
    await stop(maker.child);
    const started = Date.now();
    await load(join(dataDir, 'dynamodb'), tableName, total, now);
    loadSeconds = round((Date.now() - started) / 1000);
    writeFileSync(markerFile, JSON.stringify({ total, now, seconds: loadSeconds }));
    log(`Loaded in ${loadSeconds} s: ${(total / loadSeconds).toFixed(0)} requests/s.`);
  }

  // Measuring is latency. dynalite keeps much of what it allocates alive past a young-generation
  // GC, so each scavenge's pause grows with the young generation: with Node's default its pauses
  // averaged 4.7 ms and 89 went over 10 ms in one run, the p99 of the pages they fell on. With 4 MB
  // semi-spaces they averaged 1.7 ms and none reached 10 (`--trace-gc`, docs/performance.md). The
  // stand-in's pauses, not Elevate's: in AWS the store is DynamoDB.
  const dynamo = await startStore(['--max-semi-space-size=4']);
  const { endpoint, client } = dynamo;
  // Items read: a Query's ScannedCount, or the items a BatchGetItem returned.
  const itemsRead: number[] = [];
  client.middlewareStack.add(
    (next, context) => async (input) => {
      const result = await next(input);
      const output = result.output as unknown as Record<string, unknown>;
      if (context.commandName === 'QueryCommand') itemsRead.push(Number(output['ScannedCount']));
      if (context.commandName === 'BatchGetItemCommand')
        itemsRead.push(
          Object.values((output['Responses'] ?? {}) as Record<string, unknown[]>).reduce(
            (sum, items) => sum + items.length,
            0,
          ),
        );
      return result;
    },
    { step: 'initialize', name: 'countItemsRead' },
  );

  const issuer = await startTestIssuer();
  const api = await start(
    'src/local/local-server.ts',
    [],
    {
      ELEVATE_IDP_ISSUER: issuer.issuer,
      ELEVATE_JWKS_URI: issuer.jwksUri,
      ELEVATE_API_AUDIENCE: TEST_API_AUDIENCE,
      ELEVATE_CLIENT_ID: TEST_CLIENT_ID,
      ELEVATE_WEB_ORIGIN: 'http://127.0.0.1:5173',
      ELEVATE_POLICY_FILE: policyFile,
      ELEVATE_DYNAMODB_ENDPOINT: endpoint,
      ELEVATE_TABLE_NAME: tableName,
      ELEVATE_API_PORT: process.env['ELEVATE_API_PORT'] ?? '0',
      ELEVATE_DATA_DIR: dataDir,
      // The API alone: no sweeper seeding its schedule from the pending set, no daily digest of
      // yesterday (the bulk load has no change stream, so the digest would Scan the whole table).
      ELEVATE_LOCAL_JOBS: 'off',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
    },
    /Elevate API ready on (http:\/\/\S+?)["\s]/,
    args.profile
      ? ['--cpu-prof', '--cpu-prof-dir', join(repoRoot, '.data/bench-api/profiles')]
      : [],
  );
  const apiUrl = api.match[1] ?? '';
  const apiPid = api.child.pid ?? 0;
  const headers = Object.fromEntries(
    await Promise.all(
      Object.entries(BENCH_PERSONAS).map(async ([key, persona]) => {
        const tokens = await issuer.tokensFor(persona);
        return [
          key,
          { authorization: `Bearer ${tokens.accessToken}`, [ID_TOKEN_HEADER]: tokens.idToken },
        ] as const;
      }),
    ),
  ) as unknown as Record<keyof typeof BENCH_PERSONAS, Record<string, string>>;

  const repository = new DynamoDbAccessRequestRepository({ client, tableName });
  const policy = loadPolicyFile(policyFile);
  const reviewerKeys = routingKeysFor(policy, { ...BENCH_PERSONAS.reviewer, amr: ['pwd', 'mfa'] });
  const to = new Date(Math.max(now, dataNow) + 60_000).toISOString();
  const from = new Date(Date.parse(to) - 366 * 86_400_000).toISOString();
  const decidedFrom = new Date(Date.parse(to) - 90 * 86_400_000).toISOString();
  const range = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const someone = requesterOf(17);
  const account = accountOf(42);
  // The ticket of the newest request that has one (a quarter of them do).
  let ticketed = total - 1;
  while (ticketed > 0 && benchRequest(ticketed, total, dataNow).ticket === undefined) ticketed -= 1;
  const ticket = benchRequest(ticketed, total, dataNow).ticket ?? 'OPS-1';
  const cursorOf = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor });
  const audit = (query: string, filters: Record<string, string>): Case => ({
    name: `audit ${query || '(no filter)'}`,
    persona: 'auditor',
    path: `/audit/requests?${range}${query ? `&${query}` : ''}`,
    store: (store, cursor) =>
      store.listForAudit({ from, to, limit: PAGE, ...filters, ...cursorOf(cursor) }),
  });
  const cases: Case[] = [
    {
      name: 'my requests',
      persona: 'requester',
      path: '/requests/mine?',
      store: (store, cursor) =>
        store.listByRequester({
          requesterSub: BENCH_PERSONAS.requester.sub,
          limit: PAGE,
          ...cursorOf(cursor),
        }),
    },
    {
      name: 'my requests status=APPROVED',
      persona: 'requester',
      path: '/requests/mine?status=APPROVED',
      store: (store, cursor) =>
        store.listByRequester({
          requesterSub: BENCH_PERSONAS.requester.sub,
          status: 'APPROVED',
          limit: PAGE,
          ...cursorOf(cursor),
        }),
    },
    {
      name: 'reviews pending (oldest first)',
      persona: 'reviewer',
      path: '/reviews/pending?',
      store: (store, cursor) =>
        store.listPendingForReview({ routingKeys: reviewerKeys, limit: PAGE, ...cursorOf(cursor) }),
    },
    {
      name: 'reviews pending (newest first)',
      persona: 'reviewer',
      path: '/reviews/pending?order=newest',
      store: (store, cursor) =>
        store.listPendingForReview({
          routingKeys: reviewerKeys,
          order: 'newestFirst',
          limit: PAGE,
          ...cursorOf(cursor),
        }),
    },
    {
      name: 'reviews break-glass',
      persona: 'reviewer',
      path: '/reviews/break-glass?',
      store: (store, cursor) =>
        store.listBreakGlassAwaitingReview({ limit: PAGE, ...cursorOf(cursor) }),
    },
    {
      name: 'reviews decided (my decisions)',
      persona: 'reviewer',
      path: `/reviews/decided?from=${encodeURIComponent(decidedFrom)}&to=${encodeURIComponent(to)}`,
      store: (store, cursor) =>
        store.listDecidedBy({
          sub: BENCH_PERSONAS.reviewer.sub,
          from: decidedFrom,
          to,
          limit: PAGE,
          ...cursorOf(cursor),
        }),
    },
    audit('', {}),
    audit('status=REJECTED', { status: 'REJECTED' }),
    audit(`accountId=${account}`, { accountId: account }),
    audit('roleName=Admin', { roleName: 'Admin' }),
    audit(`requester=${encodeURIComponent(someone.email.toUpperCase())}`, {
      requesterEmail: someone.email.toUpperCase(),
    }),
    audit(`requester=${someone.sub}`, { requesterSub: someone.sub }),
    audit(`ticket=${ticket}`, { ticket }),
    audit(`accountId=${account}&status=APPROVED`, { accountId: account, status: 'APPROVED' }),
  ];

  const get = async (caseOf: Case, cursor?: string) => {
    const path = `${caseOf.path}${caseOf.path.endsWith('?') ? '' : '&'}limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await fetch(`${apiUrl}${path}`, { headers: headers[caseOf.persona] });
    const body = (await response.json()) as { items?: unknown[]; nextCursor?: string };
    if (response.status !== 200)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };

  // Warm up: the verifier's JWKS, the SDK's connections, V8's JIT — as a serving process is.
  for (let i = 0; i < warmupCalls; i += 1) for (const caseOf of cases) await get(caseOf);
  const memoryBefore = rssMibOf(apiPid);

  // The floor under every list: what a call costs the API without the store. `/health` is the
  // HTTP server and the middleware; `/me` adds verifying both tokens and the policy.
  const floor: { path: string; apiCpuMsPerCall: number }[] = [];
  for (const [path, persona] of [
    ['/health', undefined],
    ['/me', 'auditor'],
  ] as const) {
    const send = () =>
      fetch(`${apiUrl}${path}`, persona === undefined ? {} : { headers: headers[persona] });
    for (let i = 0; i < warmupCalls; i += 1) await (await send()).arrayBuffer();
    const cpuBefore = cpuMsOf(apiPid);
    for (let i = 0; i < calls; i += 1) await (await send()).arrayBuffer();
    floor.push({ path, apiCpuMsPerCall: round((cpuMsOf(apiPid) - cpuBefore) / calls, 2) });
    log(`floor: GET ${path.padEnd(56)} cpu ${floor.at(-1)?.apiCpuMsPerCall} ms/call`);
  }
  const results: Measured[] = [];
  for (const caseOf of cases) {
    // A deep page: the cursor `deepPages` pages in (or the last page's, for shorter listings).
    let deepCursor: string | undefined;
    let cursor: string | undefined;
    for (let page = 0; page < deepPages; page += 1) {
      const body = await get(caseOf, cursor);
      if (body.nextCursor === undefined) break;
      cursor = body.nextCursor;
      deepCursor = cursor;
    }
    for (const [page, pageCursor] of [
      ['first', undefined],
      ['deep', deepCursor],
    ] as const) {
      if (page === 'deep' && pageCursor === undefined) continue;
      const latencies: number[] = [];
      let returned = 0;
      const cpuBefore = cpuMsOf(apiPid);
      for (let i = 0; i < calls; i += 1) {
        const started = performance.now();
        const body = await get(caseOf, pageCursor);
        latencies.push(performance.now() - started);
        returned = body.items?.length ?? 0;
      }
      const cpuMs = cpuMsOf(apiPid) - cpuBefore;
      itemsRead.length = 0;
      await caseOf.store(repository, pageCursor);
      const read = itemsRead.reduce((sum, n) => sum + n, 0);
      latencies.sort((a, b) => a - b);
      const measured: Measured = {
        name: caseOf.name,
        page,
        p50Ms: round(percentile(latencies, 50)),
        p95Ms: round(percentile(latencies, 95)),
        p99Ms: round(percentile(latencies, 99)),
        itemsReturned: returned,
        itemsRead: read,
        apiCpuMsPerCall: round(cpuMs / calls, 2),
      };
      results.push(measured);
      log(
        `${`${measured.name} [${page}]`.padEnd(62)} p50 ${String(measured.p50Ms).padStart(6)}  p95 ${String(measured.p95Ms).padStart(6)}  p99 ${String(measured.p99Ms).padStart(6)} ms  read ${String(read).padStart(4)} for ${String(returned).padStart(3)}  cpu ${measured.apiCpuMsPerCall} ms/call`,
      );
    }
  }
  const memoryAfter = rssMibOf(apiPid);

  // What the seed broker did for the auditor: Scan the whole table, every time.
  const scanMs: number[] = [];
  for (let run = 0; run < scanRuns; run += 1) {
    const started = performance.now();
    let startKey: Record<string, AttributeValue> | undefined;
    let scanned = 0;
    do {
      const output = await client.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: '#entity = :request',
          ExpressionAttributeNames: { '#entity': 'entity' },
          ExpressionAttributeValues: { ':request': { S: 'ACCESS_REQUEST' } },
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      scanned += output.ScannedCount ?? 0;
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined);
    scanMs.push(performance.now() - started);
    log(
      `full-table Scan ${run + 1}/${scanRuns}: ${(scanMs.at(-1) ?? 0).toFixed(0)} ms, ${scanned} items read`,
    );
  }
  scanMs.sort((a, b) => a - b);
  const auditFirst = results.find((r) => r.name === 'audit (no filter)' && r.page === 'first');
  const scanP99 = percentile(scanMs, 99);
  const cpuPerCall = results.map((r) => r.apiCpuMsPerCall).sort((a, b) => a - b);
  const summary = {
    requests: total,
    callsPerCase: calls,
    pageSize: PAGE,
    loadSeconds: loadSeconds ?? marker?.seconds,
    loadRequestsPerSecond: loadSeconds === undefined ? undefined : round(total / loadSeconds, 0),
    loadAverage: { atStart: loadAverageAtStart, atEnd: loadavg().map((value) => round(value, 2)) },
    worstP99Ms: Math.max(...results.map((r) => r.p99Ms)),
    worstItemsReadPerPage: Math.max(...results.map((r) => r.itemsRead)),
    apiCpuMsPerCallMedian: percentile(cpuPerCall, 50),
    apiMemoryMib: { before: memoryBefore, after: memoryAfter },
    floor,
    scan: { runs: scanRuns, p50Ms: round(percentile(scanMs, 50)), p99Ms: round(scanP99) },
    auditFirstPageP99Ms: auditFirst?.p99Ms,
    scanOverAuditFirstPageP99:
      auditFirst === undefined ? undefined : round(scanP99 / auditFirst.p99Ms, 0),
    results,
  };
  writeFileSync(outFile, `${JSON.stringify(summary, null, 2)}\n`);
  log('');
  log(
    `worst p99 ${summary.worstP99Ms} ms; most items read for a page of ${PAGE}: ${summary.worstItemsReadPerPage}`,
  );
  log(
    `API CPU per call: median ${summary.apiCpuMsPerCallMedian} ms; memory ${memoryBefore} → ${memoryAfter} MiB`,
  );
  log(
    `Scan p99 ${round(scanP99)} ms vs audit first page p99 ${auditFirst?.p99Ms} ms: ${summary.scanOverAuditFirstPageP99}×`,
  );
  log(
    `load average ${loadAverageAtStart.join(' ')} → ${summary.loadAverage.atEnd.join(' ')}; result in ${outFile}`,
  );

  await stop(api.child);
  await issuer.close();
  client.destroy();
  await stop(dynamo.child);
};

try {
  await main();
} finally {
  await stopAll();
}
