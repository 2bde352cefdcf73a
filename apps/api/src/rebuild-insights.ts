// `pnpm rebuild:insights`: rebuilds Insights' daily aggregates and the JSON Lines exports from the
// table (docs/insights.md). Idempotent and safe while the API serves; run it after an upgrade or if
// the stream consumer fell behind for good.
import { resolve } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import {
  awsClientConfig,
  DynamoDbInsightsReadModel,
  FileExportSink,
  JsonLinesExport,
  rebuildProjections,
  S3ExportSink,
  traced,
} from '@elevate/adapters';
import { openStore } from './composition/store';
import { loadExportsConfig, loadStoreConfig } from './config';

const { dynamodb } = loadStoreConfig();
const { exportsDir, exportsBucket } = loadExportsConfig(resolve(import.meta.dirname, '../../..'));
const store = openStore(dynamodb);
const started = Date.now();
const report = await rebuildProjections({
  client: store.client,
  tableName: store.tableName,
  projections: [
    new DynamoDbInsightsReadModel(store),
    new JsonLinesExport(
      exportsBucket === undefined
        ? new FileExportSink(exportsDir)
        : new S3ExportSink({
            client: traced(new S3Client(awsClientConfig('s3'))),
            bucket: exportsBucket,
          }),
    ),
  ],
});
console.log(
  `Rebuilt Insights of ${dynamodb.tableName} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    `${report.requests} requests, ${report.sessions} sessions; exports in ${exportsBucket ?? exportsDir}.`,
);
store.close();
