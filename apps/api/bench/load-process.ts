// The bench's loader, in a process of its own (it holds a million requests' items in memory while
// it sorts them): requests of the mix in the repository's own item shape (`requestItemOf`)
// plus the decider read model's entries — what `pnpm rebuild:read-models` would derive — imported
// straight into dynalite's store in key order (`importIntoDynalite`). Not the API's write path:
// loading a year of history through one conditional write per transition would take hours.
//   node --import tsx bench/load-process.ts <dynalite folder> <table> <requests> <now ms>
import { marshall } from '@aws-sdk/util-dynamodb';
import { deciderEntriesOf, requestItemOf } from '@elevate/adapters';
import { importIntoDynalite } from '@elevate/dev-stack';
import { benchRequest } from './request-mix';

const [folder = '', tableName = '', requests = '0', nowMs = '0'] = process.argv.slice(2);
const total = Number(requests);
const now = Number(nowMs);
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);

const items = await importIntoDynalite(folder, tableName, {
  count: total,
  itemsAt: (i) => {
    const request = benchRequest(i, total, now);
    return [requestItemOf(request), ...deciderEntriesOf(request)].map((item) =>
      marshall(item, { removeUndefinedValues: true }),
    );
  },
  onProgress: (step, done, of) =>
    console.log(
      `  ${step === 'read' ? 'made' : 'wrote'} ${done.toLocaleString('en')} of ${of.toLocaleString('en')} ${step === 'read' ? 'requests' : 'entries'} in ${seconds()} s`,
    ),
});
console.log(`loaded ${items} items`);
