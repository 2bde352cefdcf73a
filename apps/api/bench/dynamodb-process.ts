// dynalite in a process of its own for the bench, so the store's CPU is neither the API's nor the
// load generator's. Prints "ready <endpoint>" once it listens.
import { startDynamoDb } from '@elevate/dev-stack';

const [port = '0', dataDir] = process.argv.slice(2);
const dynamo = await startDynamoDb({
  host: '127.0.0.1',
  port: Number(port),
  ...(dataDir === undefined ? {} : { dataDir }),
});
console.log(`ready ${dynamo.endpoint}`);
const stop = () => void dynamo.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
