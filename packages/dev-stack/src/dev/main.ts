// `pnpm dev`: every stand-in in this process, the API and the SPA as children, one banner when all answer.
import { join, resolve } from 'node:path';
import { loadDevConfig } from '../config/dev-config';
import { readDevEnv } from '../config/dev-env';
import { HOST, portSettings, resolvePorts } from '../config/ports';
import { startDynamoDb } from '../dynamodb/start-dynamodb';
import { startDevIdp } from '../idp';
import { startStsEmulator } from '../sts';
import { readyBanner } from './banner';
import { devRuntimeConfig, idpChoiceFrom, spaSettingsFrom } from './idp-choice';
import { checkPortsFree, PortInUseError, type PortClaim } from './check-ports';
import { startChild, waitForHttp, type ChildService } from './child-service';
import { prefixedLog } from './prefixed-log';
import { startSpaServer } from '../web/serve-spa';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const startedAt = Date.now();
const log = prefixedLog('dev');

async function main(): Promise<void> {
  const devEnv = readDevEnv(repoRoot);
  const { dataDir, configFile, policyFile } = devEnv;
  const config = loadDevConfig(configFile);
  const ports = resolvePorts(devEnv.inherited);
  const idpChoice = idpChoiceFrom(devEnv.inherited);

  const claims: PortClaim[] = Object.entries(portSettings).flatMap(([name, s]) =>
    name === 'idp' && idpChoice.kind === 'external'
      ? []
      : name === 'sts'
        ? config.sts.regions.map((region, i) => ({
            name: `sts ${region}`,
            port: ports.sts + i,
            env: s.env,
          }))
        : [{ name, port: ports[name as keyof typeof ports], env: s.env }],
  );
  await checkPortsFree(HOST, claims);

  const webOrigin = `http://${HOST}:${ports.web}`;
  const apiUrl = `http://${HOST}:${ports.api}`;
  const [db, idp, sts] = await Promise.all([
    startDynamoDb({ host: HOST, port: ports.dynamodb, dataDir: join(dataDir, 'dynamodb') }),
    idpChoice.kind === 'external'
      ? Promise.resolve(undefined)
      : startDevIdp({
          host: HOST,
          port: ports.idp,
          dataDir,
          personas: config.personas,
          client: {
            clientId: config.idp.client.clientId,
            redirectUris: [`${webOrigin}/auth/callback`],
            postLogoutRedirectUris: [`${webOrigin}/`],
          },
          apiAudience: config.idp.apiAudience,
          nativeClient: config.idp.nativeClient,
          groupsClaim: config.idp.groupsClaim,
          log: prefixedLog('idp'),
        }),
    startStsEmulator({
      host: HOST,
      basePort: ports.sts,
      regions: config.sts.regions,
      principals: config.sts.principals,
      targetRoles: config.sts.targetRoles,
      log: prefixedLog('sts'),
    }),
  ]);
  const closers: (() => Promise<void>)[] = [
    () => sts.close(),
    () => idp?.close() ?? Promise.resolve(),
    () => db.close(),
  ];
  log(`DynamoDB (dynalite) ${db.endpoint}, data in ${join(dataDir, 'dynamodb')}`);

  // The dev IdP's settings, or the external IdP's as the environment names them (the API reads
  // the same variables: ELEVATE_IDP_PROVIDER, ELEVATE_GROUPS_CLAIM, ELEVATE_MFA_*, …).
  const oidc =
    idpChoice.kind === 'external'
      ? {
          ELEVATE_IDP_ISSUER: idpChoice.issuer,
          ELEVATE_CLIENT_ID: idpChoice.clientId,
          ELEVATE_API_AUDIENCE: idpChoice.audience,
          ELEVATE_IDP_PROVIDER: idpChoice.provider,
        }
      : {
          ELEVATE_IDP_ISSUER: idp?.issuer ?? '',
          ELEVATE_CLIENT_ID: config.idp.client.clientId,
          ELEVATE_API_AUDIENCE: config.idp.apiAudience,
          ELEVATE_IDP_PROVIDER: 'generic' as const,
          ELEVATE_GROUPS_CLAIM: config.idp.groupsClaim,
          // The dev IdP's CLI client (`pnpm elevate`); an external IdP names its own, if any.
          ELEVATE_NATIVE_CLIENT_ID: config.idp.nativeClient?.clientId ?? '',
        };
  if (idpChoice.kind === 'external')
    log(`using the IdP at ${idpChoice.issuer} (${idpChoice.provider})`);
  const runtimeConfig = devRuntimeConfig({
    issuer: oidc.ELEVATE_IDP_ISSUER,
    clientId: oidc.ELEVATE_CLIENT_ID,
    apiUrl,
    nativeClientId:
      idpChoice.kind === 'external' ? devEnv.nativeClientId : config.idp.nativeClient?.clientId,
    settings: spaSettingsFrom(
      oidc.ELEVATE_IDP_PROVIDER,
      oidc.ELEVATE_API_AUDIENCE,
      idpChoice.kind === 'external' ? devEnv.inherited : {},
    ),
  });

  const broker = config.sts.principals.find((p) => p.name === 'broker');
  const revoker = config.sts.principals.find((p) => p.name === 'revoker');
  const revokerRole = config.sts.targetRoles.revoker;
  const childEnv: NodeJS.ProcessEnv = {
    ...devEnv.inherited,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ELEVATE_HOST: HOST,
    ELEVATE_API_PORT: String(ports.api),
    ELEVATE_WEB_PORT: String(ports.web),
    ELEVATE_WEB_ORIGIN: webOrigin,
    ELEVATE_API_URL: apiUrl,
    ...oidc,
    ELEVATE_RUNTIME_CONFIG: JSON.stringify(runtimeConfig),
    ELEVATE_POLICY_FILE: policyFile,
    // Absolute, so children started in their own folders (apps/api) use the same .data/.
    ELEVATE_DATA_DIR: dataDir,
    ELEVATE_DEV_CONFIG: configFile,
    ELEVATE_DYNAMODB_ENDPOINT: db.endpoint,
    ELEVATE_STS_ENDPOINTS: JSON.stringify(sts.endpoints),
    ELEVATE_STS_REGIONS: config.sts.regions.join(','),
    ELEVATE_FEDERATION_ENDPOINT: sts.federationEndpoint,
    // The broker's local principal, as the federate function's role would be in AWS.
    AWS_ACCESS_KEY_ID: broker?.accessKeyId ?? '',
    AWS_SECRET_ACCESS_KEY: broker?.secretAccessKey ?? '',
    AWS_REGION: config.sts.regions[0],
    // The revoker's local principal and the emulator's IAM (on the first STS listener).
    ...(revoker === undefined || revokerRole === undefined
      ? {}
      : {
          ELEVATE_REVOKER_ROLE_NAME: revokerRole.roleName,
          ELEVATE_REVOKER_ACCESS_KEY_ID: revoker.accessKeyId,
          ELEVATE_REVOKER_SECRET_ACCESS_KEY: revoker.secretAccessKey,
          ELEVATE_REVOKER_STS_ENDPOINT: Object.values(sts.endpoints)[0],
          ELEVATE_IAM_ENDPOINT: Object.values(sts.endpoints)[0],
        }),
  };

  const children: ChildService[] = [];
  let shuttingDown = false;
  const shutdown = async (code: number): Promise<never> => {
    if (!shuttingDown) {
      shuttingDown = true;
      log('stopping…');
      await Promise.allSettled(children.map((c) => c.stop()));
      await Promise.allSettled(closers.map((close) => close()));
      log('stopped');
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const onExit = (name: string) => (code: number | null) => {
    log(`${name} exited with code ${code ?? 'signal'}; stopping the rest`);
    void shutdown(1);
  };
  const node = process.execPath;
  const { webDist } = devEnv;
  children.push(
    startChild('api', node, ['--import', 'tsx', 'src/local/local-server.ts'], {
      cwd: join(repoRoot, 'apps/api'),
      env: childEnv,
      log: prefixedLog('api'),
      onExit: onExit('api'),
    }),
  );
  if (webDist === undefined) {
    children.push(
      startChild('web', node, ['node_modules/vite/bin/vite.js', '--clearScreen', 'false'], {
        cwd: join(repoRoot, 'apps/web'),
        env: childEnv,
        log: prefixedLog('web'),
        onExit: onExit('web'),
      }),
    );
  } else {
    // ELEVATE_WEB_DIST: that production build, served as CloudFront serves it (headers, caching,
    // SPA fallback), instead of vite's dev server: what the e2e journeys and `pnpm bench:web` use.
    const spa = await startSpaServer({
      host: HOST,
      port: ports.web,
      distDir: resolve(repoRoot, webDist),
      runtimeConfig: JSON.stringify(runtimeConfig),
      apiUrl,
      idpOrigins: [new URL(oidc.ELEVATE_IDP_ISSUER).origin],
    });
    closers.unshift(() => spa.close());
    log(`SPA production build from ${resolve(repoRoot, webDist)} at ${spa.url}`);
  }

  await Promise.all([
    waitForHttp(`${apiUrl}/health`, 60_000),
    waitForHttp(`${webOrigin}/`, 60_000),
  ]);
  console.log(
    readyBanner({
      urls: [
        { label: 'Elevate', url: `${webOrigin}/` },
        { label: 'API', url: apiUrl },
        idp === undefined
          ? { label: 'IdP', url: oidc.ELEVATE_IDP_ISSUER }
          : { label: 'Dev IdP', url: idp.issuer },
        ...Object.entries(sts.endpoints).map(([region, url]) => ({ label: `STS ${region}`, url })),
        { label: 'Console', url: sts.consoleUrl },
        { label: 'DynamoDB', url: db.endpoint },
      ],
      personas: config.personas,
      dataDir,
      startedInMs: Date.now() - startedAt,
    }),
  );
}

main().catch((error: unknown) => {
  if (error instanceof PortInUseError) {
    log(error.message);
  } else {
    log(`start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
