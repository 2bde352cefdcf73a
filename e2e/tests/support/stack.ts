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

export const stack = {
  webUrl: `http://${host}:${ports.web}`,
  apiUrl: `http://${host}:${ports.api}`,
  idpUrl: `http://${host}:${ports.idp}`,
  stsUrl: `http://${host}:${ports.sts}`,
  env: {
    ELEVATE_DATA_DIR: '.data/e2e',
    ELEVATE_WEB_PORT: String(ports.web),
    ELEVATE_API_PORT: String(ports.api),
    ELEVATE_IDP_PORT: String(ports.idp),
    ELEVATE_DYNAMODB_PORT: String(ports.dynamodb),
    ELEVATE_STS_PORT: String(ports.sts),
    // No hot reload: a file saved during a run must not reload a journey's page.
    ELEVATE_WEB_WATCH: '0',
  },
};

/** The personas of config/dev-stack.yaml the journeys play. */
export const personas = {
  alice: { name: 'Alice Requester', email: 'alice@example.com' },
  bob: { name: 'Bob Requester', email: 'bob@example.com' },
  rita: { name: 'Rita Reviewer', email: 'rita@example.com' },
  ravi: { name: 'Ravi Reviewer', email: 'ravi@example.com' },
  audrey: { name: 'Audrey Auditor', email: 'audrey@example.com' },
  adam: { name: 'Adam Admin', email: 'adam@example.com' },
  nina: { name: 'Nina Newcomer', email: 'nina@example.com' },
} as const;

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
