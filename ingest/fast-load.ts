import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec, DatasetSpec } from '../core/datasets/index.js';
import { rawExpr, sqlList, typedExpr } from '../core/column-sql.js';
import { quoteIdent, quoteLiteral } from '../core/sql-text.js';
import { scalar } from './db.js';
import { noteTableChanged } from './changes.js';
import { futurePeriod } from './future-period.js';
import type { PlannedFile } from './planned-file.js';

/** Column types a CSV reader can parse natively; the rest are read as text and parsed in SQL. */
const numericTypes = new Set(['integer', 'count', 'number']);

/**
 * The fast path applies when a bad value can only surface as an error: every optional column is text or
 * numeric (numeric parse failures abort DuckDB's reader; required columns are NOT NULL in the table).
 */
export function fastPathApplies(spec: DatasetSpec): boolean {
  return spec.columns.every((c) => c.key || c.required || c.type === 'text' || c.type === 'code' || numericTypes.has(c.type));
}

const fail = (column: ColumnSpec) => `error(${quoteLiteral(`invalid ${column.name}`)})`;

/** The projection of one column: its typed value, or an error that aborts the load when a value is invalid. */
function projection(column: ColumnSpec, header: string | null, fileName: string): string {
  if (header === null) return column.defaultFromFile ? quoteLiteral(fileName) : 'NULL';
  const v = quoteIdent(header);
  const bounds = [
    column.type === 'number' ? 'isfinite(x)' : '',
    column.type === 'count' ? 'x >= 0' : '',
    column.min !== undefined ? `x >= ${column.min}` : '',
    column.max !== undefined ? `x <= ${column.max}` : '',
    column.type === 'number' ? '' : 'x = trunc(x)',
  ].filter(Boolean);
  if (numericTypes.has(column.type)) {
    const x = `(${v})::DOUBLE`;
    const checks = bounds.map((b) => b.replaceAll('x', x));
    const value = column.type === 'number' ? x : `${x}::BIGINT`;
    return `CASE WHEN ${v} IS NULL THEN NULL${checks.length ? ` WHEN NOT (${checks.join(' AND ')}) THEN ${fail(column)}` : ''} ELSE ${value} END`;
  }
  const raw = rawExpr(header);
  // Evaluate each expression once per value: a fast form first, the general parser only when it fails.
  const invalid = `CASE WHEN ${raw} IS NULL THEN NULL ELSE ${fail(column)} END`;
  if (column.type === 'text' || column.type === 'code') {
    return column.allowed ? `CASE WHEN ${raw} IS NULL OR ${raw} IN (${sqlList(column.allowed)}) THEN ${raw} ELSE ${fail(column)} END` : raw;
  }
  if (column.type === 'month') return `coalesce(TRY_CAST(${v} || '-01' AS DATE), ${typedExpr('month', raw)}, ${invalid})`;
  const typed = typedExpr(column.type, raw);
  const bounded = bounds.filter((b) => b.startsWith('x >= ') || b.startsWith('x <= ')).map((b) => b.replaceAll('x', `(${typed})`));
  if (!bounded.length) return `coalesce(${typed}, ${invalid})`;
  // Years (the only bounded text-parsed columns) are short: parsing them twice costs little.
  return `CASE WHEN (${typed}) IS NULL THEN ${invalid} WHEN ${bounded.join(' AND ')} THEN ${typed} ELSE ${fail(column)} END`;
}

/**
 * Rows that break a reference, repeat a key, report a period in the future or hold a NUL in text: checked on
 * the loaded table, inside the transaction.
 */
async function countViolations(connection: DuckDBConnection, spec: DatasetSpec): Promise<number> {
  const table = quoteIdent(spec.table);
  const rowChecks = spec.columns.flatMap((c) => {
    const future = futurePeriod(spec, c);
    return [
      future ? future.when(quoteIdent(c.name)) : '',
      c.type === 'text' || c.type === 'code' ? `strpos(${quoteIdent(c.name)}, chr(0)) > 0` : '',
    ].filter(Boolean);
  });
  const perRow = rowChecks.length ? [`(SELECT count(*) FROM ${table} WHERE ${rowChecks.join(' OR ')})`] : [];
  const references = spec.columns
    .filter((c) => c.references)
    .map((c) => {
      const ref = c.references!;
      const also = ref.alsoAllowed?.length ? ` AND t.${quoteIdent(c.name)} NOT IN (${sqlList(ref.alsoAllowed)})` : '';
      return `(SELECT count(*) FROM ${table} t ANTI JOIN ${quoteIdent(ref.table)} r ON t.${quoteIdent(c.name)} = r.${quoteIdent(ref.column)} WHERE t.${quoteIdent(c.name)} IS NOT NULL${also})`;
    });
  const keys = spec.columns
    .filter((c) => c.key)
    .map((c) => quoteIdent(c.name))
    .join(', ');
  // Distinct 64-bit key hashes are cheaper to count than distinct key tuples. A collision can only make a
  // clean file look suspect, and then the exact line-by-line validator decides.
  const duplicates = `(SELECT count(*) - count(DISTINCT hash(${keys})) FROM ${table})`;
  return scalar(connection, `SELECT ${[...references, ...perRow, duplicates].join(' + ')}`);
}

/**
 * Loads a file straight into its (empty) table in one parallel pass of DuckDB's reader, then checks
 * references and keys. An invalid value aborts the statement (DuckDB undoes it); a broken reference or a
 * repeated key empties the table again. Either way null is returned, so the caller takes the slow path
 * that names every problem by line.
 */
export async function tryFastLoad(connection: DuckDBConnection, plan: PlannedFile, fileName: string): Promise<number | null> {
  const { spec, sources } = plan;
  const table = quoteIdent(spec.table);
  if ((await scalar(connection, `SELECT count(*) FROM (SELECT 1 FROM ${table} LIMIT 1)`)) > 0) return null;
  const names = sources.map((s) => quoteIdent(s.column.name)).join(', ');
  const select = sources.map((s) => projection(s.column, s.header, fileName)).join(',\n  ');
  const types = Object.fromEntries(
    sources.filter((s) => s.header !== null).map((s) => [s.header!, numericTypes.has(s.column.type) ? 'DOUBLE' : 'VARCHAR'] as const),
  );
  const readSql = plan.source.typedRead(types);
  // No explicit transaction: the snapshot is a private temporary file, and checks run faster on committed
  // rows. The table was empty, so undoing a refused load is emptying it again.
  let inserted: number;
  try {
    inserted = (await connection.run(`INSERT INTO ${table} (${names})\nSELECT ${select}\nFROM ${readSql}`)).rowsChanged;
  } catch {
    return null;
  }
  if ((await countViolations(connection, spec)) > 0) {
    await connection.run(`DELETE FROM ${table}`);
    return null;
  }
  await noteTableChanged(connection, spec.table);
  return inserted;
}
