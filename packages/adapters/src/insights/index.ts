export { DynamoDbInsightsReadModel } from './dynamodb-insights-read-model';
export { daysBetween } from './insight-fact-item';
export { RequestProjections } from './request-projections';
export type { RequestProjection } from './request-projections';
export { rebuildProjections } from './rebuild-projections';
export {
  EXPORT_DATASETS,
  FileExportSink,
  JsonLinesExport,
  eventRowsOf,
  exportFilesOf,
  exportKeyOf,
  sessionRowOf,
} from './json-lines-export';
export type { ExportDataset, ExportSink } from './json-lines-export';
export { S3ExportSink } from './s3-export-sink';
export {
  EXPORT_COLUMNS,
  EXPORT_PARTITION_COLUMN,
  EXPORT_QUERIES,
  isExportQueryName,
  sqlOfExportQuery,
} from './export-queries';
export type { ExportQueryName } from './export-queries';
