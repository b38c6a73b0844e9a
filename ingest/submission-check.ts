import { DuckDBInstance } from '@duckdb/node-api';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SubmissionCheck, SubmissionProblem, SubmissionReport } from '../core/submission.js';
import { closeQuietly } from './db.js';
import { InvalidFileError } from './ingest-file.js';
import { ingest, type FileReport } from './ingest.js';
import type { Problem } from './problem.js';
import { FileRefusedError } from './refusal.js';
import { formatUnderstanding } from './report/print.js';
import { scanRows, type RowScan } from './submission-scan.js';
import { linkLiveSnapshot } from './submission-scratch.js';

export interface CheckOptions {
  /** The live data directory: its live snapshot is what the file is checked against (never written). */
  dataDir: string;
  /** An empty folder of the check's own, on the same file system as dataDir (the dry run's working copy). */
  scratchDir: string;
  dataset?: string;
  encoding?: string;
  /** The province every row must belong to (an official's submission), or undefined for any region. */
  province?: string;
  memoryLimit?: string;
}

/** Problems listed in a report; problemCount counts them all. */
export const listedProblems = 50;

const emptyReport = (): SubmissionReport => ({
  rowsRead: 0,
  rowsAccepted: 0,
  rowsRejected: 0,
  added: 0,
  replaced: 0,
  problems: [],
  problemCount: 0,
});

const fromIngest = (p: Problem): SubmissionProblem => ({ row: p.line, column: p.column, value: p.value, reason: p.reason });

/** An engine's own message (DuckDB's "Invalid Input Error: …") names internals: never shown. */
const engineMessage = /^[A-Z][A-Za-z ]* Error: /;

/** A refusal of the whole file in our words, with the staged file's path reduced to the file's name. */
export function wholeFileProblem(file: string, error: unknown): SubmissionProblem {
  if (error instanceof FileRefusedError) {
    const { line, column, value } = error.place;
    return { row: line ?? null, column: column ?? null, value: value ?? null, reason: error.reason };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (engineMessage.test(message) || !message.includes(file))
    return { row: null, column: null, value: null, reason: 'the file could not be read for validation' };
  const name = basename(file);
  const text = message
    .split(file)
    .join(name)
    .replace(new RegExp(`^${escapeRegExp(name)}: `), '');
  const line = /^line (\d+): /.exec(text);
  return line
    ? { row: Number(line[1]), column: null, value: null, reason: text.slice(line[0].length) }
    : { row: null, column: null, value: null, reason: text };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Validates a submitted file as the ingest would load it into the live snapshot (a dry run: nothing is stored),
 * and, for an official, refuses rows of any other province. Returns the report the submitter reads.
 */
export async function checkSubmission(file: string, options: CheckOptions): Promise<SubmissionCheck> {
  const snapshot = (await linkLiveSnapshot(options.dataDir, options.scratchDir))?.path ?? null;
  try {
    let dataset: string | null = options.dataset ?? null;
    let report = emptyReport();
    let ingestProblemLines: number[] = [];
    try {
      const result = await ingest([file], {
        dataDir: options.scratchDir,
        dataset: options.dataset,
        encoding: options.encoding,
        memoryLimit: options.memoryLimit,
        dryRun: true,
      });
      if (result.files.length === 0) {
        report.problems = [
          { row: null, column: null, value: null, reason: 'this very file (the same bytes) is already in the published data: nothing new' },
        ];
        report.problemCount = 1;
        return { dataset, report };
      }
      const done: FileReport = result.files[0]!;
      dataset = done.dataset;
      report = {
        rowsRead: done.rowsRead,
        rowsAccepted: done.accepted,
        rowsRejected: done.rejected,
        added: done.added,
        replaced: done.replaced,
        problems: done.problems.map(fromIngest),
        problemCount: done.problemCount,
        understanding: formatUnderstanding(basename(file), done.understanding),
      };
    } catch (error) {
      if (!(error instanceof InvalidFileError)) {
        report.problems = [wholeFileProblem(file, error)];
        report.problemCount = 1;
        return { dataset, report };
      }
      const o = error.outcome;
      dataset = o.dataset;
      ingestProblemLines = o.problems.map((p) => p.line);
      report = {
        rowsRead: o.rowsRead,
        rowsAccepted: 0,
        rowsRejected: o.rejected,
        added: 0,
        replaced: 0,
        problems: o.problems.map(fromIngest),
        problemCount: o.problemCount,
        understanding: formatUnderstanding(basename(file), o.understanding),
      };
      // Every problem listed: the rows it names are all the rejected ones.
      if (o.problemCount > o.problems.length) ingestProblemLines = [];
    }
    const scan = await scanQuietly(file, snapshot, options, ingestProblemLines);
    if (scan) {
      report.periods = scan.periods;
      if (scan.outside.count > 0) report = withProvinceProblems(report, scan);
    }
    report.problems = report.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)).slice(0, listedProblems);
    return { dataset, report };
  } finally {
    await rm(options.scratchDir, { recursive: true, force: true });
  }
}

/** The file's periods and its rows outside the province; null when the file cannot be read that far. */
async function scanQuietly(file: string, snapshot: string | null, options: CheckOptions, rejectedLines: number[]): Promise<RowScan | null> {
  const instance = await DuckDBInstance.create(snapshot ?? ':memory:', snapshot ? { access_mode: 'READ_ONLY' } : {});
  const connection = await instance.connect();
  try {
    return await scanRows(connection, file, { ...options, limit: listedProblems, rejectedLines });
  } catch {
    return null;
  } finally {
    closeQuietly(instance, connection);
  }
}

/**
 * Adds the rows of other provinces to the ingest's problems. The submission is refused as a whole, so no row is
 * accepted; the rejected rows are those with either kind of problem (counted once when the ingest listed all its own).
 */
function withProvinceProblems(report: SubmissionReport, scan: RowScan): SubmissionReport {
  const rejected = report.problemCount === 0 ? scan.outside.count : report.rowsRejected + scan.outside.notRejected;
  return {
    ...report,
    rowsAccepted: 0,
    rowsRejected: Math.min(rejected, report.rowsRead),
    added: 0,
    replaced: 0,
    problems: [...report.problems, ...scan.outside.problems],
    problemCount: report.problemCount + scan.outside.count,
  };
}
