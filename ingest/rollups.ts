import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';

const rollupsSql = readFileSync(new URL('./rollups.sql', import.meta.url), 'utf8');

/** Rebuilds the pre-aggregated tables the dashboard reads (rollups.sql), inside the snapshot being built. */
export async function rebuildRollups(connection: DuckDBConnection): Promise<void> {
  await connection.run(rollupsSql);
}
