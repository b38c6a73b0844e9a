import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { schemaVersion } from '../core/schema-version.js';

const rollupsSql = readFileSync(new URL('./rollups.sql', import.meta.url), 'utf8');

/** Rebuilds the pre-aggregated tables the dashboard reads (rollups.sql), inside the snapshot being built. */
export async function rebuildRollups(connection: DuckDBConnection): Promise<void> {
  await connection.run(rollupsSql);
  // The schema the snapshot was built with, read by the start-up step (tools/bootstrap-data.ts).
  await connection.run(`CREATE OR REPLACE TABLE snapshot_info AS SELECT 'schema_version' AS key, '${schemaVersion}' AS value`);
}
