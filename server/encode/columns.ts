import { DuckDBTypeId, type DuckDBDataChunk, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { ColumnKind } from '../../queries/lib/define.js';

export type Cell = string | number | boolean | null;

export interface ResultColumn {
  name: string;
  kind: ColumnKind;
}

const integerTypes = new Set([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
]);
const numberTypes = new Set([DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL]);

export function kindOf(type: DuckDBType): ColumnKind {
  if (integerTypes.has(type.typeId)) return 'integer';
  if (numberTypes.has(type.typeId)) return 'number';
  if (type.typeId === DuckDBTypeId.BOOLEAN) return 'boolean';
  if (type.typeId === DuckDBTypeId.DATE) return 'date';
  return 'string';
}

function toCell(value: DuckDBValue, kind: ColumnKind): Cell {
  if (value === null) return null;
  switch (kind) {
    case 'integer':
    case 'number': {
      const n = typeof value === 'number' ? value : Number(typeof value === 'bigint' ? value : String(value));
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return Boolean(value);
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** A chunk's columns as plain JS cells (integers as numbers, dates as 'YYYY-MM-DD'). */
export function chunkColumns(chunk: DuckDBDataChunk, columns: readonly ResultColumn[]): Cell[][] {
  return columns.map((column, index) => chunk.getColumnValues(index).map((v) => toCell(v, column.kind)));
}
