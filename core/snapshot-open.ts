import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { snapshotPath } from './snapshot-layout.js';
import { quoteLiteral } from './sql-text.js';

/**
 * A snapshot is either whole (every table in its own file) or layered: a small file whose fact tables and rollups
 * are views of a whole snapshot, its base, plus the rows the snapshot itself changed (ingest/layers.ts). A layered
 * snapshot names its base in snapshot_info (key 'base'), and its views read it under the catalog name `base`.
 */
export const BASE_CATALOG = 'base';

/** The base a snapshot's views read, or null for a whole snapshot (or a file without snapshot_info). */
export async function baseOf(connection: DuckDBConnection, catalog?: string): Promise<string | null> {
  const prefix = catalog ? `${catalog}.` : '';
  const where = catalog ? `database_name = ${quoteLiteral(catalog)}` : 'database_name = current_database()';
  const present = await connection.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE ${where} AND table_name = 'snapshot_info'`);
  if (Number(present.getRows()[0][0]) === 0) return null;
  const rows = (await connection.runAndReadAll(`SELECT value FROM ${prefix}snapshot_info WHERE key = 'base'`)).getRows();
  return rows.length ? String(rows[0][0]) : null;
}

/** Attaches, read-only, the base a snapshot opened on this connection (or attached as `catalog`) reads; none for a whole one. */
export async function attachBase(connection: DuckDBConnection, dataDir: string, catalog?: string): Promise<string | null> {
  const base = await baseOf(connection, catalog);
  if (base) await connection.run(`ATTACH ${quoteLiteral(snapshotPath(dataDir, base))} AS ${BASE_CATALOG} (READ_ONLY)`);
  return base;
}

/**
 * Opens a published snapshot read-only, its base attached: every table reads as in a whole snapshot. `check`, if
 * given, runs first on it (the instance is closed if it throws).
 */
export async function openSnapshot(
  dataDir: string,
  id: string,
  settings: Record<string, string> = {},
  check?: (connection: DuckDBConnection) => Promise<void>,
): Promise<DuckDBInstance> {
  const instance = await DuckDBInstance.create(snapshotPath(dataDir, id), { access_mode: 'READ_ONLY', ...settings });
  try {
    const connection = await instance.connect();
    try {
      await attachBase(connection, dataDir);
      await check?.(connection);
    } finally {
      connection.closeSync();
    }
    return instance;
  } catch (error) {
    instance.closeSync();
    throw error;
  }
}
