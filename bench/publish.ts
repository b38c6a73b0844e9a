import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checks } from './checks.js';
import { renderMarkdown } from './report.js';
import type { BenchResult } from './result.js';

const BEGIN = '<!-- bench:latest:begin (written by npm run bench) -->';
const END = '<!-- bench:latest:end -->';

/** bench/results/<date>-scale<N>.json, with the target checks alongside the figures. */
export async function writeResultFile(result: BenchResult, resultsDir: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const path = join(resultsDir, `${result.meta.startedAt.slice(0, 10)}-scale${result.meta.scale}.json`);
  await writeFile(path, `${JSON.stringify({ ...result, checks: checks(result) }, null, 2)}\n`);
  return path;
}

/**
 * Replaces the generated block of docs/benchmarks.md with this run's tables, leaving the hand-written text
 * around it alone (the block is appended when the file has none).
 */
export async function updateDocs(result: BenchResult, docsPath: string, resultFile: string): Promise<void> {
  const block = `${BEGIN}\n${renderMarkdown(result)}\nFull figures: \`${resultFile}\`.\n${END}`;
  const text = existsSync(docsPath) ? await readFile(docsPath, 'utf8') : '# Benchmarks\n\n';
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start ? `${text.slice(0, start)}${block}${text.slice(end + END.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(docsPath, next);
}
