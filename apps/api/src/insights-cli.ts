// `pnpm insights --from YYYY-MM-DD --to YYYY-MM-DD [--query name] [--json]`: the named queries of
// docs/insights.md over the local JSON Lines exports (.data/exports), with embedded DuckDB — the
// same SQL Athena runs on the exports in S3.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_QUERIES, isExportQueryName } from '@elevate/adapters';
import type { ExportQueryName } from '@elevate/adapters';
import { loadExportsConfig } from './config';
import { queryExports } from './insights/duckdb-exports';

const usage = `usage: pnpm insights --from YYYY-MM-DD --to YYYY-MM-DD [--query name] [--json]
queries:
${Object.entries(EXPORT_QUERIES)
  .map(([name, query]) => `  ${name.padEnd(26)} ${query.description}`)
  .join('\n')}`;

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    query: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help || values.from === undefined || values.to === undefined) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
if (values.query !== undefined && !isExportQueryName(values.query)) {
  console.error(`Unknown query ${JSON.stringify(values.query)}.\n${usage}`);
  process.exit(2);
}
const names: ExportQueryName[] =
  values.query === undefined
    ? (Object.keys(EXPORT_QUERIES) as ExportQueryName[])
    : [values.query as ExportQueryName];
const { exportsDir } = loadExportsConfig(resolve(import.meta.dirname, '../../..'));
try {
  const results = await queryExports(exportsDir, names, values.from, values.to);
  if (values.json) console.log(JSON.stringify(Object.fromEntries(results), null, 2));
  else
    for (const [name, rows] of results) {
      console.log(`\n${name}: ${EXPORT_QUERIES[name].description} (${rows.length} rows)`);
      if (rows.length > 0) console.table(rows);
    }
} catch (error) {
  console.error(error instanceof Error ? error.message : 'query failed');
  process.exit(1);
}
