import {
  listValue,
  LIST,
  VARCHAR,
  INTEGER,
  DOUBLE,
  type DuckDBConnection,
  type DuckDBMaterializedResult,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { ParamSqlType } from './params.js';
import { sqlOf } from './sql-file.js';
import type { ParamSpecs, ParamValues, QueryDefinition } from './define.js';

const duckType: Record<ParamSqlType, DuckDBType> = { VARCHAR, INTEGER, DOUBLE, 'VARCHAR[]': LIST(VARCHAR) };

/** Parameter values and their DuckDB types, ready to bind ($name in the SQL). */
export function bindings<P extends ParamSpecs>(
  definition: QueryDefinition<P>,
  values: ParamValues<P>,
): { values: Record<string, DuckDBValue>; types: Record<string, DuckDBType> } {
  const bound: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const [name, spec] of Object.entries(definition.params)) {
    const value = (values as Record<string, unknown>)[name];
    types[name] = duckType[spec.sqlType];
    bound[name] =
      value === null || value === undefined ? null : Array.isArray(value) ? listValue(value as string[]) : (value as DuckDBValue);
  }
  return { values: bound, types };
}

/** Runs a catalog query with bound parameters (never spliced) and returns the whole result. */
export async function runQuery<P extends ParamSpecs>(
  connection: DuckDBConnection,
  definition: QueryDefinition<P>,
  values: ParamValues<P>,
): Promise<DuckDBMaterializedResult> {
  const { values: bound, types } = bindings(definition, values);
  return connection.run(sqlOf(definition), bound, types);
}
