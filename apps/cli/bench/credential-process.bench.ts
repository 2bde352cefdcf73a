// `pnpm --filter @elevate/cli bench`: how fast `credential-process` answers from a warm cache, the
// call the AWS CLI and SDKs make for every command. Target: median < 150 ms, wall clock, process
// start to exit. Node's own start-up is measured alongside, so a loaded machine shows as such.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os, { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFile, writeCachedCredentials } from '../src/credentials/credential-cache';

const TARGET_MS = 150;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const bin = fileURLToPath(new URL('../dist/elevate.js', import.meta.url));

const dir = await mkdtemp(join(tmpdir(), 'elevate-bench-'));
const apiUrl = 'https://api.elevate.example';
const env = {
  ...process.env,
  ELEVATE_CONFIG_DIR: join(dir, 'config'),
  ELEVATE_CACHE_DIR: join(dir, 'cache'),
};
await mkdir(env.ELEVATE_CONFIG_DIR, { recursive: true });
await writeFile(
  join(env.ELEVATE_CONFIG_DIR, 'config.json'),
  JSON.stringify({
    url: 'https://elevate.example',
    issuer: 'https://idp.example',
    clientId: 'cli',
    apiUrl,
  }),
);
const now = Date.now();
await writeCachedCredentials(
  cacheFile(env.ELEVATE_CACHE_DIR, apiUrl, 'production', 'Administrator'),
  {
    accountId: '333333333333',
    accountName: 'production',
    roleName: 'Administrator',
    requestId: 'bench',
    region: 'eu-west-1',
    accessKeyId: 'bench-access-key-id',
    secretAccessKey: 'bench-secret',
    sessionToken: 'bench-token',
    expiresAt: new Date(now + 3600_000).toISOString(),
    windowEndsAt: new Date(now + 8 * 3600_000).toISOString(),
    checkedAt: now + 3600_000,
  },
);

function time(args: string[]): number {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return Number(process.hrtime.bigint() - started) / 1e6;
}
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? 0 };
};

const node: number[] = [];
const warm: number[] = [];
const help: number[] = [];
time([bin, 'credential-process', '--account', 'production', '--role', 'Administrator']); // file cache
time([bin, '--help']); // V8's code cache of the full CLI, as after the first run on a laptop
const loadBefore = loadavg()[0] ?? 0;
for (let i = 0; i < RUNS; i += 1) {
  node.push(time(['-e', '0']));
  warm.push(
    time([bin, 'credential-process', '--account', 'production', '--role', 'Administrator']),
  );
  help.push(time([bin, '--help']));
}
const loadAfter = loadavg()[0] ?? 0;
await rm(dir, { recursive: true, force: true });

const w = stats(warm);
const n = stats(node);
const h = stats(help);
const ok = w.median < TARGET_MS;
console.log(
  `credential-process, warm cache (${RUNS} runs): median ${w.median.toFixed(0)} ms, p95 ${w.p95.toFixed(0)} ms, min ${w.min.toFixed(0)} ms — target < ${TARGET_MS} ms: ${ok ? 'met' : 'MISSED'}`,
);
console.log(
  `node -e 0 on this machine now:          median ${n.median.toFixed(0)} ms, p95 ${n.p95.toFixed(0)} ms, min ${n.min.toFixed(0)} ms`,
);
console.log(
  `elevate --help, full CLI start-up:       median ${h.median.toFixed(0)} ms, p95 ${h.p95.toFixed(0)} ms, min ${h.min.toFixed(0)} ms — target < ${TARGET_MS} ms: ${h.median < TARGET_MS ? 'met' : 'MISSED'}`,
);
console.log(
  `over node's own start-up (medians): credential-process +${(w.median - n.median).toFixed(0)} ms, --help +${(h.median - n.median).toFixed(0)} ms; 1-minute load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${String(availableCores())} cores`,
);
process.exitCode = ok ? 0 : 1;

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : 1;
}
