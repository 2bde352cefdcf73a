// `pnpm bench:web`: the production build as users get it. Builds the SPA, serves it like CloudFront
// (gzip, immutable hashed assets) inside the local stack, and in Chromium measures per page the
// JavaScript and CSS transferred (compressed bytes on the wire) and the time to the first data row
// after sign-in, cold (empty cache) and on a repeat visit. A measure, not a test: it never fails.
//   BENCH_WEB_DIST=<dir>: measure that build instead of building (e.g. an older commit's).
//   BENCH_WEB_TIMELINE=1: also print, for each page's first cold and repeat load, when each request
//   started and ended, the main thread's long tasks, the app's `elevate:` marks and the first row.
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM } from '../tests/support/chromium';

const repoRoot = resolve(import.meta.dirname, '../..');
const host = '127.0.0.1';
// The defaults + 250 (+ E2E_PORT_OFFSET): clear of `pnpm dev`, the e2e run and `pnpm bench`.
const offset = 250 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const ports = { web: 5173, api: 8787, idp: 9400, dynamodb: 8000, sts: 9100 };
for (const key of Object.keys(ports) as (keyof typeof ports)[]) ports[key] += offset;
const dataDir = '.data/bench-web';
const webUrl = `http://${host}:${ports.web}`;
const apiUrl = `http://${host}:${ports.api}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TIMELINE = process.env.BENCH_WEB_TIMELINE === '1';
/** The seeded request's role: every page's data row shows it (skeleton rows show nothing). */
const ROLE = 'PowerUser';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;

function run(command: string, args: string[], env: NodeJS.ProcessEnv, ready?: RegExp) {
  const child = spawn(command, args, { cwd: repoRoot, env, detached: true, stdio: 'pipe' });
  const isReady = new Promise<void>((resolveReady, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready?.test(output)) resolveReady();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) =>
      code === 0 && ready === undefined
        ? resolveReady()
        : reject(
            new Error(`${command} ${args.join(' ')} exited (${code}):\n${output.slice(-2000)}`),
          ),
    );
  });
  return { child, ready: isReady };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  try {
    process.kill(-child.pid, 'SIGINT');
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((later) => setTimeout(later, 10_000))]);
}

/** Compressed bytes of JS and CSS the page fetched over the network (cache hits count 0). */
function countTransfers(page: Page) {
  const totals = { js: 0, css: 0, jsFiles: 0 };
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.origin !== webUrl) return;
    void request.sizes().then(
      (sizes) => {
        const response = request.response();
        void response.then((answer) => {
          if (answer === null || answer.fromServiceWorker()) return;
          if (url.pathname.endsWith('.js')) {
            totals.js += sizes.responseBodySize;
            totals.jsFiles += sizes.responseBodySize > 0 ? 1 : 0;
          } else if (url.pathname.endsWith('.css')) totals.css += sizes.responseBodySize;
        });
      },
      () => undefined,
    );
  });
  return totals;
}

async function signIn(page: Page, persona: string): Promise<void> {
  await page.goto(`${webUrl}/`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: `Sign in as ${persona}` }).click();
}

/**
 * Milliseconds since this document's navigation started, when the first data row entered the DOM
 * (recorded in the page by BENCH_INIT, so the main thread's work after the row, which delays
 * Playwright noticing it, is not counted).
 */
async function firstRowMs(page: Page): Promise<number> {
  await page.locator('main table tbody tr', { hasText: ROLE }).first().waitFor({ timeout: 30_000 });
  return page.evaluate(
    () =>
      (window as unknown as { __bench?: { firstRow?: number } }).__bench?.firstRow ??
      performance.now(),
  );
}

async function tokens(page: Page): Promise<Record<string, string>> {
  const user = await page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i += 1) {
      const key = sessionStorage.key(i);
      if (key?.startsWith('oidc.user:')) return sessionStorage.getItem(key);
    }
    return null;
  });
  const { access_token, id_token } = JSON.parse(user ?? '{}') as Record<string, string>;
  return { authorization: `Bearer ${access_token}`, 'x-elevate-id-token': id_token ?? '' };
}

/**
 * Records, from the very start of every document: long tasks, and when the first data row appeared
 * (a MutationObserver, so the time is the DOM's, not the moment a poll noticed it).
 */
const BENCH_INIT = `(() => {
  const w = window;
  w.__bench = { longTasks: [], firstRow: undefined };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // A data row names the seeded request's role; skeleton and "Loading" rows name nothing.
  const seen = () => {
    if (w.__bench.firstRow !== undefined) return;
    for (const row of document.querySelectorAll('main table tbody tr'))
      if (row.textContent.includes(${JSON.stringify(ROLE)})) w.__bench.firstRow = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

interface TimelineRow {
  at: number;
  end: number;
  what: string;
}

/** The document's timeline so far, in ms since its navigation started, sorted by start. */
async function timeline(page: Page): Promise<TimelineRow[]> {
  const rows = await page.evaluate(() => {
    const out: { at: number; end: number; what: string }[] = [];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    out.push({ at: 0, end: nav.responseEnd, what: `document (${nav.transferSize} B)` });
    out.push({ at: nav.domInteractive, end: nav.domInteractive, what: 'domInteractive' });
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const url = new URL(e.name);
      const where = url.origin === location.origin ? url.pathname : `${url.host}${url.pathname}`;
      const cached = e.transferSize === 0 && e.decodedBodySize > 0 ? ' cache' : '';
      out.push({
        at: e.startTime,
        end: e.responseEnd,
        what: `${e.initiatorType} ${where.replace(/-[\w-]{8}\.(js|css)$/u, '.$1')}${cached} (${e.transferSize} B)`,
      });
    }
    for (const m of performance.getEntriesByType('mark'))
      if (m.name.startsWith('elevate:'))
        out.push({ at: m.startTime, end: m.startTime, what: m.name });
    const bench = (window as unknown as { __bench?: { longTasks: number[][]; firstRow?: number } })
      .__bench;
    for (const [at = 0, duration = 0] of bench?.longTasks ?? [])
      out.push({ at, end: at + duration, what: `long task ${duration.toFixed(0)} ms` });
    if (bench?.firstRow !== undefined)
      out.push({ at: bench.firstRow, end: bench.firstRow, what: 'FIRST DATA ROW' });
    return out;
  });
  return rows.sort((a, b) => a.at - b.at);
}

function printTimeline(title: string, rows: TimelineRow[]): void {
  console.log(`\n${title}`);
  for (const row of rows)
    console.log(
      `${row.at.toFixed(0).padStart(6)} → ${row.end.toFixed(0).padStart(6)} ${(row.end - row.at).toFixed(0).padStart(5)} ms  ${row.what}`,
    );
}

interface PageResult {
  name: string;
  js: number;
  jsFiles: number;
  css: number;
  coldMs: number;
  repeatMs: number;
}

/**
 * One signed-in page: `persona` signs in (their landing, then `path`); cold = the first visit of a
 * fresh browser after sign-in, repeat = the same tab reloaded with the HTTP cache kept.
 */
async function measurePage(
  browser: Browser,
  name: string,
  persona: string,
  path: string,
  setUp?: (page: Page) => Promise<void>,
): Promise<PageResult> {
  const cold: number[] = [];
  const repeat: number[] = [];
  let transfer = { js: 0, css: 0, jsFiles: 0 };
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(BENCH_INIT);
    await signIn(page, persona);
    await page.waitForURL(`${webUrl}/`);
    await setUp?.(page);
    // Cold: a signed-in tab opening the page with an empty HTTP cache.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    const totals = countTransfers(page);
    await page.goto(`${webUrl}${path}`);
    cold.push(await firstRowMs(page));
    await page.waitForLoadState('networkidle');
    transfer = { ...totals };
    if (TIMELINE && i === 0) printTimeline(`${name}, cold`, await timeline(page));
    // Repeat: the same tab comes back later; hashed assets come from the cache.
    await page.reload();
    repeat.push(await firstRowMs(page));
    if (TIMELINE && i === 0) {
      await page.waitForLoadState('networkidle');
      printTimeline(`${name}, repeat`, await timeline(page));
    }
    await context.close();
  }
  return { name, ...transfer, coldMs: median(cold), repeatMs: median(repeat) };
}

async function frontDoor(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const totals = countTransfers(page);
  await page.goto(`${webUrl}/`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return totals;
}

async function main(): Promise<void> {
  await rm(resolve(repoRoot, dataDir), { recursive: true, force: true });
  let dist = process.env.BENCH_WEB_DIST;
  if (dist === undefined) {
    dist = `${dataDir}/dist`;
    await run(
      'pnpm',
      ['--filter', '@elevate/web', 'exec', 'vite', 'build', '--outDir', resolve(repoRoot, dist)],
      process.env,
    ).ready;
  }
  const stack = run(
    'pnpm',
    ['dev'],
    {
      ...process.env,
      ELEVATE_DATA_DIR: dataDir,
      ELEVATE_WEB_DIST: dist,
      ELEVATE_WEB_PORT: String(ports.web),
      ELEVATE_API_PORT: String(ports.api),
      ELEVATE_IDP_PORT: String(ports.idp),
      ELEVATE_DYNAMODB_PORT: String(ports.dynamodb),
      ELEVATE_STS_PORT: String(ports.sts),
      ELEVATE_LOG_LEVEL: 'warn',
    },
    /Elevate is ready in/,
  );
  const browser = await chromium.launch(CHROMIUM);
  try {
    await stack.ready;
    const door = await frontDoor(browser);
    console.log(
      `${'Front door'.padEnd(11)} JS ${kib(door.js).padStart(10)} in ${door.jsFiles} files  CSS ${kib(door.css).padStart(10)}`,
    );
    // Something to show: one request of Alice's, pending for the reviewers, in everyone's audit.
    const seed = async (page: Page) => {
      const answer = await fetch(`${apiUrl}/requests`, {
        method: 'POST',
        headers: { ...(await tokens(page)), 'content-type': 'application/json' },
        body: JSON.stringify({
          accountId: '222222222222',
          roleName: ROLE,
          justification: 'Benchmark: a request for every list to show',
          ticket: 'OPS-1234',
        }),
      });
      if (answer.status !== 201) throw new Error(`seeding failed: ${answer.status}`);
    };
    const results = [
      await measurePage(browser, 'My access', 'Alice Requester', '/', seed),
      await measurePage(browser, 'Reviews', 'Rita Reviewer', '/reviews'),
      await measurePage(browser, 'Audit', 'Audrey Auditor', '/audit'),
    ];
    for (const r of results)
      console.log(
        `${r.name.padEnd(11)} JS ${kib(r.js).padStart(10)} in ${r.jsFiles} files  CSS ${kib(r.css).padStart(10)}  first data row: cold ${r.coldMs.toFixed(0)} ms, repeat ${r.repeatMs.toFixed(0)} ms (median of ${RUNS})`,
      );
  } finally {
    await browser.close();
    await stop(stack.child);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
