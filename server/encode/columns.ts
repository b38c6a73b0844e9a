import { DuckDBTypeId, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import type { ColumnKind } from '../../queries/lib/define.js';
import type { BoundQuery } from './bound-query.js';

/** A result column: its name, the kind every encoder works with, and DuckDB's own type. */
export interface ResultColumn {
  name: string;
  kind: ColumnKind;
  type: DuckDBType;
}

const integerTypes = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
]);
const numberTypes = new Set([DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL]);

function kindOf(type: DuckDBType): ColumnKind {
  if (integerTypes.has(type.typeId)) return 'integer';
  if (numberTypes.has(type.typeId)) return 'number';
  if (type.typeId === DuckDBTypeId.BOOLEAN) return 'boolean';
  if (type.typeId === DuckDBTypeId.DATE) return 'date';
  return 'string';
}

/**
 * The columns a query returns, without running it: the same SQL and bound values under `LIMIT 0`
 * (DuckDB plans it, finds the types, and reads no rows).
 */
export async function probeColumns(connection: DuckDBConnection, query: BoundQuery): Promise<ResultColumn[]> {
  const result = await connection.run(`SELECT * FROM (${query.sql}\n) LIMIT 0`, query.values, query.types);
  const types = result.columnTypes();
  return result.columnNames().map((name, i) => ({ name, kind: kindOf(types[i]), type: types[i] }));
}
