import type { DuckDBConnection } from '@duckdb/node-api';
import type { QueryDefinition } from '../../queries/lib/define.js';
import { runQuery } from '../../queries/lib/run.js';

/**
 * Parses raw query-string parameters with the query's own schema, runs it, and returns rows with
 * integer columns as numbers and dates as 'YYYY-MM-DD'.
 */
export async function runByParams(
  connection: DuckDBConnection,
  definition: QueryDefinition,
  raw: Record<string, string> = {},
): Promise<Record<string, unknown>[]> {
  const values = definition.schema.parse(raw);
  const result = await runQuery(connection, definition, values);
  const rows = (await result.getRowObjectsJson()) as Record<string, unknown>[];
  const integers = new Set(definition.columns.filter((c) => c.type === 'integer').map((c) => c.name));
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, integers.has(k) && typeof v === 'string' ? Number(v) : v])),
  );
}
