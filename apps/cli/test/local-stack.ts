import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadDevConfig, startDevIdp, startDynamoDb, startStsEmulator } from '@elevate/dev-stack';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const HOST = '127.0.0.1';
const REGION = 'eu-west-1';

export interface LocalStack {
  /** Serves `/config.json` as the SPA's host would: what `elevate configure --url` reads. */
  webUrl: string;
  apiUrl: string;
  issuer: string;
  stsEndpoint: string;
  region: string;
  close(): Promise<void>;
}

/**
 * The whole local stack on ephemeral ports (port 0 everywhere): dynalite, the dev IdP with the CLI's
 * native client, the STS emulator, and the API as its own process (as `pnpm dev` runs it).
 */
export async function startLocalStack(dataDir: string): Promise<LocalStack> {
  const dev = loadDevConfig(`${repoRoot}config/dev-stack.yaml`);
  const nativeClientId = dev.idp.nativeClient?.clientId ?? 'elevate-cli';
  const db = await startDynamoDb({ host: HOST, port: 0 });
  const idp = await startDevIdp({
    host: HOST,
    port: 0,
    dataDir,
    personas: dev.personas,
    client: {
      clientId: dev.idp.client.clientId,
      redirectUris: [`http://${HOST}:9/auth/callback`],
      postLogoutRedirectUris: [`http://${HOST}:9/`],
    },
    nativeClient: { clientId: nativeClientId },
    apiAudience: dev.idp.apiAudience,
    groupsClaim: dev.idp.groupsClaim,
  });
  const sts = await startStsEmulator({
    host: HOST,
    basePort: 0,
    regions: [REGION],
    principals: dev.sts.principals,
    targetRoles: dev.sts.targetRoles,
  });
  const broker = dev.sts.principals.find((p) => p.name === 'broker');
  const api = await startApi({
    ...process.env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ELEVATE_HOST: HOST,
    ELEVATE_API_PORT: '0',
    ELEVATE_WEB_ORIGIN: `http://${HOST}:9`,
    ELEVATE_IDP_ISSUER: idp.issuer,
    ELEVATE_CLIENT_ID: dev.idp.client.clientId,
    ELEVATE_NATIVE_CLIENT_ID: nativeClientId,
    ELEVATE_API_AUDIENCE: dev.idp.apiAudience,
    ELEVATE_GROUPS_CLAIM: dev.idp.groupsClaim,
    ELEVATE_POLICY_FILE: `${repoRoot}config/policy.example.yaml`,
    ELEVATE_DYNAMODB_ENDPOINT: db.endpoint,
    ELEVATE_STS_ENDPOINTS: JSON.stringify(sts.endpoints),
    ELEVATE_STS_REGIONS: REGION,
    ELEVATE_FEDERATION_ENDPOINT: sts.federationEndpoint,
    ELEVATE_SESSION_SECONDS: '900',
    ELEVATE_LOG_LEVEL: 'warn',
    AWS_ACCESS_KEY_ID: broker?.accessKeyId ?? '',
    AWS_SECRET_ACCESS_KEY: broker?.secretAccessKey ?? '',
    AWS_REGION: REGION,
  });
  const web = await serveConfigJson({
    authority: idp.issuer,
    clientId: dev.idp.client.clientId,
    apiUrl: api.url,
    nativeClientId,
  });
  return {
    webUrl: web.url,
    apiUrl: api.url,
    issuer: idp.issuer,
    stsEndpoint: sts.endpoints[REGION] ?? '',
    region: REGION,
    async close() {
      api.process.kill('SIGTERM');
      await new Promise((resolve) => api.process.once('exit', resolve));
      await Promise.allSettled([web.close(), sts.close(), idp.close(), db.close()]);
    },
  };
}

async function startApi(env: NodeJS.ProcessEnv): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/local-server.ts'], {
    cwd: `${repoRoot}apps/api`,
    env: { ...env, ELEVATE_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Elevate API ready on (http:\/\/[\d.:]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`API exited with ${code}:\n${output}`)));
  });
  return { url, process: child };
}

async function serveConfigJson(body: object): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${HOST}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
