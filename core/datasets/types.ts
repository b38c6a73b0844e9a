/** One declaration per dataset drives header mapping, validation, messages and the table's DDL. */

import type { Bilingual } from '../bilingual.js';

/**
 * Logical column types. Each maps to one DuckDB type and one parsing rule:
 * - code: trimmed text identifier (region, programme, occupation codes)
 * - count: non-negative whole number (BIGINT)
 * - number: decimal number (DOUBLE); `min` may bound it
 * - month: a calendar month, stored as the DATE of its first day (2024-03, 2024/3, 202403, 2024年3月)
 * - quarter: a calendar quarter, stored as the DATE of its first day (2024Q1, 2024-Q1, 2024年第1季度)
 * - year: a calendar year (SMALLINT)
 */
export type ColumnType = 'text' | 'code' | 'integer' | 'count' | 'number' | 'boolean' | 'month' | 'quarter' | 'year';

interface Reference {
  table: string;
  column: string;
  /** Extra values accepted besides those in the referenced table (e.g. '000000' for national). */
  alsoAllowed?: readonly string[];
}

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  label: Bilingual;
  /** Headers accepted besides `name` (Chinese headers, common English variants). Matched case- and space-insensitively. */
  aliases?: readonly string[];
  /** Keys are always required. */
  required?: boolean;
  key?: boolean;
  unit?: Bilingual;
  references?: Reference;
  allowed?: readonly string[];
  /** Inclusive bounds for integer, number and year columns. */
  min?: number;
  max?: number;
  /** Value used when the file has no such column (never when a cell is empty). */
  defaultFromFile?: 'file-name';
  description?: string;
}

export interface DatasetSpec {
  name: string;
  table: string;
  kind: 'reference' | 'fact';
  label: Bilingual;
  /** One row is … (stated grain). */
  grain: string;
  columns: readonly ColumnSpec[];
  /**
   * What the periods of its rows are: actual figures (the default), which cannot lie after the current month,
   * quarter or year, or plans (targets), which may.
   */
  periods?: 'actuals' | 'plans';
}

export const keyColumns = (spec: DatasetSpec): ColumnSpec[] => spec.columns.filter((c) => c.key);

export const isRequired = (column: ColumnSpec): boolean => Boolean(column.key || column.required);
