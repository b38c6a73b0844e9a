import type { DuckDBConnection } from '@duckdb/node-api';
import type { SeedPlan } from './plan.js';

type VariableType = 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'DATE';

/** Sets one DuckDB variable read by the .sql files with getvariable(); the value is bound, never spliced. */
export async function setVariable(
  connection: DuckDBConnection,
  name: string,
  value: string | number | null,
  type: VariableType,
): Promise<void> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`bad variable name '${name}'`);
  await connection.run(`SET VARIABLE ${name} = $1::${type}`, [value]);
}

/** The plan as variables (dates as DATE, so the SQL compares dates). */
export async function setPlanVariables(connection: DuckDBConnection, plan: SeedPlan): Promise<void> {
  await setVariable(connection, 'unit_level', plan.unitLevel, 'VARCHAR');
  await setVariable(connection, 'all_field_programs', plan.allFieldPrograms.join(','), 'VARCHAR');
  await setVariable(connection, 'first_year', plan.firstYear, 'BIGINT');
  await setVariable(connection, 'last_year', plan.lastYear, 'BIGINT');
  await setVariable(connection, 'occupation_share', plan.occupationShare, 'DOUBLE');
  await setVariable(connection, 'first_month', plan.firstMonth, 'DATE');
  await setVariable(connection, 'last_month', plan.lastMonth, 'DATE');
  await setVariable(connection, 'first_quarter', plan.firstQuarter, 'DATE');
  await setVariable(connection, 'last_quarter', plan.lastQuarter, 'DATE');
}
