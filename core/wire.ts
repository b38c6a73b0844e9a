import type { Bilingual } from './bilingual.js';
import type { ColumnType } from './datasets/types.js';
import type { Licence } from './licences.js';

/**
 * The shapes that cross the wire between server and web. The server builds its JSON with these types and the
 * web app reads with them; each analytic's row type is derived from its declared columns in queries/contract.ts.
 */

export type ColumnKind = 'string' | 'integer' | 'number' | 'date' | 'boolean';

/** One output column of a query: its type, unit and labels. */
export interface OutputColumn<N extends string = string, K extends ColumnKind = ColumnKind> {
  name: N;
  type: K;
  label: Bilingual;
  unit?: Bilingual;
}

/** A decoded cell: integers and decimals as numbers, dates as 'YYYY-MM-DD', missing values as null. */
export type Cell = string | number | boolean | null;

interface CellOfKind {
  string: string;
  integer: number;
  number: number;
  date: string;
  boolean: boolean;
}

/** The row type of a list of declared columns: every column present, each value of its kind or null. */
export type RowOfColumns<C extends readonly OutputColumn[]> = { [Col in C[number] as Col['name']]: CellOfKind[Col['type']] | null };

/** The row type of a query definition (anything with declared columns). */
export type RowOf<Q extends { columns: readonly OutputColumn[] }> = RowOfColumns<Q['columns']>;

/** A parameter as GET /api/queries describes it. */
export interface CatalogParam {
  name: string;
  label: Bilingual;
  type: 'string' | 'string[]' | 'integer' | 'number';
  list: boolean;
  default: unknown;
  default_note?: string;
  min?: number;
  max?: number;
  allowed?: readonly string[];
  allowed_from?: { table: string; column: string; count: number };
  example: string;
}

/** A query or dataset as the catalog describes it. */
/** Who may read a catalog entry (queries/access.ts; docs/access.md). */
export interface CatalogAccess {
  minRole: 'public' | 'researcher' | 'official' | 'planner' | 'admin';
  provinceScoped: boolean;
  detailWhen?: { param: string; values?: readonly string[] };
}

export interface CatalogEntry {
  name: string;
  title: Bilingual;
  description: Bilingual;
  params: CatalogParam[];
  columns: readonly OutputColumn[];
  url: string;
  example: string;
  /** Who may read it, and whether the caller may (set by the catalog routes). */
  access?: CatalogAccess;
  allowed?: boolean;
}

/** GET /api/queries. */
export interface Catalog {
  snapshot: string | null;
  queries: CatalogEntry[];
}

/** GET /api/datasets. */
export interface DatasetCatalog {
  snapshot: string | null;
  datasets: CatalogEntry[];
}

/** One ingested file, as GET /api/meta lists it. */
export interface LineageEntry {
  snapshot_id: string;
  dataset: string;
  file: string;
  sha256: string;
  format: string;
  encoding: string | null;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rows_added: number;
  rows_replaced: number;
  started_at: string;
  finished_at: string;
}

/** GET /api/meta: the live snapshot, how recent each dataset is, row counts, sources and lineage. */
export interface Meta {
  snapshot: string;
  freshness: {
    training_through: string | null;
    labor_market_through: string | null;
    competition_through: number | null;
    talent_stock_through: number | null;
    last_ingest: string | null;
  };
  row_counts: Record<string, number>;
  sources: string[];
  lineage: LineageEntry[];
}

/** One parameter a request got wrong. */
export interface InvalidParam {
  name: string;
  reason: string;
  allowed?: string;
}

/** An error response (RFC 9457 problem details). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  invalid_params?: InvalidParam[];
}

/** The rules a column of an export obeys where it is a column of the dataset's own table (as its declaration states them). */
export interface ColumnRules {
  /** How the table stores it (core/datasets/types.ts): 'month', 'count', 'code', … */
  stored_as: ColumnType;
  key: boolean;
  required: boolean;
  min?: number;
  max?: number;
  allowed?: readonly string[];
  /** A code that must exist in another table (and the extra codes accepted besides). */
  references?: { table: string; column: string; also_allowed?: readonly string[] };
}

/** Where the rows of a dataset come from: one value of its `source` column (or a reference source), its terms and rows. */
export interface RowSource {
  /** The value rows carry in their `source` column ('synthetic'), or null for a reference table's documented source. */
  name: string | null;
  title: string;
  path: string;
  licence: Licence;
  synthetic: boolean;
  /** Rows of the live snapshot with this source (null where the table does not record it per row). */
  rows: number | null;
}

/** What GET /api/datasets adds to a dataset beside the catalog entry: its table, grain, column rules, sources and licence. */
export interface DatasetDescription {
  table: string | null;
  grain: string | null;
  rules: Record<string, ColumnRules>;
  sources: RowSource[];
  /** The one licence every row is under, or null when the sources differ (each source then names its own). */
  licence: Licence | null;
}
