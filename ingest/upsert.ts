import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSpec } from '../core/datasets/index.js';
import { quoteIdent } from '../core/sql-text.js';
import type { ColumnSource } from './validate.js';
import { constantList, scalar } from './db.js';
import { noteRowsChanged, periodColumn } from './changes.js';
import { countRows, deltaTable, writesThroughDelta } from './layers.js';

export interface UpsertCounts {
  accepted: number;
  added: number;
  replaced: number;
  /** Rows of the table the file did not touch. */
  left: number;
}

/**
 * Loads the staged rows that passed validation into the dataset's table. A row whose key already exists
 * replaces the stored row (a corrected file replaces what it covers); all other stored rows are left.
 */
export async function upsertRows(
  connection: DuckDBConnection,
  spec: DatasetSpec,
  sources: ColumnSource[],
  stageTable: string,
  rejectedLinesTable: string,
): Promise<UpsertCounts> {
  const table = quoteIdent(spec.table);
  const select = sources.map((s) => `${s.typed} AS ${quoteIdent(s.column.name)}`).join(', ');
  await connection.run(`CREATE OR REPLACE TEMP TABLE incoming AS
    SELECT ${select} FROM ${stageTable} WHERE __line NOT IN (SELECT line FROM ${rejectedLinesTable})`);
  const period = periodColumn(spec);
  const periods = period ? await constantList(connection, quoteIdent(period.name), 'incoming') : null;
  const keyMatch = [
    ...sources.filter((s) => s.column.key).map((s) => `t.${quoteIdent(s.column.name)} = i.${quoteIdent(s.column.name)}`),
    // Rows of a few periods years apart: only their row groups are read.
    ...(periods ? [`t.${quoteIdent(period!.name)} IN (${periods})`] : []),
  ].join(' AND ');
  const before = await countRows(connection, spec);
  const accepted = await scalar(connection, 'SELECT count(*) FROM incoming');
  const replaced =
    before === 0
      ? 0
      : // A semi join, not a correlated EXISTS: its key range prunes the table's row groups (10 ms, not 200, at 10 M rows).
        await scalar(connection, `SELECT count(*) FROM ${table} t SEMI JOIN incoming i ON ${keyMatch}`);
  // A layered fact table is a view of the base's rows and its own (layers.ts): those are written.
  const target = (await writesThroughDelta(connection, spec.table)) ? quoteIdent(deltaTable(spec.table)) : table;
  if (replaced > 0) await connection.run(`DELETE FROM ${target} t USING incoming i WHERE ${keyMatch}`);
  const names = sources.map((s) => quoteIdent(s.column.name)).join(', ');
  await connection.run(`INSERT INTO ${target} (${names}) SELECT ${names} FROM incoming`);
  await noteRowsChanged(connection, spec, 'incoming');
  await connection.run('DROP TABLE incoming');
  return { accepted, added: accepted - replaced, replaced, left: before - replaced };
}
