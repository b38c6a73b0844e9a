import { DuckDBTypeId } from '@duckdb/node-api';
import { quoteIdent } from '../../core/sql-text.js';
import type { BoundQuery } from './bound-query.js';
import type { ResultColumn } from './columns.js';

/**
 * How each format wants a column's values, as SQL over the query's own result. Only identifiers the query
 * itself produced are written into the SQL (quoted); parameter values stay bound.
 */
type Shaper = (column: ResultColumn, ref: string) => string;

/** NaN and ±Infinity have no JSON or CSV spelling (DuckDB would write NaN, inf): they become null, as before. */
const finiteOrNull = (ref: string) => `CASE WHEN isfinite(${ref}::DOUBLE) THEN ${ref} END`;
const isFloat = (c: ResultColumn) => c.type.typeId === DuckDBTypeId.DOUBLE || c.type.typeId === DuckDBTypeId.FLOAT;
const asText = (c: ResultColumn, ref: string) => (c.type.typeId === DuckDBTypeId.VARCHAR ? ref : `${ref}::VARCHAR`);

/**
 * A text cell a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
 * leading '. ascii() is the first character's code point (0 for '', NULL for NULL). Not `IN (61, 43, …)`:
 * DuckDB 1.5 plans an IN list of six constants as a MARK hash join, which loses the rows' ORDER BY order.
 */
const neutralizeSql = (text: string) =>
  `CASE WHEN list_contains([61, 43, 45, 64, 9, 13], ascii(${text})) THEN '''' || ${text} ELSE ${text} END`;

const shapers: Record<'json' | 'csv' | 'arrow' | 'parquet', Shaper> = {
  // Text stays text ("2024-03-01 10:00:00", "[a, b]") as the declared column kinds promise; dates are 'YYYY-MM-DD'.
  json: (c, ref) => (c.kind === 'string' ? asText(c, ref) : isFloat(c) ? finiteOrNull(ref) : ref),
  csv: (c, ref) => (c.kind === 'string' ? neutralizeSql(asText(c, ref)) : isFloat(c) ? finiteOrNull(ref) : ref),
  // The Arrow encoder reads five physical layouts only: BIGINT, DOUBLE, DATE, BOOLEAN and VARCHAR.
  arrow: (c, ref) => {
    switch (c.kind) {
      case 'integer':
        return c.type.typeId === DuckDBTypeId.BIGINT ? ref : `CAST(${ref} AS BIGINT)`;
      case 'number':
        return `CASE WHEN isfinite(${ref}::DOUBLE) THEN ${ref}::DOUBLE END`;
      case 'string':
        return asText(c, ref);
      default:
        return ref;
    }
  },
  // Parquet keeps DuckDB's own types; month and quarter text becomes a DATE (shapeQuery's `periods`).
  parquet: (_c, ref) => ref,
};

export interface ShapeOptions {
  /** The name each column gets (CSV headers in a language); by default its own. */
  names?: readonly string[];
  /** Columns whose text names a period, with the SQL turning it into that period's first day (Parquet). */
  periods?: Readonly<Record<string, (ref: string) => string>>;
}

/** The query wrapped in a SELECT that shapes every column for `format`, keeping order (and names unless renamed). */
export function shapeQuery(
  query: BoundQuery,
  columns: readonly ResultColumn[],
  format: keyof typeof shapers,
  options: ShapeOptions = {},
): BoundQuery {
  const list = columns
    .map((c, i) => {
      const ref = `q.${quoteIdent(c.name)}`;
      const period = c.kind === 'string' ? options.periods?.[c.name] : undefined;
      return `${period ? period(ref) : shapers[format](c, ref)} AS ${quoteIdent(options.names?.[i] ?? c.name)}`;
    })
    .join(', ');
  return { ...query, sql: `SELECT ${list || '*'} FROM (${query.sql}\n) AS q` };
}
