// `pnpm rebuild:read-models`: rebuilds what is derived from the requests — their index attributes
// and the decider read model — from the table itself (docs/data-model.md). Safe to run while the API
// serves; run it after an upgrade that adds an index, or if the stream consumer fell behind for good.
import { rebuildReadModels } from '@elevate/adapters';
import { openStore } from './composition/store';
import { loadStoreConfig } from './config';

const { dynamodb } = loadStoreConfig();
const store = openStore(dynamodb);
const started = Date.now();
let lastPrinted = 0;
const report = await rebuildReadModels({
  client: store.client,
  tableName: store.tableName,
  onProgress: (progress) => {
    if (Date.now() - lastPrinted < 2000) return;
    lastPrinted = Date.now();
    console.log(`… ${progress.requests} requests read`);
  },
});
console.log(
  `Rebuilt ${dynamodb.tableName} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    `${report.requests} requests, ${report.indexAttributesRewritten} with index attributes rewritten, ` +
    `${report.deciderEntries} decider entries written.`,
);
store.close();
