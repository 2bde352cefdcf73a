import { defineConfig } from '@playwright/test';
import baseConfig from './playwright.config';
import { externalStackEnv, secondIdp } from './external-idp/second-idp';
import { stack, stackCommand } from './tests/support/stack';

// The second-IdP journey: Elevate's local stack pointed, by documented settings only, at an OIDC
// server this project did not write (oauth2-mock-server), which the run starts on loopback.
export default defineConfig({
  ...baseConfig,
  testDir: './external-idp',
  reporter: [
    ['list'],
    ['json', { outputFile: '../.data/test-results/playwright-external-idp.json' }],
  ],
  outputDir: '../.data/test-results/playwright-external-idp',
  webServer: [
    {
      command: 'node --import tsx external-idp/start-second-idp.ts',
      url: `${secondIdp.issuer}/.well-known/openid-configuration`,
      timeout: 60_000,
      stdout: 'pipe',
      env: { E2E_PORT_OFFSET: process.env.E2E_PORT_OFFSET ?? '0' },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: stackCommand('.data/e2e-external'),
      url: `${stack.apiUrl}/health`,
      wait: { stdout: /Elevate is ready in/ },
      timeout: 240_000,
      stdout: 'pipe',
      env: externalStackEnv,
      gracefulShutdown: { signal: 'SIGINT', timeout: 10_000 },
    },
  ],
});
