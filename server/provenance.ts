import type { DuckDBConnection } from '@duckdb/node-api';
import type { Bilingual } from '../core/bilingual.js';
import type { Licence } from '../core/licences.js';
import { exportRowOrder } from '../queries/exports/row-order.js';
import type { ColumnKind, QueryDefinition } from '../queries/lib/define.js';
import type { BoundQuery } from './encode/bound-query.js';
import type { Lang } from './format.js';
import { csvHeaders, describeColumn, periodOf } from './provenance-columns.js';
import { licencesOf, referenceSourcesOf, rowSourcesOf, sourcesOfRows, sourcesOfSnapshot, type SourceEntry } from './provenance-sources.js';

export type RequestKind = 'query' | 'dataset';

export interface ProvenanceColumn {
  name: string;
  type: ColumnKind;
  label: Bilingual;
  unit?: Bilingual;
  description: Bilingual;
  /** The header this column has in the CSV of the same request (its lang). */
  csv_header: string;
  /** Set where Parquet stores the column otherwise than as its type says: DATE for month and quarter. */
  parquet_type?: 'DATE';
}

/**
 * What a result is and where it comes from: the same document in a JSON result's `meta`, the key-value metadata
 * of Parquet, the schema metadata of Arrow, a CSV's sidecar (format=provenance) and a data package.
 */
export interface Provenance {
  /** The snapshot the rows were read from (the X-Data-Version header). */
  data_version: string;
  generated_at: string;
  request: { kind: RequestKind; name: string; params: Record<string, unknown>; url: string };
  title: Bilingual;
  description: Bilingual;
  /** The columns the rows are sorted by (a dataset's key); null where the analytic's description gives its order. */
  row_order: readonly string[] | null;
  /** Known when the rows were counted before they were sent (sidecar, data package, dataset exports with a source column). */
  row_count: number | null;
  sources: SourceEntry[];
  licenses: Licence[];
  columns: ProvenanceColumn[];
}

export interface ProvenanceInput {
  kind: RequestKind;
  definition: QueryDefinition;
  values: Record<string, unknown>;
  snapshot: string;
  /** The request's path and query string. */
  url: string;
  lang: Lang | null;
  query: BoundQuery;
  /** Count the rows when the sources do not already tell (the sidecar and the data package want the count). */
  count?: boolean;
}

async function countRows(connection: DuckDBConnection, query: BoundQuery): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM (${query.sql}\n)`, query.values, query.types);
  return Number(reader.getRowObjectsJS()[0]?.n ?? 0);
}

/**
 * The provenance of one request. A result whose rows name their sources (a `source` column, or a source title and
 * address) has them counted, in one pass over the result before it is sent; another analytic lists every source
 * of the snapshot's fact tables.
 */
export async function buildProvenance(connection: DuckDBConnection, input: ProvenanceInput): Promise<Provenance> {
  const { kind, definition } = input;
  const perRow = rowSourcesOf(definition.columns);
  const ownSources = perRow
    ? await sourcesOfRows(connection, input.query, perRow)
    : kind === 'query'
      ? await sourcesOfSnapshot(connection, input.snapshot)
      : [];
  const rowCount = perRow
    ? ownSources.reduce((sum, s) => sum + (s.rows ?? 0), 0)
    : input.count
      ? await countRows(connection, input.query)
      : null;
  const sources = [...ownSources, ...referenceSourcesOf(kind, definition.name, definition.columns)];
  const headers = csvHeaders(
    definition.columns.map((c) => c.name),
    definition.columns,
    input.lang,
  );
  return {
    data_version: input.snapshot,
    generated_at: new Date().toISOString(),
    request: { kind, name: definition.name, params: input.values, url: input.url },
    title: definition.title,
    description: definition.description,
    row_order: kind === 'dataset' ? (exportRowOrder[definition.name] ?? null) : null,
    row_count: rowCount,
    sources,
    licenses: licencesOf(sources),
    columns: definition.columns.map((column, i) => ({
      name: column.name,
      type: column.type,
      label: column.label,
      ...(column.unit ? { unit: column.unit } : {}),
      description: describeColumn(column),
      csv_header: headers[i],
      ...(periodOf(column) ? { parquet_type: 'DATE' as const } : {}),
    })),
  };
}

/**
 * The document as flat string pairs, for Parquet key-value metadata and Arrow schema metadata: one key per
 * top-level field, text as is, everything else as JSON.
 */
export function provenanceMetadata(provenance: Provenance): Record<string, string> {
  return Object.fromEntries(
    Object.entries(provenance).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
}
