import type { DuckDBConnection } from '@duckdb/node-api';
import { datasets, type DatasetSpec } from '../core/datasets/index.js';
import { quoteIdent, quoteLiteral } from '../core/sql-text.js';
import { scalar } from './db.js';
import { tableDdl } from './ddl.js';

// A dry run loads into a scratch database that sees the live snapshot without copying it: the reference tables
// (small) are copied, and each fact table is a view of the live table's rows not replaced by the run's own rows
// (kept in <table>__delta) plus those rows. Loads then validate against, and count added and replaced rows
// against, exactly what a real ingest would.

const LIVE = 'live';

export const deltaTable = (table: string): string => `${table}__delta`;

/** Whether the dataset's table is such a view, written through its delta table (upsert.ts). */
export async function writesThroughDelta(connection: DuckDBConnection, table: string): Promise<boolean> {
  return (
    (await scalar(
      connection,
      `SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = ${quoteLiteral(deltaTable(table))}`,
    )) > 0
  );
}

/**
 * Rows of a dataset's table. Through a delta, counted from the live table's row count (no scan) and the delta's
 * rows, rather than by scanning the view: the live rows the delta replaces are found by a join that prunes.
 */
export async function countRows(connection: DuckDBConnection, spec: DatasetSpec): Promise<number> {
  const table = quoteIdent(spec.table);
  if (!(await writesThroughDelta(connection, spec.table))) return scalar(connection, `SELECT count(*) FROM ${table}`);
  const delta = quoteIdent(deltaTable(spec.table));
  const keys = spec.columns.filter((c) => c.key).map((c) => `b.${quoteIdent(c.name)} = d.${quoteIdent(c.name)}`);
  return scalar(
    connection,
    `SELECT (SELECT count(*) FROM ${LIVE}.${table}) + (SELECT count(*) FROM ${delta})
          - (SELECT count(*) FROM ${delta} d SEMI JOIN ${LIVE}.${table} b ON ${keys.join(' AND ')})`,
  );
}

/**
 * Lays the live snapshot (`livePath`) under a scratch database whose tables createSchema has just made (empty).
 * Throws when the live snapshot's tables are not those of this version (the caller then copies it instead).
 */
export async function overlayLive(connection: DuckDBConnection, livePath: string): Promise<void> {
  await connection.run(`ATTACH ${quoteLiteral(livePath)} AS ${LIVE} (READ_ONLY)`);
  for (const spec of datasets) {
    const table = quoteIdent(spec.table);
    const columns = spec.columns.map((c) => quoteIdent(c.name)).join(', ');
    if (spec.kind === 'reference') {
      await connection.run(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${LIVE}.${table}`);
      continue;
    }
    const delta = quoteIdent(deltaTable(spec.table));
    const keys = spec.columns.filter((c) => c.key).map((c) => `b.${quoteIdent(c.name)} = d.${quoteIdent(c.name)}`);
    await connection.run(`DROP TABLE ${table}`);
    await connection.run(tableDdl(spec, deltaTable(spec.table)));
    await connection.run(`CREATE VIEW ${table} AS
      SELECT ${spec.columns.map((c) => `b.${quoteIdent(c.name)}`).join(', ')} FROM ${LIVE}.${table} b ANTI JOIN ${delta} d ON ${keys.join(' AND ')}
      UNION ALL SELECT ${columns} FROM ${delta}`);
  }
}
