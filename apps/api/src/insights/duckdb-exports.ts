import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ExportDataset, ExportQueryName } from '@elevate/adapters';
import { EXPORT_COLUMNS, sqlOfExportQuery } from '@elevate/adapters';

const DUCKDB_TYPES = { string: 'VARCHAR', int: 'INTEGER', boolean: 'BOOLEAN' } as const;

const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const hasFiles = (folder: string): boolean =>
  existsSync(folder) &&
  readdirSync(folder, { withFileTypes: true }).some(
    (entry) =>
      entry.isDirectory() &&
      entry.name.startsWith('dt=') &&
      readdirSync(join(folder, entry.name)).some((file) => file.endsWith('.jsonl')),
  );

/** A view named like the Glue table: the dataset's files, `dt` as a string like Athena's. */
const viewSql = (root: string, dataset: ExportDataset): string => {
  const columns = Object.fromEntries(
    Object.entries(EXPORT_COLUMNS[dataset]).map(([name, type]) => [name, DUCKDB_TYPES[type]]),
  );
  const folder = join(root, dataset);
  if (!hasFiles(folder)) {
    const empty = Object.entries(columns)
      .map(([name, type]) => `CAST(NULL AS ${type}) AS ${name}`)
      .join(', ');
    return `CREATE VIEW ${dataset} AS SELECT ${empty}, CAST(NULL AS VARCHAR) AS dt WHERE false`;
  }
  const columnList = Object.entries(columns)
    .map(([name, type]) => `${name}: ${quoted(type)}`)
    .join(', ');
  return (
    `CREATE VIEW ${dataset} AS SELECT * REPLACE (CAST(dt AS VARCHAR) AS dt) FROM read_json(` +
    `${quoted(join(folder, 'dt=*', '*.jsonl'))}, format = 'newline_delimited', ` +
    `hive_partitioning = true, hive_types_autocast = false, columns = {${columnList}})`
  );
};

export type QueryRow = Record<string, string | number | boolean | null>;

/**
 * Runs named queries over the local exports with embedded DuckDB: views `events` and `sessions`
 * stand where Athena has the Glue tables, so the SQL is the same text. Nothing is downloaded
 * (extension autoloading off; JSON reading is built in).
 */
export async function queryExports(
  root: string,
  queries: readonly ExportQueryName[],
  from: string,
  to: string,
): Promise<Map<ExportQueryName, QueryRow[]>> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await instance.connect();
  try {
    for (const dataset of ['events', 'sessions'] as const)
      await connection.run(viewSql(root, dataset));
    const results = new Map<ExportQueryName, QueryRow[]>();
    for (const name of queries) {
      const reader = await connection.runAndReadAll(sqlOfExportQuery(name, from, to));
      results.set(name, reader.getRowObjectsJson() as QueryRow[]);
    }
    return results;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
