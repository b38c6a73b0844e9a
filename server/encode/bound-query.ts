import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';

/** SQL with its named parameters ($name) and their values and types: values are always bound, never spliced. */
export interface BoundQuery {
  sql: string;
  values: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
}
