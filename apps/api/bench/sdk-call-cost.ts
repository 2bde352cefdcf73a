// `pnpm --filter @elevate/api bench:sdk-call`: what one store call costs the calling process in CPU,
// through the client every Elevate adapter uses (createStoreClient) and as a bare HTTP round trip
// to the same dynalite, so the federate bench's CPU per session can be read against a floor.
//   BENCH_CALLS (3000) per measured round; one warm-up round of the same size first.
import { request, Agent } from 'node:http';
import { CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createStoreClient } from '@elevate/adapters';
import { start, stopAll } from './child-processes';

const calls = Number(process.env.BENCH_CALLS ?? 3000);
// dynalite takes any keys; the region and keys come from the environment, as in Lambda.
process.env.AWS_REGION ??= 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID ??= 'bench';
process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const TABLE = 'sdk-call-cost';

const store = await start('bench/dynamodb-process.ts', [], {}, /ready (\S+)/);
const endpoint = store.match[1] ?? '';

/** CPU (user + system) of this process per call of `once`, in ms, over `calls` calls in a row. */
async function cpuPerCall(once: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await once();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}

try {
  const client = createStoreClient(endpoint);
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  // About the size of a request item.
  await client.send(
    new PutItemCommand({ TableName: TABLE, Item: { PK: { S: 'a' }, v: { S: 'x'.repeat(1500) } } }),
  );
  const getItem = () =>
    client.send(new GetItemCommand({ TableName: TABLE, Key: { PK: { S: 'a' } } }));

  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(endpoint);
  const body = JSON.stringify({ TableName: TABLE, Key: { PK: { S: 'a' } } });
  const bareGetItem = () =>
    new Promise<void>((resolve, reject) => {
      const call = request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/',
          agent,
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': 'DynamoDB_20120810.GetItem',
            // dynalite checks that a signature is there, not that it is right.
            authorization:
              'AWS4-HMAC-SHA256 Credential=bench/20261205/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
            'x-amz-date': '20261205T000000Z',
          },
        },
        (response) => {
          response.resume();
          if (response.statusCode !== 200)
            reject(new Error(`bare GetItem answered ${response.statusCode}`));
          else response.once('end', resolve);
        },
      );
      call.once('error', reject);
      call.end(body);
    });

  console.log(
    `Node ${process.version}, load average ${(await import('node:os'))
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}; ${calls} calls a round`,
  );
  await cpuPerCall(getItem);
  await cpuPerCall(bareGetItem);
  for (let round = 1; round <= 2; round++)
    console.log(
      `round ${round}: GetItem through the SDK ${(await cpuPerCall(getItem)).toFixed(3)} ms CPU/call, the same bare HTTP round trip ${(await cpuPerCall(bareGetItem)).toFixed(3)} ms`,
    );
  client.destroy();
  agent.destroy();
} finally {
  await stopAll();
}
