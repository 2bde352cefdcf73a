import { resolve } from 'node:path';
import { devStackPersonas } from '@elevate/testing/personas';

// Where the e2e stack listens: every default port + 100, so it never meets a developer's `pnpm dev`.
// E2E_PORT_OFFSET moves it further (two checkouts running journeys side by side).
const host = '127.0.0.1';
const offset = 100 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const ports = {
  web: 5173 + offset,
  api: 8787 + offset,
  idp: 9400 + offset,
  dynamodb: 8000 + offset,
  sts: 9100 + offset,
};

const repoRoot = resolve(import.meta.dirname, '../../..');

/** Where a run's production build of the SPA goes: inside its data folder, wiped with it. */
export const webDistFor = (dataDir: string): string => `${dataDir}/web`;

/**
 * Playwright's webServer command (run from e2e/): a fresh data folder, the SPA's production build
 * into it, then the whole stack serving that build the way CloudFront does (the dev stack's SPA
 * server: same headers, immutable assets, SPA fallback) rather than vite's dev server, so journeys
 * test what users get and a first load is a handful of requests, not hundreds of transforms.
 */
export function stackCommand(dataDir: string): string {
  const outDir = resolve(repoRoot, webDistFor(dataDir));
  return [
    `rm -rf ${resolve(repoRoot, dataDir)}`,
    `pnpm --dir .. --filter @elevate/web exec vite build --logLevel warn --emptyOutDir --outDir ${outDir}`,
    'pnpm --dir .. run dev',
  ].join(' && ');
}

export const stack = {
  webUrl: `http://${host}:${ports.web}`,
  apiUrl: `http://${host}:${ports.api}`,
  idpUrl: `http://${host}:${ports.idp}`,
  stsUrl: `http://${host}:${ports.sts}`,
  env: {
    ELEVATE_DATA_DIR: '.data/e2e',
    ELEVATE_WEB_DIST: webDistFor('.data/e2e'),
    ELEVATE_WEB_PORT: String(ports.web),
    ELEVATE_API_PORT: String(ports.api),
    ELEVATE_IDP_PORT: String(ports.idp),
    ELEVATE_DYNAMODB_PORT: String(ports.dynamodb),
    ELEVATE_STS_PORT: String(ports.sts),
  },
};

/** The personas of config/dev-stack.yaml the journeys play. */
export const personas = devStackPersonas;

export type Persona = (typeof personas)[keyof typeof personas];

/** Screenshots of the main pages, copied to docs/screenshots/ by hand when they change. */
export const screenshotDir = '../.data/test-results/screenshots';

/**
 * Every journey shares the run's data folder, so what it creates carries a tag of its own: a
 * justification is found again by its text, never by its position in a list.
 */
export function uniqueText(what: string): string {
  return `${what} [${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}]`;
}
