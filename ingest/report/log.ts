import type { DuckDBConnection } from '@duckdb/node-api';
import type { FileUnderstanding } from './understanding.js';

/**
 * The ingest log's record of how each file was understood (title, unit and note lines, columns, units,
 * periods, totals checked and the names mapped to codes), as JSON beside its ingest_log row.
 */
const ddl = `CREATE TABLE IF NOT EXISTS ingest_layout (
  snapshot_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  layout VARCHAR NOT NULL,
  understanding JSON NOT NULL
)`;

export async function logUnderstanding(
  connection: DuckDBConnection,
  entry: { snapshotId: string; file: string; sha256: string; understanding: FileUnderstanding },
): Promise<void> {
  await connection.run(ddl);
  await connection.run('INSERT INTO ingest_layout VALUES ($snapshot, $file, $sha, $layout, $json::JSON)', {
    snapshot: entry.snapshotId,
    file: entry.file,
    sha: entry.sha256,
    layout: entry.understanding.layout,
    json: JSON.stringify(entry.understanding),
  });
}
