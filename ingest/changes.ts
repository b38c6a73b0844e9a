import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec, DatasetSpec } from '../core/datasets/index.js';
import { quoteIdent, quoteLiteral } from '../core/sql-text.js';
import { queryRows } from './db.js';

// What an ingest changed, noted in temporary tables of its connection as rows are loaded, so that the rollups
// rebuild only what depends on it (rollups.ts). A fact table's change is noted by (period, region) of the rows
// loaded: a replaced row has the same key, so the same period and region, as the row that replaces it.

const CHANGED_TABLES = 'changed_tables';

/** The key column a fact's rollups are partitioned by (month, quarter or year), when it has one and a region. */
export function periodColumn(spec: DatasetSpec): ColumnSpec | null {
  if (spec.kind !== 'fact' || !spec.columns.some((c) => c.name === 'region_code')) return null;
  return spec.columns.find((c) => c.key && (c.type === 'month' || c.type === 'quarter' || c.type === 'year')) ?? null;
}

/** The temporary table of (period, region_code) pairs loaded into a fact table. */
export const touchedTable = (table: string): string => `touched_${table}`;

/** Notes that a table changed as a whole (a reference table, or a fact table loaded while empty). */
export async function noteTableChanged(connection: DuckDBConnection, table: string): Promise<void> {
  await connection.run(`CREATE TEMP TABLE IF NOT EXISTS ${CHANGED_TABLES} (name VARCHAR)`);
  await connection.run(`INSERT INTO ${CHANGED_TABLES} VALUES (${quoteLiteral(table)})`);
}

/** Notes the rows of `rowsTable` (in the dataset's columns) as loaded into the dataset's table. */
export async function noteRowsChanged(connection: DuckDBConnection, spec: DatasetSpec, rowsTable: string): Promise<void> {
  const period = periodColumn(spec);
  if (!period) return noteTableChanged(connection, spec.table);
  const touched = touchedTable(spec.table);
  await connection.run(
    `CREATE TEMP TABLE IF NOT EXISTS ${touched} AS SELECT ${quoteIdent(period.name)} AS period, region_code FROM ${rowsTable} LIMIT 0`,
  );
  await connection.run(`INSERT INTO ${touched} SELECT DISTINCT ${quoteIdent(period.name)}, region_code FROM ${rowsTable}`);
}

export interface Changes {
  /** Tables changed as a whole. */
  tables: Set<string>;
  /** Fact tables changed in some (period, region) pairs only, with their touched table. */
  partitioned: Map<string, { touched: string; period: string }>;
}

/** What the loads on this connection changed. */
export async function readChanges(connection: DuckDBConnection, facts: readonly DatasetSpec[]): Promise<Changes> {
  const temp = await queryRows<{ name: string }>(connection, 'SELECT table_name AS name FROM duckdb_tables() WHERE temporary');
  const present = new Set(temp.map((t) => t.name));
  const tables = new Set<string>();
  if (present.has(CHANGED_TABLES)) {
    for (const { name } of await queryRows<{ name: string }>(connection, `SELECT DISTINCT name FROM ${CHANGED_TABLES}`)) tables.add(name);
  }
  const partitioned = new Map<string, { touched: string; period: string }>();
  for (const spec of facts) {
    const period = periodColumn(spec);
    if (period && present.has(touchedTable(spec.table)) && !tables.has(spec.table)) {
      partitioned.set(spec.table, { touched: touchedTable(spec.table), period: period.name });
    }
  }
  return { tables, partitioned };
}
