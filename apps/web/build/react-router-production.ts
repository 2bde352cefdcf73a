import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * react-router 7 exports only its development build (`dist/development`, with its dev-time
 * checks and warnings) under every condition; its production build sits beside it, unexported.
 * Production builds of the SPA take that one instead: same API, ~40 % less code. The dev server
 * keeps the development build and its warnings.
 */
export function reactRouterProductionBuild(): Plugin {
  const packageJson = createRequire(import.meta.url).resolve('react-router/package.json');
  return {
    name: 'elevate-react-router-production',
    config: (_config, { command }) =>
      command === 'build'
        ? {
            resolve: {
              alias: [
                {
                  find: /^react-router$/,
                  replacement: join(dirname(packageJson), 'dist/production/index.mjs'),
                },
              ],
            },
          }
        : undefined,
  };
}
