import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The integration suite starts a whole local stack and the real AWS CLI.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
