import type { DuckDBConnection } from '@duckdb/node-api';
import { datasets, type DatasetSpec } from '../core/datasets/index.js';
import { columnDdl } from '../core/column-sql.js';
import { quoteIdent } from '../core/sql-text.js';

/** CREATE TABLE for one dataset, from its declaration. Facts have no PRIMARY KEY index: uniqueness is checked at ingest. */
export function tableDdl(spec: DatasetSpec, name = spec.table): string {
  const columns = spec.columns.map(columnDdl);
  const keys = spec.columns.filter((c) => c.key).map((c) => quoteIdent(c.name));
  const primaryKey = spec.kind === 'reference' ? [`PRIMARY KEY (${keys.join(', ')})`] : [];
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(name)} (\n  ${[...columns, ...primaryKey].join(',\n  ')}\n)`;
}

const ingestLogDdl = `CREATE TABLE IF NOT EXISTS ingest_log (
  snapshot_id VARCHAR NOT NULL,
  dataset VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  encoding VARCHAR,
  rows_read BIGINT NOT NULL,
  rows_accepted BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  rows_added BIGINT NOT NULL,
  rows_replaced BIGINT NOT NULL,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL
)`;

/** Creates every declared table (idempotent). */
export async function createSchema(connection: DuckDBConnection): Promise<void> {
  for (const spec of datasets) await connection.run(tableDdl(spec));
  await connection.run(ingestLogDdl);
}
