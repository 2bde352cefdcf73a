// `pnpm bench`: how long until Elevate is usable, against the targets of issues 2 and 5. A measure,
// not a test: it prints numbers and never fails a build. Ports are the defaults + 200 and data lives
// in .data/bench (wiped first), so neither a developer's stack nor the e2e run is disturbed.
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM } from '../tests/support/chromium';

const repoRoot = resolve(import.meta.dirname, '../..');
const host = '127.0.0.1';
const ports = { web: 5373, api: 8987, idp: 9600, dynamodb: 8200, sts: 9300, preview: 5374 };
const dataDir = '.data/bench';
const env = {
  ...process.env,
  ELEVATE_DATA_DIR: dataDir,
  ELEVATE_WEB_PORT: String(ports.web),
  ELEVATE_API_PORT: String(ports.api),
  ELEVATE_IDP_PORT: String(ports.idp),
  ELEVATE_DYNAMODB_PORT: String(ports.dynamodb),
  ELEVATE_STS_PORT: String(ports.sts),
};
const TARGET_SIGN_IN_MS = 90_000;
const TARGET_COLD_LOAD_MS = 2_000;
const COLD_LOADS = 3;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ms: number, target: number) =>
  ms <= target ? `within the ${seconds(target)} target` : `OVER the ${seconds(target)} target`;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Starts a command in its own process group; resolves when `ready` appears in its output. */
function start(
  command: string,
  args: string[],
  ready: RegExp,
  cwd = repoRoot,
): { child: ChildProcess; ready: Promise<number> } {
  const startedAt = Date.now();
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const isReady = new Promise<number>((resolveReady, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolveReady(Date.now() - startedAt);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) =>
      reject(
        new Error(
          `${command} ${args.join(' ')} exited (${code ?? 'signal'}) before it was ready:\n${output.slice(-2000)}`,
        ),
      ),
    );
  });
  return { child, ready: isReady };
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Signals the whole group; one that is already gone is fine. */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, name);
  } catch {
    // ESRCH: nothing left to stop.
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  signal(child, 'SIGINT');
  await Promise.race([exited, new Promise((resolveLater) => setTimeout(resolveLater, 10_000))]);
  if (running(child)) signal(child, 'SIGKILL');
}

/** A fresh browser context (empty cache) opens `url` until the Sign in button can be clicked. */
async function coldLoad(browser: Browser, url: string): Promise<{ ms: number; requests: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let requests = 0;
  page.on('request', () => {
    requests += 1;
  });
  const startedAt = Date.now();
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  const ms = Date.now() - startedAt;
  await context.close();
  return { ms, requests };
}

/** From the landing page through the dev IdP to My access with the request table shown. */
async function signIn(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const startedAt = Date.now();
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as Alice Requester' }).click();
  await page.getByRole('heading', { name: /^My requests/ }).waitFor();
  const ms = Date.now() - startedAt;
  await context.close();
  return ms;
}

async function measureColdLoads(browser: Browser, url: string) {
  const loads = [];
  for (let i = 0; i < COLD_LOADS; i += 1) loads.push(await coldLoad(browser, url));
  return { ms: median(loads.map((load) => load.ms)), requests: loads[0]?.requests ?? 0 };
}

async function main(): Promise<void> {
  await rm(resolve(repoRoot, dataDir), { recursive: true, force: true });
  const browser = await chromium.launch(CHROMIUM);
  const webUrl = `http://${host}:${ports.web}/`;
  const previewUrl = `http://${host}:${ports.preview}/`;
  console.log(
    'Elevate bench (targets: a persona signed in within 90 s of start, issue 2; first page usable within 2 s, issue 5)',
  );
  const report = (line: string) => console.log(`  ${line}`);
  try {
    // (a) `pnpm dev` from nothing (empty data folder) to the banner, then to a signed-in persona.
    const dev = start('pnpm', ['dev'], /Elevate is ready in/);
    try {
      const readyMs = await dev.ready;
      const signInMs = await signIn(browser, webUrl);
      report(`pnpm dev → ready banner (empty .data):        ${seconds(readyMs)}`);
      report(
        `pnpm dev → Alice signed in on My access:      ${seconds(readyMs + signInMs)} (${verdict(readyMs + signInMs, TARGET_SIGN_IN_MS)}; sign-in itself ${seconds(signInMs)})`,
      );
      // (b) The first page in a fresh browser context, served by vite's dev server.
      const devLoad = await measureColdLoads(browser, webUrl);
      report(
        `cold load, vite dev (median of ${COLD_LOADS}):          ${seconds(devLoad.ms)} for ${devLoad.requests} requests (${verdict(devLoad.ms, TARGET_COLD_LOAD_MS)})`,
      );
    } finally {
      await stop(dev.child);
    }

    // A second start keeps .data: what a developer sees every day.
    const again = start('pnpm', ['dev'], /Elevate is ready in/);
    try {
      report(`pnpm dev → ready banner (second start):       ${seconds(await again.ready)}`);
    } finally {
      await stop(again.child);
    }

    // (b) The same page from the production build (what CloudFront serves), via vite preview.
    const outDir = resolve(repoRoot, dataDir, 'web-dist');
    const buildStartedAt = Date.now();
    await start(
      'pnpm',
      ['exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir'],
      /built in/,
      resolve(repoRoot, 'apps/web'),
    ).ready;
    report(`vite build:                                   ${seconds(Date.now() - buildStartedAt)}`);
    const preview = start(
      'pnpm',
      [
        'exec',
        'vite',
        'preview',
        '--outDir',
        outDir,
        '--port',
        String(ports.preview),
        '--strictPort',
      ],
      /Local:/,
      resolve(repoRoot, 'apps/web'),
    );
    try {
      await preview.ready;
      const buildLoad = await measureColdLoads(browser, previewUrl);
      report(
        `cold load, production build (median of ${COLD_LOADS}): ${seconds(buildLoad.ms)} for ${buildLoad.requests} requests (${verdict(buildLoad.ms, TARGET_COLD_LOAD_MS)})`,
      );
    } finally {
      await stop(preview.child);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
