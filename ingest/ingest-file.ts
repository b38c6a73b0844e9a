import type { DuckDBConnection } from '@duckdb/node-api';
import { basename } from 'node:path';
import { datasetByName, type DatasetSpec } from '../core/datasets/index.js';
import { detectDataset, mapHeaders, normalizeHeader } from './headers.js';
import { columnLetter } from './report/grid.js';
import { ingestLimits } from './limits.js';
import { FileRefusedError } from './refusal.js';
import { queryRows, scalar } from './db.js';
import { openSource, type SourceFile, type SourceOptions } from './source-file.js';
import { quoteIdent, quoteLiteral } from '../core/sql-text.js';
import { upsertRows, type UpsertCounts } from './upsert.js';
import { fastPathApplies, tryFastLoad } from './fast-load.js';
import { columnSources, problemsSql } from './validate.js';
import type { PlannedFile } from './planned-file.js';
import type { Problem } from './problem.js';
import { mayBeReport, planReport, reportOf } from './report/plan.js';
import { tableUnderstanding, type FileUnderstanding } from './report/understanding.js';

export type { PlannedFile } from './planned-file.js';

export type { Problem } from './problem.js';

export interface FileOptions extends SourceOptions {
  dataset?: string;
  allowPartial?: boolean;
}

interface StagedFile extends PlannedFile {
  rowsRead: number;
}

export interface FileOutcome extends UpsertCounts {
  dataset: string;
  format: string;
  encoding: string | null;
  position: SourceFile['position'];
  rowsRead: number;
  rejected: number;
  problems: Problem[];
  problemCount: number;
  ignoredHeaders: string[];
  rejectsFile: string | null;
  /** With --allow-partial: every row was rejected, so nothing may be published. */
  allGoodRowsRejected?: boolean;
  /** How the file was read: a plain table, or a report form normalised first (ingest/report/). */
  understanding: FileUnderstanding;
}

export class InvalidFileError extends Error {
  constructor(
    readonly file: string,
    readonly outcome: FileOutcome,
  ) {
    super(`${file}: refused, ${outcome.problemCount} problem(s) in ${outcome.rowsRead} row(s)`);
  }
}

const STAGE = 'stage_raw';

const engineError = /^[A-Z][A-Za-z ]* Error: /;
const formatName = { csv: 'CSV', xlsx: 'an Excel sheet', parquet: 'Parquet', json: 'JSON' } as const;

/**
 * Runs a step that reads the file through DuckDB. A file whose quoted cells hold line breaks is read again in
 * one thread; anything else DuckDB cannot read is refused in our words (its own message names internals).
 */
async function reading<T>(source: SourceFile, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof Error) || !engineError.test(error.message)) throw error;
    if (/parallel\s*=\s*false/.test(error.message) && source.readSerially()) return reading(source, step);
    const line = /on line:? (\d+)/i.exec(error.message)?.[1];
    throw new FileRefusedError(
      basename(source.path),
      `cannot be read as ${formatName[source.format]} (a malformed or damaged file${source.format === 'csv' ? ', or cells that do not line up with the header' : ''})`,
      line ? { line: Number(line) } : {},
    );
  }
}

/** Refuses a header that names one of the dataset's columns twice: one of the two would be silently dropped. */
async function refuseRepeatedHeaders(connection: DuckDBConnection, source: SourceFile, spec: DatasetSpec): Promise<void> {
  if (!source.headerRowSql) return;
  const [row] = await queryRows(connection, source.headerRowSql);
  const written = Object.values(row ?? {}).map((v) => (v === null ? '' : String(v)));
  const known = new Set(spec.columns.flatMap((c) => [c.name, ...(c.aliases ?? [])]).map(normalizeHeader));
  const first = new Map<string, number>();
  for (const [index, header] of written.entries()) {
    const folded = normalizeHeader(header);
    if (!known.has(folded)) continue;
    const earlier = first.get(folded);
    if (earlier !== undefined) {
      throw new FileRefusedError(
        basename(source.path),
        `the same column twice${written[earlier] === header ? '' : ` (as '${written[earlier]}' and '${header}')`}; keep one`,
        { line: 1, column: `${columnLetter(earlier)} and ${columnLetter(index)}`, value: written[earlier] },
      );
    }
    first.set(folded, index);
  }
}

/** Opens a file, reads its headers and works out which dataset and columns it holds. */
export async function planFile(connection: DuckDBConnection, path: string, options: FileOptions): Promise<PlannedFile> {
  const source = await openSource(path, options);
  try {
    const headers = (
      await reading(source, () => queryRows<{ column_name: string }>(connection, `DESCRIBE ${source.selectSql}`)).catch(
        (error: unknown) => {
          // A report form (title lines above its header) may not even read as a table.
          if (mayBeReport(path)) return null;
          throw error;
        },
      )
    )
      ?.map((r) => r.column_name)
      .filter((h) => h !== '__line');
    const report = await reading(source, () => planReport(connection, path, options, source, headers ?? null));
    if (report) {
      await source.dispose();
      return report;
    }
    if (!headers) throw new Error(`${path}: cannot be read as a table`);
    const spec = options.dataset ? datasetByName(options.dataset) : detectDataset(path, headers);
    if (!spec) throw new Error(`--dataset ${options.dataset}: no such dataset`);
    await reading(source, () => refuseRepeatedHeaders(connection, source, spec));
    const mapping = mapHeaders(spec, headers);
    if (mapping.missingRequired.length > 0) {
      const missing = mapping.missingRequired.map((c) => `${c.name} (${[c.label.zh, ...(c.aliases ?? [])].join(' / ')})`).join(', ');
      throw new Error(`${path}: line 1: missing required column(s) for dataset '${spec.name}': ${missing}`);
    }
    return { source, spec, sources: columnSources(spec, mapping.columns, basename(path)), ignoredHeaders: mapping.ignored };
  } catch (error) {
    await source.dispose();
    throw error;
  }
}

/** Copies a planned file into a text staging table. Blank rows are dropped; __line keeps each row's own position. */
async function stageFile(connection: DuckDBConnection, plan: PlannedFile): Promise<StagedFile> {
  const mapped = plan.sources.filter((s) => s.header !== null).map((s) => s.raw);
  await reading(plan.source, () =>
    connection.run(
      `CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT * FROM (${plan.source.selectSql}) WHERE coalesce(${mapped.join(', ')}) IS NOT NULL`,
    ),
  );
  return { ...plan, rowsRead: await scalar(connection, `SELECT count(*) FROM ${STAGE}`) };
}

/**
 * Loads a planned file. Into an empty table, a file is first loaded optimistically in one parallel pass
 * (fast-load.ts); if anything in it is invalid, or the table already has rows to upsert, it is staged with
 * line numbers, validated check by check, and upserted (or refused with a report).
 */
export async function loadFile(connection: DuckDBConnection, plan: PlannedFile, options: FileOptions): Promise<FileOutcome> {
  const report = reportOf(plan);
  if (report) await report.materialise(connection);
  if (!report && !options.allowPartial && fastPathApplies(plan.spec)) {
    const rows = await tryFastLoad(connection, plan, basename(plan.source.path));
    if (rows !== null) {
      const base = { dataset: plan.spec.name, format: plan.source.format, encoding: plan.source.encoding, position: plan.source.position };
      return {
        ...base,
        rowsRead: rows,
        rejected: 0,
        problems: [],
        problemCount: 0,
        ignoredHeaders: plan.ignoredHeaders,
        accepted: rows,
        added: rows,
        replaced: 0,
        left: 0,
        rejectsFile: null,
        understanding: tableUnderstanding(plan),
      };
    }
  }
  const outcome = await loadStagedFile(connection, await stageFile(connection, plan), options);
  await dropStage(connection);
  return outcome;
}

/** Validates a staged file and, when it passes (or --allow-partial), upserts its good rows. */
async function loadStagedFile(connection: DuckDBConnection, staged: StagedFile, options: FileOptions): Promise<FileOutcome> {
  const { source, spec, sources } = staged;
  await connection.run(`CREATE OR REPLACE TEMP TABLE problems AS ${problemsSql(STAGE, sources, spec)}`);
  const report = reportOf(staged);
  if (report) await report.amendProblems(connection);
  await connection.run('CREATE OR REPLACE TEMP TABLE rejected_lines AS SELECT DISTINCT line FROM problems');
  const problemCount = await scalar(connection, 'SELECT count(*) FROM problems');
  const rejected = await scalar(connection, 'SELECT count(*) FROM rejected_lines');
  const problems = (await queryRows(
    connection,
    'SELECT line::INTEGER AS line, "column", value, reason FROM problems ORDER BY line, "column" LIMIT 20',
  )) as unknown as Problem[];
  const base = {
    dataset: spec.name,
    format: source.format,
    encoding: source.encoding,
    position: source.position,
    rowsRead: staged.rowsRead,
    rejected,
    problems,
    problemCount,
    ignoredHeaders: staged.ignoredHeaders,
    understanding: report?.understanding() ?? tableUnderstanding(staged),
  };
  if (problemCount > 0 && !options.allowPartial) {
    throw new InvalidFileError(source.path, { ...base, accepted: 0, added: 0, replaced: 0, left: 0, rejectsFile: null });
  }
  if (rejected > 0 && rejected === staged.rowsRead) {
    throw new InvalidFileError(source.path, {
      ...base,
      accepted: 0,
      added: 0,
      replaced: 0,
      left: 0,
      rejectsFile: null,
      allGoodRowsRejected: true,
    });
  }
  const rejectsFile = problemCount > 0 ? await writeRejects(connection, source.path, ingestLimits().rejectsRows) : null;
  const counts = await upsertRows(connection, spec, sources, STAGE, 'rejected_lines');
  return { ...base, ...counts, rejectsFile };
}

/**
 * Writes the first `limit` rejected rows, as read, with their reasons, beside the input (<file>.rejects.csv),
 * and the number of rows rejected for each column and reason (<file>.rejects-summary.csv), which covers all.
 */
async function writeRejects(connection: DuckDBConnection, path: string, limit: number): Promise<string> {
  const rejectsPath = `${path}.rejects.csv`;
  await connection.run(`COPY (
      SELECT r.__line AS line, r.reasons, s.* EXCLUDE (__line)
      FROM (SELECT line AS __line, string_agg("column" || ': ' || reason || coalesce(' (' || value || ')', ''), '; ' ORDER BY "column") AS reasons
            FROM problems WHERE line IN (SELECT line FROM rejected_lines ORDER BY line LIMIT ${limit}) GROUP BY line) r
      JOIN ${STAGE} s USING (__line) ORDER BY r.__line
    ) TO ${quoteLiteral(rejectsPath)} (HEADER, DELIMITER ',')`);
  await connection.run(`COPY (
      SELECT "column", regexp_replace(reason, 'same as row [0-9]+', 'same as an earlier row') AS reason, count(DISTINCT line) AS rows, min(line) AS first_line
      FROM problems GROUP BY ALL ORDER BY rows DESC, first_line
    ) TO ${quoteLiteral(`${path}.rejects-summary.csv`)} (HEADER, DELIMITER ',')`);
  return rejectsPath;
}

async function dropStage(connection: DuckDBConnection): Promise<void> {
  for (const table of [STAGE, 'problems', 'rejected_lines']) await connection.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
}
