import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec, DatasetSpec } from '../core/datasets/index.js';
import { rawExpr, sqlList, typedExpr } from '../core/column-sql.js';
import { quoteIdent, quoteLiteral } from '../core/sql-text.js';
import { queryRows, scalar } from './db.js';
import { deltaTable, writesThroughDelta } from './layers.js';
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

/** A column type of a file that holds whole numbers only (Parquet's and JSON's integer types). */
const wholeNumberType = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;

/**
 * The projection of one column: its typed value, or an error that aborts the load when a value is invalid.
 * `sourceType` is the file's own type of the column where the file has types (Parquet, JSON).
 */
function projection(column: ColumnSpec, header: string | null, fileName: string, sourceType?: string, monthsAsIso = false): string {
  if (header === null) return column.defaultFromFile ? quoteLiteral(fileName) : 'NULL';
  const v = quoteIdent(header);
  if (numericTypes.has(column.type) && sourceType && wholeNumberType.test(sourceType)) {
    // Whole and finite already: only the bounds are checked, on the value as it is.
    const bounds = [
      column.type === 'count' ? `${v} >= 0` : '',
      column.min !== undefined ? `${v} >= ${column.min}` : '',
      column.max !== undefined ? `${v} <= ${column.max}` : '',
    ].filter(Boolean);
    const value = `${v}::${column.type === 'number' ? 'DOUBLE' : 'BIGINT'}`;
    return bounds.length ? `CASE WHEN NOT (${bounds.join(' AND ')}) THEN ${fail(column)} ELSE ${value} END` : value;
  }
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
  if (column.type === 'month') {
    // The general parser repeats its pattern match, and DuckDB computes a repeated expression for every row, not
    // only where the fast form fails: when the file's months are all YYYY-MM, it is left out.
    return monthsAsIso
      ? `coalesce(TRY_CAST(${v} || '-01' AS DATE), ${invalid})`
      : `coalesce(TRY_CAST(${v} || '-01' AS DATE), ${typedExpr('month', raw)}, ${invalid})`;
  }
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
  const rowCheck = rowChecks.length ? rowChecks.join(' OR ') : null;
  // The bitmap of keys finds rows with an unknown code in a key column too (they have no position), and counts the
  // rows failing a row check in the same pass.
  const bitmap = await keyBitmap(connection, spec, rowCheck);
  const perRow = rowCheck && !bitmap ? [`(SELECT count(*) FROM ${table} WHERE ${rowCheck})`] : [];
  const references = spec.columns
    .filter((c) => c.references && !(bitmap && c.key))
    .map((c) => {
      const ref = c.references!;
      const also = ref.alsoAllowed?.length ? ` AND t.${quoteIdent(c.name)} NOT IN (${sqlList(ref.alsoAllowed)})` : '';
      return `(SELECT count(*) FROM ${table} t ANTI JOIN ${quoteIdent(ref.table)} r ON t.${quoteIdent(c.name)} = r.${quoteIdent(ref.column)} WHERE t.${quoteIdent(c.name)} IS NOT NULL${also})`;
    });
  const duplicates = bitmap ?? hashedDuplicates(spec);
  return scalar(connection, `SELECT ${[...references, ...perRow, duplicates].join(' + ')}`);
}

/**
 * Rows whose key another row has, counted by distinct 64-bit key hashes (cheaper than distinct key tuples). A
 * collision can only make a clean file look suspect, and then the exact line-by-line validator decides.
 */
function hashedDuplicates(spec: DatasetSpec): string {
  const keys = spec.columns.filter((c) => c.key).map((c) => quoteIdent(c.name));
  return `(SELECT count(*) - count(DISTINCT hash(${keys.join(', ')})) FROM ${quoteIdent(spec.table)})`;
}

/** Above this many possible keys (bits: 128 MB per thread), repeated keys are counted by hash instead. */
const MAX_KEY_BITS = 2 ** 30;

const periodUnits: Partial<Record<ColumnSpec['type'], string>> = { month: 'month', quarter: 'quarter' };

/**
 * Rows whose key another row has or holds a code its reference table does not, counted exactly by a bitmap
 * (`bitstring_agg`) of each key's position among all possible keys, when every key column is a period or a code
 * of a reference table: a key's position is its period's distance from the first and its codes' positions in
 * their tables, and a key with an unknown code has none. Setting a bit per row costs about half what a hash table
 * of 11.6 M distinct keys does. The rows failing `rowCheck` are counted in the same pass. Null when a key column
 * is neither, or there are too many possible keys.
 */
async function keyBitmap(connection: DuckDBConnection, spec: DatasetSpec, rowCheck: string | null): Promise<string | null> {
  const table = quoteIdent(spec.table);
  const positions: { expression: string; size: number; join?: string }[] = [];
  for (const [i, column] of spec.columns.filter((c) => c.key).entries()) {
    const name = quoteIdent(column.name);
    const reference = column.references;
    if (reference && !reference.alsoAllowed?.length) {
      const ref = `${quoteIdent(reference.table)}`;
      const size = await scalar(connection, `SELECT count(*) FROM ${ref}`);
      const alias = `k${i}`;
      positions.push({
        expression: `${alias}.position`,
        size,
        join: `LEFT JOIN (SELECT ${quoteIdent(reference.column)} AS code, (row_number() OVER () - 1)::BIGINT AS position FROM ${ref}) ${alias} ON t.${name} = ${alias}.code`,
      });
    } else if (column.type === 'year' || periodUnits[column.type]) {
      const unit = periodUnits[column.type];
      const [first, last] = (
        await connection.runAndReadAll(`SELECT min(${name})::VARCHAR, max(${name})::VARCHAR FROM ${table}`)
      ).getRows()[0];
      if (first === null || last === null) return null;
      const from = unit ? `DATE ${quoteLiteral(String(first))}` : String(first);
      const distance = (x: string) => (unit ? `datediff('${unit}', ${from}, ${x})` : `(${x} - ${from})`);
      positions.push({
        expression: `${distance(`t.${name}`)}::BIGINT`,
        size: Number(await scalar(connection, `SELECT ${distance(unit ? `DATE ${quoteLiteral(String(last))}` : String(last))}`)) + 1,
      });
    } else {
      return null;
    }
  }
  const bits = positions.reduce((product, p) => product * Math.max(p.size, 1), 1);
  if (bits > MAX_KEY_BITS) return null;
  const key = positions.reduce((sum, p, i) => (i === 0 ? p.expression : `(${sum}) * ${Math.max(p.size, 1)} + ${p.expression}`), '');
  return `(SELECT count(*) - coalesce(bit_count(bitstring_agg(k, 0, ${bits - 1})), 0)${rowCheck ? ' + count(*) FILTER (WHERE failed)' : ''}
    FROM (SELECT ${key} AS k${rowCheck ? `, (${rowCheck}) AS failed` : ''} FROM ${table} t ${positions.map((p) => p.join ?? '').join(' ')}))`;
}

/**
 * Whether the file's months are written YYYY-MM, judged by its first 1,000 rows. A later month written otherwise
 * then aborts the one-pass load, and the line-by-line path reads it.
 */
async function isoMonths(connection: DuckDBConnection, sources: PlannedFile['sources'], readSql: string): Promise<boolean> {
  const month = sources.find((s) => s.column.type === 'month' && s.header !== null);
  if (!month) return false;
  const v = quoteIdent(month.header!);
  const other = await scalar(
    connection,
    `SELECT count(*) FROM (SELECT ${v} FROM ${readSql} LIMIT 1000) WHERE ${v} IS NOT NULL AND TRY_CAST(${v} || '-01' AS DATE) IS NULL`,
  );
  return other === 0;
}

/** The file's own column types, where it has them (Parquet, JSON); none for text files, read with the types asked. */
async function columnTypes(connection: DuckDBConnection, plan: PlannedFile): Promise<Map<string, string>> {
  if (plan.source.format !== 'parquet' && plan.source.format !== 'json') return new Map();
  const rows = await queryRows<{ column_name: string; column_type: string }>(
    connection,
    `DESCRIBE SELECT * FROM ${plan.source.typedRead({})}`,
  );
  return new Map(rows.map((r) => [r.column_name, r.column_type]));
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
  // An empty table of a layered snapshot is a view of the base's (empty) table over its delta: the rows go there.
  const target = (await writesThroughDelta(connection, spec.table)) ? quoteIdent(deltaTable(spec.table)) : table;
  const names = sources.map((s) => quoteIdent(s.column.name)).join(', ');
  const fileTypes = await columnTypes(connection, plan);
  const types = Object.fromEntries(
    sources.filter((s) => s.header !== null).map((s) => [s.header!, numericTypes.has(s.column.type) ? 'DOUBLE' : 'VARCHAR'] as const),
  );
  const readSql = plan.source.typedRead(types);
  const monthsAsIso = await isoMonths(connection, sources, readSql);
  const select = sources
    .map((s) => projection(s.column, s.header, fileName, s.header === null ? undefined : fileTypes.get(s.header), monthsAsIso))
    .join(',\n  ');
  // No explicit transaction: the snapshot is a private temporary file, and checks run faster on committed
  // rows. The table was empty, so undoing a refused load is emptying it again.
  let inserted: number;
  try {
    inserted = (await connection.run(`INSERT INTO ${target} (${names})\nSELECT ${select}\nFROM ${readSql}`)).rowsChanged;
  } catch {
    return null;
  }
  if ((await countViolations(connection, spec)) > 0) {
    await connection.run(`DELETE FROM ${target}`);
    return null;
  }
  await noteTableChanged(connection, spec.table);
  return inserted;
}
