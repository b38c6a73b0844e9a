import type { Response } from 'express';
import { statfs } from 'node:fs/promises';
import { HttpProblem } from './problem.js';
import { referenceExports } from './protection.js';

/** Where an export's temporary file goes and how large it may grow. */
export interface TempSpace {
  dir: string;
  /** Beyond this many bytes the export is stopped (before its headers: a 503; after: an aborted response). */
  limitBytes: number;
}

export interface ExportLimits {
  /** Large exports running at once (EXPORT_CONCURRENCY). */
  concurrency: number;
  /** Temporary disk all running exports may hold together, in MB (EXPORT_TEMP_BUDGET_MB). */
  tempBudgetMb: number;
  /** The directory exports' temporary files go to (EXPORT_TEMP_DIR). */
  tempDir: string;
}

/** The smallest share of the budget an export may start with (one read of its file): below it, every export but the tiniest would be cut off. */
export const MIN_EXPORT_SHARE_MB = 1;
/** What a refused client is told to wait: an export of the largest dataset takes seconds, not minutes. */
export const EXPORT_RETRY_AFTER_S = 10;

const MB = 1024 * 1024;

/** A refusal to start an export now (503): the client may retry after Retry-After. */
export class ExportBusy extends HttpProblem {
  readonly retryAfterSeconds = EXPORT_RETRY_AFTER_S;
}

/**
 * Admits large exports: at most `concurrency` at once, each holding at most its share of the temporary-space budget
 * (budget ÷ concurrency, so that together they never exceed it). The disk may have less free than the budget
 * promises: then an export is given what is free, less what the running exports may still write, and is refused
 * when that is below MIN_EXPORT_SHARE_MB. Everything is checked before an export starts, so a refusal is a problem
 * response, never a half-sent body.
 */
export class ExportGate {
  private running = 0;
  /** The limits given to the running exports, in bytes. */
  private reserved = 0;

  constructor(readonly limits: ExportLimits) {}

  /** Bytes one export may hold on disk. */
  get shareBytes(): number {
    return Math.floor((this.limits.tempBudgetMb * MB) / this.limits.concurrency);
  }

  /** Takes a place for one export, or throws the 503 that says why not. Call release() once the response has ended. */
  async admit(): Promise<{ temp: TempSpace; release: () => void }> {
    const { concurrency, tempBudgetMb, tempDir } = this.limits;
    const share = this.shareBytes;
    if (share < MIN_EXPORT_SHARE_MB * MB)
      throw new ExportBusy(
        503,
        'Export temporary space too small',
        `the export temporary-space budget (EXPORT_TEMP_BUDGET_MB=${tempBudgetMb}) leaves each of ${concurrency} concurrent exports ${mb(share)} MB, less than the ${MIN_EXPORT_SHARE_MB} MB an export needs; the server's operator can raise EXPORT_TEMP_BUDGET_MB or lower EXPORT_CONCURRENCY`,
      );
    if (this.running >= concurrency)
      throw new ExportBusy(
        503,
        'Too many exports running',
        `${concurrency} dataset exports are running, the most this server runs at once (EXPORT_CONCURRENCY); retry after the time in the Retry-After header`,
      );
    // Counted before the await: exports arriving together cannot all pass the check above.
    this.running++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.running--;
    };
    let limit: number;
    try {
      const free = await freeBytes(tempDir);
      // What the running exports have written is no longer free; what they may still write is counted too.
      limit = Math.min(share, free - this.reserved);
      if (limit < MIN_EXPORT_SHARE_MB * MB)
        throw new ExportBusy(
          503,
          'Not enough temporary space for an export',
          `the server's temporary directory has ${mb(Math.max(0, free))} MB free (${mb(Math.max(0, free - this.reserved))} MB once the running exports are counted), less than the ${MIN_EXPORT_SHARE_MB} MB an export needs to start; retry later`,
        );
    } catch (error) {
      release();
      throw error;
    }
    this.reserved += limit;
    return {
      temp: { dir: tempDir, limitBytes: limit },
      release: () => {
        if (!released) this.reserved -= limit;
        release();
      },
    };
  }

  /** Exports running now. */
  get active(): number {
    return this.running;
  }
}

/** Formats that stream a whole result (a provenance document only counts rows). */
const largeFormats = new Set(['json', 'csv', 'arrow', 'parquet', 'datapackage']);

/**
 * Admits a dataset export through the gate, or throws its 503 with Retry-After set. The small reference lists every
 * page reads, and provenance documents, pass without a place (null).
 */
export async function admitExport(
  gate: ExportGate,
  res: Response,
  dataset: string,
  format: string,
): Promise<{ temp: TempSpace; release: () => void } | null> {
  if (referenceExports.has(dataset) || !largeFormats.has(format)) return null;
  try {
    return await gate.admit();
  } catch (error) {
    if (error instanceof ExportBusy) res.set('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

async function freeBytes(dir: string): Promise<number> {
  try {
    const stats = await statfs(dir);
    return stats.bavail * stats.bsize;
  } catch {
    // A missing or unreadable directory has no room: said in our words, without the path.
    return 0;
  }
}

const mb = (bytes: number): string => (bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0);
