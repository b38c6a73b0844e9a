import type { DuckDBConnection } from '@duckdb/node-api';
import { BASE_CATALOG, relationNames } from '../core/snapshot-open.js';
import { datasets, factDatasets, type DatasetSpec } from '../core/datasets/index.js';
import { quoteIdent, quoteLiteral } from '../core/sql-text.js';
import { constantList, queryRows, scalar } from './db.js';
import { tableDdl } from './ddl.js';
import { periodColumn } from './changes.js';

// A layered database reads a whole snapshot, attached read-only as `base`, through views, and holds only what
// it changes itself:
// - a fact table is a view of the base's rows whose key is not in <table>__delta, plus the rows of <table>__delta
//   (upsert.ts writes through it); with nothing of its own, a view of the base's table;
// - a rollup is a view of the base's rollup, or, once some partitions are summed again (rollups.ts), of the base's
//   rows outside the partitions listed in <rollup>__parts plus the rows of <rollup>__delta; a rollup summed again
//   whole is a table of its own;
// - every other table (reference tables, ingest_log, …) is its own copy: they are small.
// A published layered snapshot (ingest.ts) is such a file; so is a dry run's scratch database.

const BASE = BASE_CATALOG;
export const deltaTable = (table: string): string => `${table}__delta`;
export const partsTable = (table: string): string => `${table}__parts`;
const layerTables = (name: string): boolean => name.endsWith('__delta') || name.endsWith('__parts');

async function exists(connection: DuckDBConnection, catalog: string, kind: 'tables' | 'views', name: string): Promise<boolean> {
  const sql = `SELECT count(*) FROM duckdb_${kind}() WHERE database_name = ${catalog === 'current' ? 'current_database()' : quoteLiteral(catalog)}
    AND schema_name = 'main' AND ${kind === 'views' ? 'view_name' : 'table_name'} = ${quoteLiteral(name)}`;
  return (await scalar(connection, sql)) > 0;
}

/** Whether the dataset's table is a view written through its delta table (upsert.ts). */
export const writesThroughDelta = (connection: DuckDBConnection, table: string): Promise<boolean> =>
  exists(connection, 'current', 'tables', deltaTable(table));

/** Whether a table of this database is a view of the base (a layered fact table or rollup). */
export const isLayered = (connection: DuckDBConnection, table: string): Promise<boolean> => exists(connection, 'current', 'views', table);

const keyMatch = (spec: DatasetSpec): string =>
  spec.columns
    .filter((c) => c.key)
    .map((c) => `b.${quoteIdent(c.name)} = d.${quoteIdent(c.name)}`)
    .join(' AND ');

/** Points a fact table's view at the base's rows not replaced by its delta, plus the delta. */
async function viewOverDelta(connection: DuckDBConnection, spec: DatasetSpec): Promise<void> {
  const table = quoteIdent(spec.table);
  const columns = spec.columns.map((c) => quoteIdent(c.name));
  await connection.run(`CREATE OR REPLACE VIEW ${table} AS
    SELECT ${columns.map((c) => `b.${c}`).join(', ')} FROM ${BASE}.main.${table} b ANTI JOIN ${quoteIdent(deltaTable(spec.table))} d ON ${keyMatch(spec)}
    UNION ALL SELECT ${columns.join(', ')} FROM ${quoteIdent(deltaTable(spec.table))}`);
}

const passThrough = (table: string): string =>
  `CREATE OR REPLACE VIEW ${quoteIdent(table)} AS SELECT * FROM ${BASE}.main.${quoteIdent(table)}`;

/**
 * Lays a new database (whose declared tables createSchema has just made, empty) over the whole snapshot attached
 * as its base (core/snapshot-open.ts, attachAsBase): small tables copied, fact tables and rollups made views of the base. Throws when the base's tables
 * are not those of this version.
 */
export async function layerOver(connection: DuckDBConnection, rollupTables: readonly string[]): Promise<void> {
  const baseTables = await queryRows<{ name: string }>(
    connection,
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = '${BASE}' AND schema_name = 'main'`,
  );
  const rollups = new Set(rollupTables);
  const facts = new Map(factDatasets.map((d) => [d.table, d]));
  for (const { name } of baseTables) {
    const table = quoteIdent(name);
    const fact = facts.get(name);
    if (fact) {
      await connection.run(`DROP TABLE ${table}`);
      await connection.run(tableDdl(fact, deltaTable(name)));
      await viewOverDelta(connection, fact);
    } else if (rollups.has(name)) {
      await connection.run(passThrough(name));
    } else {
      await copyTable(connection, BASE, name);
    }
  }
  for (const spec of factDatasets)
    if (!(await exists(connection, 'current', 'views', spec.table))) throw new Error(`the base has no ${spec.table} table`);
}

/** Reopens a copy of a layered snapshot for writing (its base attached): every fact table a view over its delta. */
export async function reopenLayers(connection: DuckDBConnection): Promise<void> {
  for (const spec of factDatasets) await viewOverDelta(connection, spec);
}

/**
 * Points a layered table's view at the base's rows not hidden by `hidden` (joined `on`), plus its delta. The
 * values `hidden` has in `columns` (its period, and its province or region) are baked in as constants: the base's
 * rows outside them are read as they are, with no join, so a layered table reads about as fast as the base's. A
 * row with NULL in one of those columns is outside them (a join on NULL hides nothing either).
 */
async function bakedView(connection: DuckDBConnection, table: string, hidden: string, on: string, columns: string[]): Promise<void> {
  const within: string[] = [];
  for (const column of columns) {
    const values = await constantList(connection, quoteIdent(column), hidden);
    if (values) within.push(`b.${quoteIdent(column)} IN (${values})`);
  }
  const base = `${BASE}.main.${quoteIdent(table)}`;
  const where = within.join(' AND ');
  await connection.run(`CREATE OR REPLACE VIEW ${quoteIdent(table)} AS
    ${where ? `SELECT b.* FROM ${base} b WHERE NOT coalesce(${where}, false) UNION ALL` : ''}
    SELECT b.* FROM ${base} b ANTI JOIN ${hidden} d ON ${on} ${where ? `WHERE ${where}` : ''}
    UNION ALL SELECT * FROM ${quoteIdent(deltaTable(table))}`);
}

/**
 * Settles a loaded layered snapshot's fact tables: one with no rows of its own becomes a plain view of the base's,
 * the others views with their periods baked in (during the load they are views by key alone, as rows come in).
 */
export async function settleLayers(connection: DuckDBConnection): Promise<void> {
  for (const spec of factDatasets) {
    const delta = quoteIdent(deltaTable(spec.table));
    const period = periodColumn(spec);
    if ((await scalar(connection, `SELECT count(*) FROM ${delta}`)) === 0) await connection.run(passThrough(spec.table));
    else if (period) await bakedView(connection, spec.table, delta, keyMatch(spec), [period.name, 'region_code']);
  }
}

/**
 * Rows of a dataset's table. Through a delta, counted from the base table's row count (no scan) and the delta's
 * rows, rather than by scanning the view: the base rows the delta replaces are found by a join whose hash table
 * is the delta's (small), probed by the base's rows of the delta's periods only.
 */
export async function countRows(connection: DuckDBConnection, spec: DatasetSpec): Promise<number> {
  const table = quoteIdent(spec.table);
  if (!(await writesThroughDelta(connection, spec.table))) return scalar(connection, `SELECT count(*) FROM ${table}`);
  const delta = quoteIdent(deltaTable(spec.table));
  const period = periodColumn(spec);
  const periods = period ? await constantList(connection, quoteIdent(period.name), delta) : null;
  return scalar(
    connection,
    `SELECT (SELECT count(*) FROM ${BASE}.main.${table}) + (SELECT count(*) FROM ${delta})
          - (SELECT count(*) FROM ${BASE}.main.${table} b SEMI JOIN ${delta} d ON ${keyMatch(spec)}
             ${periods ? `WHERE b.${quoteIdent(period!.name)} IN (${periods})` : ''})`,
  );
}

/** How a rollup is partitioned when some partitions are summed again: its period column, and province or not. */
export interface PartitionScheme {
  /** Temporary table of the partitions summed again: (period[, province_code]). */
  partitions: string;
  period: string;
  byProvince: boolean;
}

/**
 * Replaces the rows of a rollup in some partitions by `rows` (a query). In a layered database a rollup that is
 * a view of the base gets the partitions listed in its __parts table and the rows in its __delta table; a table
 * of its own has the rows deleted and inserted.
 */
export async function replacePartitions(connection: DuckDBConnection, table: string, scheme: PartitionScheme, rows: string): Promise<void> {
  const { partitions, period, byProvince } = scheme;
  const match = (alias: string, p: string) =>
    [`${alias}.${period} = ${p}.period`, ...(byProvince ? [`${alias}.province_code = ${p}.province_code`] : [])].join(' AND ');
  // The partitions also as constants, which prune the row groups between them (see constantList).
  const periods = await constantList(connection, 'period', partitions);
  const provinces = byProvince ? await constantList(connection, 'province_code', partitions) : null;
  const inPartitions = (alias: string, p: string) =>
    [
      match(alias, p),
      ...(periods ? [`${alias}.${period} IN (${periods})`] : []),
      ...(provinces ? [`${alias}.province_code IN (${provinces})`] : []),
    ].join(' AND ');
  if (await isLayered(connection, table)) {
    const parts = partsTable(table);
    const delta = deltaTable(table);
    // The parts table names its columns as the rollup does: (<period column>[, province_code]).
    const fromPartitions = `period AS ${period}${byProvince ? ', province_code' : ''}`;
    if (!(await exists(connection, 'current', 'tables', parts))) {
      await connection.run(`CREATE TABLE ${parts} AS SELECT ${fromPartitions} FROM ${partitions} LIMIT 0`);
      await connection.run(`CREATE TABLE ${delta} AS SELECT * FROM ${BASE}.main.${table} LIMIT 0`);
    } else if (!(await sameColumns(connection, parts, `SELECT ${fromPartitions} FROM ${partitions}`))) {
      await ownCopy(connection, table);
      return replacePartitions(connection, table, scheme, rows);
    }
    await connection.run(`INSERT INTO ${parts} SELECT ${fromPartitions} FROM ${partitions} EXCEPT SELECT * FROM ${parts}`);
    await connection.run(`DELETE FROM ${delta} r USING ${partitions} p WHERE ${inPartitions('r', 'p')}`);
    await connection.run(`INSERT INTO ${delta} SELECT * FROM (${rows})`);
    const on = [`b.${period} = d.${period}`, ...(byProvince ? ['b.province_code = d.province_code'] : [])].join(' AND ');
    await bakedView(connection, table, parts, on, byProvince ? [period, 'province_code'] : [period]);
    return;
  }
  await connection.run(`DELETE FROM ${table} r USING ${partitions} p WHERE ${inPartitions('r', 'p')}`);
  await connection.run(`INSERT INTO ${table} SELECT * FROM (${rows})`);
}

/** Whether a parts table has the columns, by name and type, of the partitions about to be added to it. */
async function sameColumns(connection: DuckDBConnection, parts: string, adding: string): Promise<boolean> {
  const columns = async (query: string) =>
    JSON.stringify(
      (await queryRows<{ column_name: string; column_type: string }>(connection, `DESCRIBE ${query}`)).map((c) => [
        c.column_name,
        c.column_type,
      ]),
    );
  try {
    return (await columns(`SELECT * FROM ${parts}`)) === (await columns(adding));
  } catch {
    return false; // the partitions lack a column
  }
}

/** Makes a layered rollup a table of its own with the rows it reads now, before it is summed again whole. */
export async function ownCopy(connection: DuckDBConnection, table: string): Promise<void> {
  if (!(await isLayered(connection, table))) return;
  await connection.run(`CREATE TABLE ${table}__own AS SELECT * FROM ${table}`);
  await dropLayers(connection, table);
  await connection.run(`ALTER TABLE ${table}__own RENAME TO ${table}`);
}

/** Drops a layered table's view and its __parts and __delta tables (before it is created whole as a table). */
export async function dropLayers(connection: DuckDBConnection, table: string): Promise<void> {
  if (!(await isLayered(connection, table))) return;
  await connection.run(`DROP VIEW ${table}`);
  await connection.run(`DROP TABLE IF EXISTS ${partsTable(table)}`);
  await connection.run(`DROP TABLE IF EXISTS ${deltaTable(table)}`);
}

/**
 * Writes a layered snapshot (attached read-only as `live`, its base as `base`) whole into this database, whose
 * declared tables createSchema has made: every table as the snapshot reads it, with none of the layers.
 */
export async function materialise(connection: DuckDBConnection, catalog: string): Promise<void> {
  for (const name of await relationNames(connection, catalog)) if (!layerTables(name)) await copyTable(connection, catalog, name);
}

const declared = new Map(datasets.map((d) => [d.table, d]));

/**
 * Copies a table (or what a view reads) of an attached database into this one: into the table createSchema made
 * for a declared dataset or the ingest log (keeping its keys and constraints), as a new table otherwise.
 */
async function copyTable(connection: DuckDBConnection, catalog: string, name: string): Promise<void> {
  const table = quoteIdent(name);
  if (!declared.has(name) && name !== 'ingest_log') {
    await connection.run(`CREATE TABLE ${table} AS SELECT * FROM ${catalog}.main.${table}`);
    return;
  }
  const columns = declared
    .get(name)
    ?.columns.map((c) => quoteIdent(c.name))
    .join(', ');
  await connection.run(`INSERT INTO ${table} ${columns ? `(${columns})` : ''} SELECT ${columns ?? '*'} FROM ${catalog}.main.${table}`);
}
