import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { snapshotPath } from './snapshot-layout.js';
import { quoteLiteral } from './sql-text.js';

/**
 * A snapshot is either whole (every table in its own file) or layered: a small file whose fact tables and rollups
 * are views of a whole snapshot, its base, plus the rows the snapshot itself changed (ingest/layers.ts). A layered
 * snapshot names its base in snapshot_info (key 'base'), and its views read it under the catalog name `base`.
 */
export const BASE_CATALOG = 'base';

/** The tables and views of a database (`catalog`, or the connection's own): a layered snapshot's facts are views. */
export async function relationNames(connection: DuckDBConnection, catalog?: string): Promise<Set<string>> {
  const where = catalog ? `database_name = ${quoteLiteral(catalog)}` : 'database_name = current_database()';
  const rows = (
    await connection.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE ${where} AND schema_name = 'main'
      UNION SELECT view_name FROM duckdb_views() WHERE ${where} AND schema_name = 'main' AND NOT internal`)
  ).getRows();
  return new Set(rows.map((r) => String(r[0])));
}

/** A snapshot's snapshot_info (schema_version, and base when it is layered); empty for a file without one. */
export async function snapshotInfo(connection: DuckDBConnection, catalog?: string): Promise<Map<string, string>> {
  if (!(await relationNames(connection, catalog)).has('snapshot_info')) return new Map();
  const rows = (await connection.runAndReadAll(`SELECT key, value FROM ${catalog ? `${catalog}.` : ''}snapshot_info`)).getRows();
  return new Map(rows.map(([key, value]) => [String(key), String(value)]));
}

/** A layered snapshot whose base is not in the data directory: it cannot be read. */
export class MissingBaseError extends Error {
  constructor(readonly base: string) {
    super(`the snapshot ${base}, which this one is layered over, is missing from the data directory`);
  }
}

/** Attaches a whole snapshot read-only under the name a layered one's views read. */
export async function attachAsBase(connection: DuckDBConnection, dataDir: string, base: string): Promise<void> {
  const path = snapshotPath(dataDir, base);
  if (!existsSync(path)) throw new MissingBaseError(base);
  await connection.run(`ATTACH ${quoteLiteral(path)} AS ${BASE_CATALOG} (READ_ONLY)`);
}

/** Attaches, read-only, the base a snapshot opened on this connection (or attached as `catalog`) reads; none for a whole one. */
export async function attachBase(connection: DuckDBConnection, dataDir: string, catalog?: string): Promise<string | null> {
  const base = (await snapshotInfo(connection, catalog)).get('base') ?? null;
  if (base) await attachAsBase(connection, dataDir, base);
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
