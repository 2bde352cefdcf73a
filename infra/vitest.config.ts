import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'infra',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Synthesizing a whole CDK app takes seconds on a shared 2-core runner.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
