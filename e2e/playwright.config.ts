import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './tests/support/chromium';
import { stack, stackCommand } from './tests/support/stack';

// The journeys run against the whole local stack (`pnpm dev`) on ports of their own and a fresh data
// folder, so a developer's running stack and data are left alone.
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // Journeys play two or three personas, each signing in through the IdP in its own browser. The
  // limits are ceilings for a machine at load average 20+ (seen with seven checkouts at work), not
  // waits: every step waits on the app's own signal and moves on the moment it shows.
  timeout: 300_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: '../.data/test-results/playwright.json' }]],
  outputDir: '../.data/test-results/playwright',
  use: {
    baseURL: stack.webUrl,
    // A click or fill on something that never appears fails here, not at the 5-minute test limit.
    actionTimeout: 60_000,
    // The size of the screenshots in docs/screenshots/.
    viewport: { width: 1280, height: 800 },
    launchOptions: CHROMIUM,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: stackCommand('.data/e2e'),
    url: `${stack.apiUrl}/health`,
    // The API can answer before the SPA server does; the banner comes once every service answers.
    wait: { stdout: /Elevate is ready in/ },
    // A cold build and start on a busy machine.
    timeout: 240_000,
    // E2E_REUSE_STACK=1 runs against an e2e stack you started yourself (same ports), for iterating.
    reuseExistingServer: process.env.E2E_REUSE_STACK === '1',
    stdout: 'pipe',
    env: stack.env,
    gracefulShutdown: { signal: 'SIGINT', timeout: 10_000 },
  },
});
