import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { decide, openReviews, reviewRow } from './support/reviews';
import { openAs } from './support/sign-in';
import { personas, stack, uniqueText } from './support/stack';

const cliDir = fileURLToPath(new URL('../../apps/cli/', import.meta.url));
const bin = join(cliDir, 'dist/elevate.js');

interface Cli {
  child: ChildProcess;
  output: () => string;
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  exit: Promise<number>;
}

/** The bundled `elevate` CLI with a configuration folder of its own; never a browser of its own. */
function elevate(home: string, args: string[]): Cli {
  const child = spawn(process.execPath, [bin, ...args], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      ELEVATE_CONFIG_DIR: join(home, 'config'),
      ELEVATE_CACHE_DIR: join(home, 'cache'),
      ELEVATE_TOKEN_STORE: 'file',
      ELEVATE_NO_BROWSER: '1',
      ELEVATE_POLL_SECONDS: '0.5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    child,
    output: () => output,
    exit,
    waitFor: (pattern) =>
      expect
        .poll(() => pattern.exec(output), { message: `waiting for ${pattern}` })
        .not.toBeNull()
        .then(() => pattern.exec(output) as RegExpExecArray),
  };
}

/** The person at the browser: the device page, the code from the terminal, a persona. */
async function approveDevice(page: Page, userCode: string): Promise<void> {
  await page.goto(`${stack.idpUrl}/device`);
  await expect(page.getByRole('heading', { name: 'Sign in a terminal' })).toBeVisible();
  await page.getByPlaceholder('Enter code').fill(userCode);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Sign in the terminal' }).click();
  await page.getByRole('button', { name: `Sign in as ${personas.alice.name}` }).click();
  await expect(page.getByRole('heading', { name: 'Your terminal is signed in' })).toBeVisible();
}

let home: string;
test.beforeAll(() => {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: cliDir });
  home = mkdtempSync(join(tmpdir(), 'elevate-e2e-cli-'));
});
test.afterAll(() => rmSync(home, { recursive: true, force: true }));

test('the terminal signs in with the device grant, and `elevate request --wait` returns when a reviewer approves in the SPA', async ({
  browser,
  page,
}) => {
  const configure = elevate(home, ['configure', '--url', stack.webUrl]);
  expect(await configure.exit, configure.output()).toBe(0);

  const login = elevate(home, ['login', '--device']);
  const [, userCode] = await login.waitFor(/enter the code\s+(\S+)/);
  await approveDevice(page, userCode ?? '');
  expect(await login.exit, login.output()).toBe(0);
  expect(login.output()).toContain(`Signed in as ${personas.alice.name}`);

  const justification = uniqueText('Tail the sandbox logs from the terminal');
  const wait = elevate(home, [
    'request',
    '--account',
    'sandbox',
    '--role',
    'ReadOnly',
    '--reason',
    justification,
    '--wait',
  ]);
  await wait.waitFor(/Waiting for approval of \S+: 0\/1 approvals/);

  // Rita signs in as a person would and approves in her queue.
  const rita = await openAs(browser, personas.rita);
  await openReviews(rita.page, 'Pending');
  await decide(
    rita.page,
    reviewRow(rita.page, justification),
    'Approve',
    'From the terminal, fine',
  );

  expect(await wait.exit, wait.output()).toBe(0);
  expect(wait.output()).toMatch(/Approved by rita@example\.com: From the terminal, fine/);
  await rita.context.close();
});
