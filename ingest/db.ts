import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/** Opens a database file for writing (ingest only; serving opens snapshots read-only). */
export async function openWritable(
  path: string,
  settings: Record<string, string> = {},
): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(path, settings);
  const connection = await instance.connect();
  return { instance, connection };
}

/** Rows as JSON-safe objects (BIGINT → string, DATE → 'YYYY-MM-DD'). */
export async function queryRows<T extends Row = Row>(
  connection: DuckDBConnection,
  sql: string,
  params?: Record<string, DuckDBValue>,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as T[];
}

/** The first column of the first row, as a number (for counts). */
export async function scalar(connection: DuckDBConnection, sql: string, params?: Record<string, DuckDBValue>): Promise<number> {
  const reader = await connection.runAndReadAll(sql, params);
  const value = reader.getRows()[0]?.[0];
  return value === null || value === undefined ? 0 : Number(value);
}

/**
 * The distinct values of a column of a table as a list of typed SQL constants (`'2024-02-01'::DATE, …`), or
 * null when there are none or more than `limit` (callers then filter by their join alone). A filter `x IN (<constants>)` prunes row groups by their min/max per value, where
 * a join's pushed-down filter is the one range from the least to the greatest.
 */
export async function constantList(connection: DuckDBConnection, column: string, table: string, limit = 1000): Promise<string | null> {
  const rows = await queryRows<{ v: string; t: string }>(
    connection,
    `SELECT DISTINCT ${column}::VARCHAR AS v, typeof(${column}) AS t FROM ${table} WHERE ${column} IS NOT NULL LIMIT ${limit + 1}`,
  );
  if (rows.length > limit || rows.length === 0) return null;
  return rows.map((r) => `'${r.v.replaceAll("'", "''")}'::${r.t}`).join(', ');
}

export function closeQuietly(instance: DuckDBInstance, connection?: DuckDBConnection): void {
  try {
    connection?.closeSync();
  } catch {
    /* already closed */
  }
  try {
    instance.closeSync();
  } catch {
    /* already closed */
  }
}
