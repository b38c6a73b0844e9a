import type { DuckDBConnection } from '@duckdb/node-api';
import { basename } from 'node:path';
import { datasetByName } from '../core/datasets/index.js';
import { detectDataset, mapHeaders } from './headers.js';
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

/** Opens a file, reads its headers and works out which dataset and columns it holds. */
export async function planFile(connection: DuckDBConnection, path: string, options: FileOptions): Promise<PlannedFile> {
  const source = await openSource(path, options);
  try {
    const headers = (
      await queryRows<{ column_name: string }>(connection, `DESCRIBE ${source.selectSql}`).catch((error: unknown) => {
        // A report form (title lines above its header) may not even read as a table.
        if (mayBeReport(path)) return null;
        throw error;
      })
    )
      ?.map((r) => r.column_name)
      .filter((h) => h !== '__line');
    const report = await planReport(connection, path, options, source, headers ?? null);
    if (report) {
      await source.dispose();
      return report;
    }
    if (!headers) throw new Error(`${path}: cannot be read as a table`);
    const spec = options.dataset ? datasetByName(options.dataset) : detectDataset(path, headers);
    if (!spec) throw new Error(`--dataset ${options.dataset}: no such dataset`);
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
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT * FROM (${plan.source.selectSql}) WHERE coalesce(${mapped.join(', ')}) IS NOT NULL`,
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
  await connection.run(`CREATE OR REPLACE TEMP TABLE problems AS ${problemsSql(STAGE, sources)}`);
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
  const rejectsFile = problemCount > 0 ? await writeRejects(connection, source.path) : null;
  const counts = await upsertRows(connection, spec, sources, STAGE, 'rejected_lines');
  return { ...base, ...counts, rejectsFile };
}

/** Writes the rejected rows, as read, with their reasons, beside the input: <file>.rejects.csv. */
async function writeRejects(connection: DuckDBConnection, path: string): Promise<string> {
  const rejectsPath = `${path}.rejects.csv`;
  await connection.run(`COPY (
      SELECT r.__line AS line, r.reasons, s.* EXCLUDE (__line)
      FROM (SELECT line AS __line, string_agg("column" || ': ' || reason || coalesce(' (' || value || ')', ''), '; ' ORDER BY "column") AS reasons
            FROM problems GROUP BY line) r
      JOIN ${STAGE} s USING (__line) ORDER BY r.__line
    ) TO ${quoteLiteral(rejectsPath)} (HEADER, DELIMITER ',')`);
  return rejectsPath;
}

async function dropStage(connection: DuckDBConnection): Promise<void> {
  for (const table of [STAGE, 'problems', 'rejected_lines']) await connection.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
}
