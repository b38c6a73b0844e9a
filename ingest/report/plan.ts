import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { datasetByName, type ColumnSpec, type DatasetSpec } from '../../core/datasets/index.js';
import { quoteIdent, quoteLiteral } from '../../core/sql-text.js';
import { scalar } from '../db.js';
import { detectDataset, mapHeaders } from '../headers.js';
import type { PlannedFile } from '../planned-file.js';
import type { SourceFile, SourceOptions } from '../source-file.js';
import { columnSources } from '../validate.js';
import { readGrid, reportBounds, withinReportBounds } from './grid.js';
import { understandLayout, type ReportLayout } from './layout.js';
import { loadReferenceNames } from './names.js';
import { normaliseReport, type NormalisedReport } from './normalise.js';
import type { FileUnderstanding } from './understanding.js';

/** A report form read into memory and understood; its rows with codes are written at load time. */
export interface ReportPlan {
  layout: ReportLayout;
  /** Resolves names against the references now in the snapshot and writes the rows with codes for validation. */
  materialise(connection: DuckDBConnection): Promise<NormalisedReport>;
  /** Points validation's problems at the original cells and adds the report's own (totals, units, names). */
  amendProblems(connection: DuckDBConnection): Promise<void>;
  understanding(): FileUnderstanding | null;
}

export type ReportPlannedFile = PlannedFile & { report: ReportPlan };

export const reportOf = (plan: PlannedFile): ReportPlan | undefined => (plan as Partial<ReportPlannedFile>).report;

const reportFormats = new Set(['.csv', '.txt', '.tsv', '.xlsx', '.xlsm']);
export const mayBeReport = (path: string): boolean => reportFormats.has(extname(path).toLowerCase());

const text = (header: string) => `coalesce(CAST(${quoteIdent(header)} AS VARCHAR), '')`;
/** Text that is a name rather than a code: Chinese characters or spaces. */
const nameLike = (header: string) => `regexp_matches(${text(header)}, '[\\x{3400}-\\x{9fff}\\s]')`;
/** A total row's label (合计, 全省 …), wherever it stands among the keys, the period included. */
const totalLike = (header: string) => `regexp_matches(${text(header)}, '^\\s*(合计|总计|小计|汇总|共计|全[省市州区县盟国])')`;

/** Whether a file that already has a dataset's header in row 1 holds names or total rows where codes belong. */
async function holdsNames(connection: DuckDBConnection, source: SourceFile, spec: DatasetSpec, headers: string[]): Promise<boolean> {
  const mapping = mapHeaders(spec, headers);
  const mapped = (keep: (c: ColumnSpec) => boolean) =>
    spec.columns.filter((c) => keep(c) && mapping.columns.has(c.name)).map((c) => mapping.columns.get(c.name)!);
  const coded = mapped((c) => c.references !== undefined);
  const keys = mapped((c) => Boolean(c.key));
  if (coded.length + keys.length === 0) return false;
  const test = [...coded.map(nameLike), ...keys.map(totalLike)].join(' OR ');
  // The plain reader, without line numbers: a window over the whole file would read all of a large one.
  const read = source.typedRead(Object.fromEntries([...coded, ...keys].map((h) => [h, 'VARCHAR'] as const)));
  return (await scalar(connection, `SELECT count(*) FROM (SELECT * FROM ${read} LIMIT 10000) WHERE ${test}`)) > 0;
}

function tableMatch(path: string, headers: string[] | null, datasetName?: string): DatasetSpec | null {
  if (!headers) return null;
  try {
    const spec = datasetName ? datasetByName(datasetName) : detectDataset(path, headers);
    return spec && mapHeaders(spec, headers).missingRequired.length === 0 ? spec : null;
  } catch {
    return null;
  }
}

const csvField = (v: string | number | null): string => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`);
const csvText = (header: string[], rows: (string | number | null)[][]): string =>
  [header.map(csvField), ...rows.map((r) => r.map(csvField))].map((r) => r.join(',')).join('\n') + '\n';
const readCsv = (path: string, columns: string[], types: Record<string, string> = {}): string =>
  `read_csv(${quoteLiteral(path)}, header = true, columns = {${columns.map((c) => `${quoteLiteral(c)}: '${types[c] ?? 'VARCHAR'}'`).join(', ')}})`;

/**
 * Plans a spreadsheet-like file as a report when it is not already a plain table with codes: the header is
 * not in row 1, or code columns hold names. Returns null for the normal path.
 */
export async function planReport(
  connection: DuckDBConnection,
  path: string,
  options: SourceOptions & { dataset?: string },
  source: SourceFile | null,
  headers: string[] | null,
): Promise<ReportPlannedFile | null> {
  if (!mayBeReport(path)) return null;
  const table = tableMatch(path, headers, options.dataset);
  if (table && (table.kind === 'reference' || !(source && (await holdsNames(connection, source, table, headers!))))) return null;
  if (!(await withinReportBounds(path))) {
    if (table) return null;
    throw new Error(
      `${basename(path)}: the first row is not a dataset's header, and a report layout is read whole only up to ${reportBounds.bytes / 1024 / 1024} MB; put the header in row 1 with codes, or split the file`,
    );
  }
  const grid = await readGrid(path, options);
  const layout = understandLayout(grid, path, await loadReferenceNames(connection), options.dataset);
  if (!layout) {
    // The normal path names what a table lacks (missing columns, no matching dataset).
    if (headers) return null;
    throw new Error(
      `${basename(path)}: no header row among the first 20 rows matches a dataset (read as a report: a header naming a region, period and the dataset's measures); name it with --dataset, or see docs/ingest.md for the layouts accepted`,
    );
  }
  const workDir = await mkdtemp(join(tmpdir(), 'talent-report-'));
  const csvPath = join(workDir, 'rows.csv');
  const spec = layout.spec;
  const outputColumns = spec.columns.filter((c) => !c.defaultFromFile).map((c) => c.name);
  const all = ['__line', ...outputColumns];
  const reportSource: SourceFile = {
    path,
    format: extname(path).toLowerCase().startsWith('.xls') ? 'xlsx' : 'csv',
    encoding: grid.encoding,
    position: 'row',
    selectSql: `SELECT * FROM ${readCsv(csvPath, all, { __line: 'BIGINT' })}`,
    // The rows are written by the normaliser: one header, checked, and no multi-line cells.
    headerRowSql: null,
    readSerially: () => false,
    typedRead: (types) => readCsv(csvPath, all, types),
    dispose: () => rm(workDir, { recursive: true, force: true }),
  };
  let normalised: NormalisedReport | null = null;
  const report: ReportPlan = {
    layout,
    async materialise(conn) {
      normalised = normaliseReport(grid, layout, await loadReferenceNames(conn), path);
      const rows = normalised.rows.map((r) => [r.line, ...outputColumns.map((c) => r.values[c] ?? null)]);
      await writeFile(csvPath, csvText(all, rows));
      return normalised;
    },
    async amendProblems(conn) {
      if (!normalised) return;
      const cells = join(workDir, 'cells.csv');
      const extra = join(workDir, 'problems.csv');
      await writeFile(
        cells,
        csvText(
          ['line', 'column', 'written', 'label', 'value', 'reason'],
          normalised.origins.map((o) => [o.line, o.column, o.written, o.label, o.value, o.reason ?? null]),
        ),
      );
      await writeFile(
        extra,
        csvText(
          ['line', 'column', 'value', 'reason'],
          normalised.problems.map((p) => [p.line, p.column, p.value, p.reason]),
        ),
      );
      await conn.run(`CREATE OR REPLACE TEMP TABLE problems AS
        SELECT DISTINCT p.line, coalesce(c.label, p."column") AS "column", CASE WHEN c.line IS NULL THEN p.value ELSE c.value END AS value,
               CASE WHEN c.reason IS NOT NULL AND p.reason LIKE 'unknown code%' THEN c.reason ELSE p.reason END AS reason
        FROM problems p
        LEFT JOIN ${readCsv(cells, ['line', 'column', 'written', 'label', 'value', 'reason'], { line: 'BIGINT' })} c
          ON c.line = p.line AND c."column" = p."column" AND c.written IS NOT DISTINCT FROM p.value
        UNION ALL SELECT * FROM ${readCsv(extra, ['line', 'column', 'value', 'reason'], { line: 'BIGINT' })}`);
    },
    understanding: () => (normalised as NormalisedReport | null)?.understanding ?? null,
  };
  const identity = new Map(outputColumns.map((c) => [c, c] as const));
  return { source: reportSource, spec, sources: columnSources(spec, identity, basename(path)), ignoredHeaders: [], report };
}
