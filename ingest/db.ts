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
