import { basename } from 'node:path';
import { InvalidFileError } from './ingest-file.js';
import { ingest } from './ingest.js';
import { wholeFileProblem } from './submission-check.js';

export type Publication = { ok: true; snapshotId: string; added: number; replaced: number } | { ok: false; reason: string };

export interface PublishOptions {
  dataDir: string;
  memoryLimit?: string;
  /** How long to wait for another ingest (the command line's) to let go of the data directory. */
  lockWaitMs?: number;
}

const lockBusy = /^another ingest \(pid /;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Ingests an approved file into a new snapshot and publishes it, as `npm run ingest` does. The reason of a failure
 * is in our words: the live snapshot is then unchanged.
 */
export async function publishSubmission(file: string, options: PublishOptions): Promise<Publication> {
  const waitUntil = Date.now() + (options.lockWaitMs ?? 10 * 60_000);
  for (;;) {
    try {
      const result = await ingest([file], { dataDir: options.dataDir, memoryLimit: options.memoryLimit });
      if (!result.snapshotId)
        return { ok: false, reason: 'the same file (the same bytes) is already in the published data: nothing new to publish' };
      const report = result.files[0];
      return { ok: true, snapshotId: result.snapshotId, added: report?.added ?? 0, replaced: report?.replaced ?? 0 };
    } catch (error) {
      if (error instanceof Error && lockBusy.test(error.message) && Date.now() < waitUntil) {
        await sleep(2000);
        continue;
      }
      // The submitter reads the reason in our words; the operator's worker log keeps the error as it came.
      console.error(`${new Date().toISOString()} publication of ${basename(file)} failed:`, error);
      return { ok: false, reason: publicationFailure(file, error) };
    }
  }
}

function publicationFailure(file: string, error: unknown): string {
  const live = 'nothing was published; the live data is unchanged';
  if (error instanceof InvalidFileError) {
    const first = error.outcome.problems[0];
    const where = first ? `: first, row ${first.line}, column ${first.column}, value '${first.value ?? ''}': ${first.reason}` : '';
    return `${basename(file)} no longer passes validation against the live data (${error.outcome.problemCount} problem(s)${where}); ${live}`;
  }
  if (error instanceof Error && lockBusy.test(error.message))
    return `another ingest kept the data directory busy for more than 10 minutes; ${live}`;
  if (/no space left on device|file too large|ENOSPC|EFBIG/i.test(String(error)))
    return `the disk holding the data directory is full; ${live}`;
  const problem = wholeFileProblem(file, error);
  return `${problem.row !== null ? `row ${problem.row}: ` : ''}${problem.reason}; ${live}`;
}
