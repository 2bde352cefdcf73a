import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'dev-stack',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
