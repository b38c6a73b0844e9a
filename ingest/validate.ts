import { isRequired, type ColumnSpec, type DatasetSpec } from '../core/datasets/index.js';
import { futurePeriod } from './future-period.js';
import { expectation, rawExpr, sqlList, typedExpr } from '../core/column-sql.js';
import { quoteIdent, quoteLiteral } from '../core/sql-text.js';

/** How each declared column is read from the staged file. */
export interface ColumnSource {
  column: ColumnSpec;
  /** Header in the file, or null when the column is absent. */
  header: string | null;
  raw: string;
  typed: string;
}

export function columnSources(spec: DatasetSpec, headers: Map<string, string>, fileName: string): ColumnSource[] {
  return spec.columns.map((column) => {
    const header = headers.get(column.name) ?? null;
    const raw = header !== null ? rawExpr(header) : column.defaultFromFile ? quoteLiteral(fileName) : 'CAST(NULL AS VARCHAR)';
    return { column, header, raw, typed: typedExpr(column.type, raw) };
  });
}

interface Check {
  source: ColumnSource;
  when: string;
  reason: string;
}

const numeric = new Set(['integer', 'count', 'number']);

function checksFor(source: ColumnSource, spec: DatasetSpec): Check[] {
  const { column, raw, typed } = source;
  const checks: Check[] = [];
  if (column.type === 'number') {
    // DuckDB reads 'NaN', 'Infinity' and 'inf' as doubles: no figure is either.
    checks.push({ source, when: `NOT isfinite(${typed})`, reason: quoteLiteral('expected a finite number (not NaN or infinity)') });
  }
  if (!numeric.has(column.type)) {
    checks.push({ source, when: `strpos(${raw}, chr(0)) > 0`, reason: quoteLiteral('a NUL character (0x00): not text') });
  }
  const future = futurePeriod(spec, column);
  if (future) checks.push({ source, when: future.when(typed), reason: quoteLiteral(future.reason) });
  if (isRequired(column)) checks.push({ source, when: `${raw} IS NULL`, reason: quoteLiteral('required value is missing') });
  checks.push({ source, when: `${raw} IS NOT NULL AND (${typed}) IS NULL`, reason: quoteLiteral(`expected ${expectation[column.type]}`) });
  if (column.type === 'count') checks.push({ source, when: `(${typed}) < 0`, reason: quoteLiteral('must not be negative') });
  if (column.min !== undefined)
    checks.push({ source, when: `(${typed}) < ${column.min}`, reason: quoteLiteral(`must be at least ${column.min}`) });
  if (column.max !== undefined)
    checks.push({ source, when: `(${typed}) > ${column.max}`, reason: quoteLiteral(`must be at most ${column.max}`) });
  if (column.allowed) {
    checks.push({
      source,
      when: `(${typed}) NOT IN (${sqlList(column.allowed)})`,
      reason: quoteLiteral(`must be one of ${column.allowed.join(', ')}`),
    });
  }
  const ref = column.references;
  if (ref) {
    const also = ref.alsoAllowed?.length ? ` AND (${typed}) NOT IN (${sqlList(ref.alsoAllowed)})` : '';
    checks.push({
      source,
      when: `(${typed}) IS NOT NULL AND (${typed}) NOT IN (SELECT ${quoteIdent(ref.column)} FROM ${quoteIdent(ref.table)})${also}`,
      reason: quoteLiteral(`unknown code: not in ${ref.table}.${ref.column}`),
    });
  }
  return checks;
}

/**
 * SQL that lists every problem of the staged rows as (line, column, value, reason): one row per failed
 * check, plus one per repeated key (pointing at the line that first used it).
 */
export function problemsSql(stageTable: string, sources: ColumnSource[], spec: DatasetSpec): string {
  const label = (s: ColumnSource) => quoteLiteral(s.header ?? s.column.name);
  const perColumn = sources
    .flatMap((s) => checksFor(s, spec))
    .map(
      ({ source, when, reason }) =>
        `SELECT __line AS line, ${label(source)} AS "column", ${source.raw} AS value, ${reason} AS reason FROM ${stageTable} WHERE ${when}`,
    );
  const keys = sources.filter((s) => s.column.key);
  const keyTuple = keys.map((k) => `(${k.typed})`).join(', ');
  const keyNames = keys.map((k) => k.header ?? k.column.name).join(', ');
  const duplicates = `SELECT line, ${quoteLiteral(keyNames)} AS "column", value, 'duplicate key: same as row ' || first_line AS reason FROM (
      SELECT __line AS line, concat_ws(' | ', ${keys.map((k) => k.raw).join(', ')}) AS value,
             min(__line) OVER (PARTITION BY ${keyTuple}) AS first_line
      FROM ${stageTable} WHERE ${keys.map((k) => `(${k.typed}) IS NOT NULL`).join(' AND ')}
    ) WHERE line <> first_line`;
  return [...perColumn, duplicates].join('\nUNION ALL\n');
}
