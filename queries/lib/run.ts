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

/** The province an official's reading is restricted to, set by the server from the account (see queries/access.ts). */
export const SCOPE_PARAM = 'scope_province';

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
  // The row-level rule of province-scoped entries: never a request parameter, always bound (null: unrestricted).
  if (sqlOf(definition).includes(`$${SCOPE_PARAM}`)) {
    const scope = (values as Record<string, unknown>)[SCOPE_PARAM];
    types[SCOPE_PARAM] = VARCHAR;
    bound[SCOPE_PARAM] = typeof scope === 'string' ? scope : null;
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
