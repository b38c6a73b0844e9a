import type { ColumnSpec, ColumnType } from './datasets/index.js';
import { quoteIdent, quoteLiteral } from './sql-text.js';

/** DuckDB storage type of each logical column type. */
export const sqlType: Record<ColumnType, string> = {
  text: 'VARCHAR',
  code: 'VARCHAR',
  integer: 'INTEGER',
  count: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  month: 'DATE',
  quarter: 'DATE',
  year: 'SMALLINT',
};

/** What a valid value looks like, for error messages. */
export const expectation: Record<ColumnType, string> = {
  text: 'text',
  code: 'a code',
  integer: 'a whole number',
  count: 'a whole number ≥ 0',
  number: 'a number',
  boolean: 'true/false (是/否, 1/0)',
  month: 'a month such as 2024-03, 2024/3, 202403 or 2024年3月',
  quarter: 'a quarter such as 2024Q1, 2024-Q1 or 2024年第1季度',
  year: 'a four-digit year',
};

/** The raw text of a staged column: trimmed, full-width digits and letters folded, empty → NULL. */
export function rawExpr(stagedName: string): string {
  return `NULLIF(trim(CAST(${quoteIdent(stagedName)} AS VARCHAR)), '')`;
}

const numberText = (raw: string): string => `replace(${raw}, ',', '')`;

/** SQL expression turning the raw text into the column's typed value; NULL when empty or unparseable. */
export function typedExpr(type: ColumnType, raw: string): string {
  switch (type) {
    case 'text':
    case 'code':
      return raw;
    case 'integer':
    case 'count':
      // DuckDB rounds '12.5' when casting to BIGINT: accept only whole numbers (12 or 12.0).
      return `CASE WHEN regexp_full_match(${numberText(raw)}, '[+-]?[0-9]+(\\.0*)?') THEN TRY_CAST(TRY_CAST(${numberText(raw)} AS DOUBLE) AS BIGINT) END`;
    case 'number':
      return `TRY_CAST(${numberText(raw)} AS DOUBLE)`;
    case 'boolean':
      return `CASE WHEN lower(${raw}) IN ('true', 't', 'yes', 'y', '1', '是') THEN true WHEN lower(${raw}) IN ('false', 'f', 'no', 'n', '0', '否') THEN false END`;
    case 'month':
      return monthExpr(raw);
    case 'quarter':
      return quarterExpr(raw);
    case 'year':
      return `CASE WHEN regexp_full_match(${raw}, '[0-9]{4}(年|\\.0*)?') THEN TRY_CAST(left(${raw}, 4) AS SMALLINT) END`;
  }
}

// 2024-03, 2024/3, 2024.03, 202403, 2024年3月, and full dates 2024-03-01 (the day is dropped).
function monthExpr(raw: string): string {
  const parts = `regexp_extract(${raw}, '^([0-9]{4})(?:[-/.年]\\s*([0-9]{1,2})(?:月|[-/.][0-9]{1,2}(?:[ T].*)?|月[0-9]{1,2}日)?|([0-9]{2}))$', ['y', 'm', 'm2'])`;
  const month = `TRY_CAST(coalesce(NULLIF(${parts}.m, ''), NULLIF(${parts}.m2, '')) AS INTEGER)`;
  return `CASE WHEN ${month} BETWEEN 1 AND 12 THEN make_date(TRY_CAST(${parts}.y AS INTEGER), ${month}, 1) END`;
}

// 2024Q1, 2024-Q1, 2024 Q1, 2024q1, 2024年第1季度, 2024年1季度
function quarterExpr(raw: string): string {
  const parts = `regexp_extract(upper(${raw}), '^([0-9]{4})\\s*(?:-|年)?\\s*(?:Q|第)?\\s*([1-4])\\s*(?:季度)?$', ['y', 'q'])`;
  return `CASE WHEN ${parts}.y <> '' THEN make_date(TRY_CAST(${parts}.y AS INTEGER), TRY_CAST(${parts}.q AS INTEGER) * 3 - 2, 1) END`;
}

/** The column's DDL line. */
export function columnDdl(column: ColumnSpec): string {
  const notNull = column.key || column.required ? ' NOT NULL' : '';
  return `${quoteIdent(column.name)} ${sqlType[column.type]}${notNull}`;
}

export const sqlList = (values: readonly string[]): string => values.map(quoteLiteral).join(', ');
