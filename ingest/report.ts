import { basename } from 'node:path';
import type { Problem } from './ingest-file.js';
import type { FileReport } from './ingest.js';

const number = new Intl.NumberFormat('en-US');
export const formatCount = (n: number): string => number.format(n);

/** One line per problem: file, line, column, value and reason. */
export function formatProblems(file: string, position: string, problems: Problem[], total: number): string {
  const lines = problems.map((p) => {
    const value = p.value === null ? '(empty)' : `'${p.value}'`;
    return `  ${basename(file)} ${position} ${p.line}, column ${p.column}: ${value}: ${p.reason}`;
  });
  if (total > problems.length) lines.push(`  … and ${formatCount(total - problems.length)} more problem(s)`);
  return lines.join('\n');
}

export function formatFileSummary(report: FileReport): string {
  const rate = report.seconds > 0 ? ` (${formatCount(Math.round(report.rowsRead / report.seconds))} rows/s)` : '';
  const rejected = report.rejected > 0 ? `, rejected ${formatCount(report.rejected)} → ${report.rejectsFile}` : '';
  const encoding = report.encoding && report.encoding !== 'utf-8' ? ` ${report.encoding}` : '';
  return `${basename(report.file)} → ${report.dataset} [${report.format}${encoding}]: ${formatCount(report.rowsRead)} rows read in ${report.seconds.toFixed(2)} s${rate}; added ${formatCount(report.added)}, replaced ${formatCount(report.replaced)}, left ${formatCount(report.left)}${rejected}`;
}
