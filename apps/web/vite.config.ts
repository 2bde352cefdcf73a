import { defineConfig, type Connect, type Plugin } from 'vite';
import { consoleFilesPlugin } from './build/console-files-plugin.ts';
import { reactRouterProductionBuild } from './build/react-router-production.ts';
import react from '@vitejs/plugin-react';

// The dev orchestrator passes ports and URLs through these variables; the defaults match config/dev-stack.yaml.
const env = {
  idpIssuer: process.env.ELEVATE_IDP_ISSUER ?? 'http://127.0.0.1:9400',
  clientId: process.env.ELEVATE_CLIENT_ID ?? 'elevate-web',
  apiUrl: process.env.ELEVATE_API_URL ?? 'http://127.0.0.1:8787',
  webPort: Number(process.env.ELEVATE_WEB_PORT ?? 5173),
  // `0` for a server that never reloads pages under you: the Playwright journeys, whose pages must
  // not restart because someone saved a file.
  watch: process.env.ELEVATE_WEB_WATCH !== '0',
  // The whole config.json as `pnpm dev` builds it from the IdP profile (packages/contracts'
  // runtimeConfigFor); the SPA validates it with the same contract.
  runtimeConfig: process.env.ELEVATE_RUNTIME_CONFIG,
};

/**
 * Serves `/config.json` like CloudFront does in AWS (where CDK writes the file), so the same build
 * runs everywhere and only configuration differs.
 */
function runtimeConfig(): Plugin {
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    if (req.url?.split('?')[0] !== '/config.json') return next();
    const body =
      env.runtimeConfig ??
      JSON.stringify({ authority: env.idpIssuer, clientId: env.clientId, apiUrl: env.apiUrl });
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    res.end(body);
  };
  return {
    name: 'elevate-runtime-config',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

/** Never served by the dev server, whatever the path says (vite's own defaults are kept below). */
export const DATA_DIR_DENY = ['**/.data/**', '**/.data'];

export default defineConfig({
  plugins: [react(), runtimeConfig(), consoleFilesPlugin(), reactRouterProductionBuild()],
  server: {
    host: '127.0.0.1',
    port: env.webPort,
    strictPort: true,
    // Transform the shell and every route before the first visit, so a cold first page is not a
    // waterfall of on-demand transforms.
    warmup: { clientFiles: ['./src/main.tsx', './src/app/**/*.tsx'] },
    ...(env.watch ? {} : { watch: null, hmr: false }),
    // vite serves any file under the workspace root at /@fs/…; .data/ holds the dev IdP's private
    // signing keys, the dev mailbox and DynamoDB's files, so it is never served (403).
    fs: { deny: [...DATA_DIR_DENY, '.env', '.env.*', '*.{crt,pem}', '**/.git/**'] },
  },
  // Every dependency any page can import, lazy routes included, is found and pre-bundled at start.
  // Left to discovery, a dependency first met on a visit makes vite re-bundle and reload the page
  // under the user (and under the first Playwright journey of a run).
  optimizeDeps: {
    entries: ['index.html', 'src/**/*.{ts,tsx}', '!src/**/*.test.{ts,tsx}', '!src/testing/**'],
  },
  resolve: {
    alias: [
      // Cloudscape's I18nProvider formats its messages with intl-messageformat, which imports the
      // ICU MessageFormat parser (~9 KiB gzip on every signed-in page) for messages given as text.
      // Cloudscape's messages come parsed (an AST; i18n-messages.test.ts checks the English ones)
      // and we give it no others, so the parser is never called: formatjs's parser-less variant
      // (https://formatjs.github.io/docs/guides/advanced-usage, "without parser"), from the
      // package's ES module build (`lib/`, its `module` field). Should that file move in an upgrade,
      // the build fails here; a message given as text would throw instead of being formatted.
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: '@formatjs/icu-messageformat-parser/lib/no-parser.js',
      },
    ],
  },
  preview: { host: '127.0.0.1', port: env.webPort, strictPort: true },
  // Maps are written for error triage but not referenced from the bundles; infra's web stack keeps
  // them out of the site bucket (SOURCE_MAP_PATTERN), so they are never served publicly.
  build: { sourcemap: 'hidden' },
});
