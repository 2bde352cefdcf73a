// `pnpm bench:load`'s stand-ins for AWS (a child process of their own): dynalite and the STS
// emulator. In AWS the store and STS are other machines; sharing the load generator's event loop
// made dynalite the bottleneck the bench measured (85 % of a core at 100 rps, against 45 % for the
// API). Prints `ready <json>` with the endpoints, then `cpu <µs>` and `calls <json>` (store calls
// so far by operation) each second.
import { join } from 'node:path';
import { loadDevConfig, startDynamoDb, startStsEmulator } from '@elevate/dev-stack';

const devConfig = loadDevConfig(join(import.meta.dirname, '../../../../config/dev-stack.yaml'));
const calls: Record<string, number> = {};
const [dynamo, sts] = await Promise.all([
  startDynamoDb({
    host: '127.0.0.1',
    port: 0,
    onCall: (operation) => (calls[operation] = (calls[operation] ?? 0) + 1),
  }),
  startStsEmulator({
    host: '127.0.0.1',
    basePort: 0,
    regions: devConfig.sts.regions,
    principals: devConfig.sts.principals,
    targetRoles: devConfig.sts.targetRoles,
    log: () => undefined,
  }),
]);
const ready = {
  dynamoEndpoint: dynamo.endpoint,
  stsEndpoints: sts.endpoints,
  federationEndpoint: sts.federationEndpoint,
};
process.stdout.write(`ready ${JSON.stringify(ready)}\n`);
setInterval(() => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`cpu ${user + system}\ncalls ${JSON.stringify(calls)}\n`);
}, 1_000);
