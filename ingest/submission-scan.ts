import type { DuckDBConnection } from '@duckdb/node-api';
import type { SubmissionProblem } from '../core/submission.js';
import { queryRows, scalar } from './db.js';
import { planFile } from './ingest-file.js';
import { reportOf } from './report/plan.js';
import type { CellOrigin } from './report/normalise.js';
import type { SourceOptions } from './source-file.js';

export interface RowScan {
  /** The distinct periods of the rows, sorted (months 2026-10, quarters 2026Q3, years 2026). */
  periods: string[];
  outside: {
    /** Rows whose region lies outside the province (0 when no province was asked for). */
    count: number;
    /** Of those, the rows not among the rejected lines passed in. */
    notRejected: number;
    /** The first of them, as problems. */
    problems: SubmissionProblem[];
  };
}

export interface ScanOptions extends SourceOptions {
  dataset?: string;
  /** A province code (620000): every row's region must lie within it. */
  province?: string;
  limit: number;
  /** Rows already rejected by validation (to count each rejected row once). */
  rejectedLines: number[];
}

const periodText: Record<string, (typed: string) => string> = {
  month: (d) => `strftime(${d}, '%Y-%m')`,
  quarter: (d) => `CAST(year(${d}) AS VARCHAR) || 'Q' || CAST(quarter(${d}) AS VARCHAR)`,
  year: (y) => `CAST(${y} AS VARCHAR)`,
};

/** The live snapshot's regions, when there is one (else a code's first two digits name its province, GB/T 2260). */
const hasRegionTable = async (connection: DuckDBConnection) =>
  (await scalar(connection, `SELECT count(*) FROM duckdb_tables() WHERE table_name = 'region' AND NOT temporary`)) > 0;

/**
 * Reads a file the way the ingest plans it (a table, or a report form normalised to codes) and lists its periods
 * and the rows whose region lies outside a province. The connection only reads (the live snapshot's references).
 */
export async function scanRows(connection: DuckDBConnection, file: string, options: ScanOptions): Promise<RowScan> {
  const plan = await planFile(connection, file, options);
  try {
    const report = reportOf(plan);
    const origins = report ? (await report.materialise(connection)).origins : [];
    const from = `(${plan.source.selectSql})`;
    const period = plan.sources.find((s) => s.column.key && periodText[s.column.type]);
    const periods = period
      ? (
          await queryRows<{ p: string }>(
            connection,
            `SELECT DISTINCT ${periodText[period.column.type]!(period.typed)} AS p FROM ${from} WHERE ${period.typed} IS NOT NULL ORDER BY p`,
          )
        ).map((r) => r.p)
      : [];
    const none = { count: 0, notRejected: 0, problems: [] };
    if (!options.province) return { periods, outside: none };
    const region = plan.sources.find((s) => s.column.name === 'region_code');
    if (!region || region.header === null) {
      const reason = `dataset ${plan.spec.name} has no region column: an official submits only figures of their own province`;
      return { periods, outside: { count: 1, notRejected: 1, problems: [{ row: null, column: null, value: null, reason }] } };
    }
    // The province a region belongs to is the reference table's; unknown codes and names are validation's problems.
    const outside = (await hasRegionTable(connection))
      ? `${region.raw} IN (SELECT region_code FROM region WHERE province_code IS DISTINCT FROM $province)`
      : `left(${region.raw}, 2) <> left($province, 2)`;
    const outsideSql = `FROM ${from} WHERE ${region.raw} IS NOT NULL AND ${outside}`;
    const params = { province: options.province };
    const count = await scalar(connection, `SELECT count(*) ${outsideSql}`, params);
    if (count === 0) return { periods, outside: none };
    const rejected = options.rejectedLines.length ? ` AND __line NOT IN (${options.rejectedLines.map(Number).join(', ')})` : '';
    const notRejected = await scalar(connection, `SELECT count(*) ${outsideSql}${rejected}`, params);
    const rows = await queryRows<{ line: number; value: string }>(
      connection,
      `SELECT __line::INTEGER AS line, ${region.raw} AS value ${outsideSql} ORDER BY __line LIMIT ${options.limit}`,
      params,
    );
    const written = new Map(origins.filter((o) => o.column === 'region_code').map((o) => [o.line, o] as const));
    const reason = `region outside province ${options.province}: an official submits only their own province's rows`;
    const problems = rows.map((r) => problemAt(r.line, r.value, region.header!, written.get(r.line), reason));
    return { periods, outside: { count, notRejected, problems } };
  } finally {
    await plan.source.dispose();
  }
}

/** A report form's problem points at the cell as written (a region's name), a table's at the code. */
function problemAt(line: number, code: string, header: string, origin: CellOrigin | undefined, reason: string): SubmissionProblem {
  if (!origin) return { row: line, column: header, value: code, reason };
  return { row: line, column: origin.label, value: origin.value ?? code, reason: `${reason} (${code})` };
}
