// Starts the STS + console federation emulator on its own, for trying it by hand:
//   pnpm --filter @elevate/dev-stack exec tsx src/sts/main.ts
import { fileURLToPath } from 'node:url';
import { loadDevConfig } from '../config/dev-config';
import { HOST, resolvePorts } from '../config/ports';
import { startStsEmulator } from './start-sts-emulator';

const configFile = fileURLToPath(new URL('../../../../config/dev-stack.yaml', import.meta.url));
const config = loadDevConfig(configFile);
const ports = resolvePorts();

const emulator = await startStsEmulator({
  host: HOST,
  basePort: ports.sts,
  regions: config.sts.regions,
  principals: config.sts.principals,
  targetRoles: config.sts.targetRoles,
  log: (line) => console.log(line),
});

for (const [region, endpoint] of Object.entries(emulator.endpoints))
  console.log(`STS ${region}: ${endpoint}`);
console.log(`Federation: ${emulator.federationEndpoint}`);
console.log(`Console:    ${emulator.consoleUrl}`);
console.log(
  `Try (with the broker's keys from config/dev-stack.yaml in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY): aws sts get-caller-identity --endpoint-url ${emulator.endpoints[config.sts.regions[0] ?? ''] ?? ''} --region ${config.sts.regions[0] ?? ''}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
