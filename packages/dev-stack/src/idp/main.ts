// Standalone dev IdP: `pnpm exec tsx packages/dev-stack/src/idp/main.ts` (the full stack starts it too).
import { resolve } from 'node:path';
import { loadDevConfig } from '../config/dev-config';
import { HOST, resolvePorts } from '../config/ports';
import { startDevIdp } from './start-dev-idp';

const repoRoot = resolve(import.meta.dirname, '../../../..');

async function main(): Promise<void> {
  const config = loadDevConfig(resolve(repoRoot, 'config/dev-stack.yaml'));
  const ports = resolvePorts();
  const webOrigin = `http://${HOST}:${ports.web}`;
  const idp = await startDevIdp({
    host: HOST,
    port: ports.idp,
    dataDir: resolve(repoRoot, '.data'),
    personas: config.personas,
    client: {
      clientId: config.idp.client.clientId,
      redirectUris: [`${webOrigin}/auth/callback`],
      postLogoutRedirectUris: [`${webOrigin}/`],
    },
    apiAudience: config.idp.apiAudience,
    groupsClaim: config.idp.groupsClaim,
    log: (line) => console.log(`idp │ ${line}`),
  });
  console.log(`idp │ discovery: ${idp.issuer}/.well-known/openid-configuration`);
  const stop = (): void => {
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
