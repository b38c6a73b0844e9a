import { basename } from 'node:path';
import { InvalidFileError } from './ingest-file.js';
import { FileRefusedError } from './refusal.js';
import { formatCount, formatProblems } from './report.js';
import { formatUnderstanding } from './report/print.js';

/** What the user reads when an ingest fails: the file, where, the value and the reason, and what was stored. */
export function failureText(error: unknown, dryRun = false): string {
  const stored = dryRun ? 'dry run: nothing was stored' : 'nothing was stored; fix the file, or load its good rows with --allow-partial';
  if (error instanceof InvalidFileError) {
    const o = error.outcome;
    const lines: string[] = [];
    if (dryRun || o.understanding.layout === 'report') lines.push(formatUnderstanding(basename(error.file), o.understanding));
    if (o.allGoodRowsRejected) {
      lines.push(
        `${basename(error.file)}: no row passed validation (${formatCount(o.rejected)} of ${formatCount(o.rowsRead)} rejected): nothing was published`,
      );
      lines.push(formatProblems(error.file, o.position, o.problems, o.problemCount));
      return lines.join('\n');
    }
    lines.push(
      `${error.file}: refused (dataset ${o.dataset}): ${formatCount(o.problemCount)} problem(s) in ${formatCount(o.rejected)} of ${formatCount(o.rowsRead)} rows`,
    );
    lines.push(formatProblems(error.file, o.position, o.problems, o.problemCount));
    lines.push(stored);
    return lines.join('\n');
  }
  if (error instanceof FileRefusedError) return `${error.message}\n${dryRun ? 'dry run: nothing was stored' : 'nothing was stored'}`;
  if (outOfSpace(error))
    return (
      'ingest failed: the disk holding the data directory is full (or a file-size limit was reached) while the new ' +
      'snapshot was written: nothing was published and the live snapshot is unchanged; free some space (not in ' +
      'data/snapshots/: a snapshot there may be the base others read, and the ingest removes what nothing reads) ' +
      'and run the ingest again'
    );
  return `ingest failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** A write that failed for want of space: Node's ENOSPC/EFBIG or DuckDB's "No space left on device" / "File too large". */
function outOfSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EFBIG' || /no space left on device|file too large|ENOSPC|EFBIG/i.test(String(error));
}
