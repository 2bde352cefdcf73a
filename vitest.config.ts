import { defineConfig } from 'vitest/config';

// One vitest run covers every package's unit and integration tests; Playwright specs live in e2e/.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'infra', 'tooling'],
  },
});
