import type { DuckDBConnection } from '@duckdb/node-api';
import { datasets } from '../core/datasets/index.js';
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
