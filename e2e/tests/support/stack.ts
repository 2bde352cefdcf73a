// Where the e2e stack listens: every default port + 100, so it never meets a developer's `pnpm dev`.
const host = '127.0.0.1';
const ports = { web: 5273, api: 8887, idp: 9500, dynamodb: 8100, sts: 9200 };

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
  },
};
