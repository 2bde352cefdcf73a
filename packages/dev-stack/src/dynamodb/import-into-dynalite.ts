// A bulk import into a dynalite data folder, as DynamoDB's import from S3 fills a new table. Items
// go straight into dynalite's LevelDB store, keyed by dynalite's own key functions. Each part of the
// store (the table's items, each index) is written in key order, so LevelDB files never overlap and
// sink into place without being rewritten.
//
// Through dynalite's HTTP API each item costs a validation, a read of the old item and eleven
// separate puts (the table and ten whole-item indexes), in random key order. A million requests
// took 1,033 s that way, and the LevelDB compactions it left behind slowed every read for minutes.
//
// For benchmarks only: the table must exist and be empty (checked), and no dynalite may be serving
// the folder meanwhile. Everything is held in memory until it is written in order (about 10 GB for
// a million requests). Items are checked for their keys as PutItem does, not for what dynalite's
// request validation also checks (number formats, sets, binary values, the 400 KB limit): Elevate's
// items have none of those.
import { createRequire } from 'node:module';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type DynamoItem = Record<string, AttributeValue>;

interface TableDescription {
  readonly GlobalSecondaryIndexes?: readonly { readonly IndexName: string }[];
  readonly LocalSecondaryIndexes?: readonly unknown[];
}

/** The part of dynalite's store functions (`dynalite/db`) an import uses. */
interface DynaliteDb {
  validateItem(
    item: DynamoItem,
    table: TableDescription,
  ): { body?: { message?: string } } | null | undefined;
  createKey(item: DynamoItem, table: TableDescription): string;
  getIndexActions(
    indexes: TableDescription['GlobalSecondaryIndexes'],
    existing: undefined,
    item: DynamoItem,
    table: TableDescription,
  ): { puts: { index: string; key: string; item: DynamoItem }[] };
}

/** classic-level, as dynalite opens it, but with values written as the JSON text they are. */
interface LevelDb {
  open(): Promise<void>;
  keys(range: { gt: string; lt: string; limit: number }): { all(): Promise<string[]> };
  get(key: string): Promise<string | undefined>;
  batch(operations: { type: 'put'; key: string; value: string }[]): Promise<void>;
  close(): Promise<void>;
}
type LevelClass = new (path: string, options: { valueEncoding: 'utf8' }) => LevelDb;

// dynalite's names for the parts of its store (db/index.js: getSubDb, getItemDb, getIndexDb).
const tablePrefix = 'table~';
const itemPrefix = (table: string) => `item-${table}~`;
const indexPrefix = (table: string, index: string) => `index-global~${table}~${index}~`;

const BATCH = 2_000;

export interface DynaliteImportSource {
  /** How many units there are (a unit: a request and the entries derived from it). */
  readonly count: number;
  /** The items of unit `i`, in DynamoDB JSON. */
  readonly itemsAt: (i: number) => readonly DynamoItem[];
  readonly onProgress?: (step: 'read' | 'written', done: number, of: number) => void;
}

/** Imports every item of `source` into `tableName` in `dataDir`; returns how many items. */
export async function importIntoDynalite(
  dataDir: string,
  tableName: string,
  source: DynaliteImportSource,
): Promise<number> {
  // dynalite is CommonJS with no exports map; its store module and its LevelDB binding are its own.
  const requireFromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const dynaliteDb = requireFromDynalite('./db') as DynaliteDb;
  const { Level } = requireFromDynalite('level') as { Level: LevelClass };
  const db = new Level(dataDir, { valueEncoding: 'utf8' });
  await db.open();
  try {
    const stored = await db.get(tablePrefix + tableName);
    if (stored === undefined)
      throw new Error(`importIntoDynalite: no table ${tableName} in ${dataDir}`);
    const table = JSON.parse(stored) as TableDescription;
    if ((table.LocalSecondaryIndexes ?? []).length > 0)
      throw new Error('importIntoDynalite: local secondary indexes are not supported');
    const indexes = table.GlobalSecondaryIndexes ?? [];
    const own = itemPrefix(tableName);
    // Nothing to replace: a put over an item would leave its old index entries behind.
    if ((await db.keys({ gt: own, lt: `${own}\xff`, limit: 1 }).all()).length > 0)
      throw new Error(`importIntoDynalite: table ${tableName} in ${dataDir} is not empty`);

    // Every entry of every part, with its value's JSON text (shared where an index holds it whole).
    const parts = new Map<string, { keys: string[]; values: string[] }>();
    const partOf = (prefix: string) => {
      let part = parts.get(prefix);
      if (part === undefined) parts.set(prefix, (part = { keys: [], values: [] }));
      return part;
    };
    let items = 0;
    for (let i = 0; i < source.count; i += 1) {
      for (const item of source.itemsAt(i)) {
        const invalid = dynaliteDb.validateItem(item, table);
        if (invalid !== null && invalid !== undefined)
          throw new Error(`importIntoDynalite: ${invalid.body?.message ?? 'invalid item'}`);
        const json = JSON.stringify(item);
        const rows = partOf(own);
        rows.keys.push(dynaliteDb.createKey(item, table));
        rows.values.push(json);
        for (const entry of dynaliteDb.getIndexActions(indexes, undefined, item, table).puts) {
          const part = partOf(indexPrefix(tableName, entry.index));
          part.keys.push(entry.key);
          part.values.push(entry.item === item ? json : JSON.stringify(entry.item));
        }
        items += 1;
      }
      if ((i + 1) % 50_000 === 0) source.onProgress?.('read', i + 1, source.count);
    }

    const total = [...parts.values()].reduce((sum, part) => sum + part.keys.length, 0);
    let written = 0;
    let reported = 0;
    // Parts in key order, each part's entries in key order: every write lands after the last.
    for (const prefix of [...parts.keys()].sort()) {
      const { keys, values } = parts.get(prefix) ?? { keys: [], values: [] };
      const order = Array.from(keys.keys()).sort((a, b) => compare(keys[a] ?? '', keys[b] ?? ''));
      for (let start = 0; start < order.length; start += BATCH) {
        await db.batch(
          order.slice(start, start + BATCH).map((at) => ({
            type: 'put' as const,
            key: prefix + (keys[at] ?? ''),
            value: values[at] ?? '',
          })),
        );
        written += Math.min(BATCH, order.length - start);
        if (written - reported >= 500_000) {
          reported = written;
          source.onProgress?.('written', written, total);
        }
      }
      parts.delete(prefix);
    }
    return items;
  } finally {
    await db.close();
  }
}

/** Byte order for dynalite's keys (hex digits, `/` and ASCII), which is LevelDB's order. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
