import { parseArgs } from 'node:util';
import { basename, resolve } from 'node:path';
import { failureText } from './failure-text.js';
import { ingest, type IngestEvent } from './ingest.js';
import { formatCount, formatFileSummary, formatProblems } from './report.js';
import { formatUnderstanding } from './report/print.js';

const usage = `usage: npm run ingest -- <file-or-folder>... [--dataset NAME] [--encoding gb18030] [--sheet NAME] [--allow-partial] [--dry-run] [--whole] [--data-dir DIR]`;

function onEvent(event: IngestEvent): void {
  const live = process.stderr.isTTY;
  switch (event.type) {
    case 'unchanged':
      console.log(`${basename(event.file)}: already ingested (same sha256), nothing to do`);
      break;
    case 'start':
      if (live) process.stderr.write(`${basename(event.file)} → ${event.dataset} …\n`);
      break;
    case 'progress':
      if (live) {
        // DuckDB reports a percentage for some statements only; the elapsed time always shows.
        const percent = event.percent > 0 ? `${event.percent.toFixed(0)}%, ` : '';
        const rate = event.rows > 0 ? `, ${formatCount(Math.round(event.rows / event.seconds))} rows/s` : '';
        process.stderr.write(`\r\x1b[K  ${percent}${event.seconds.toFixed(0)} s${rate}`);
      }
      break;
    case 'done':
      if (live) process.stderr.write('\r\x1b[K');
      break;
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dataset: { type: 'string' },
      encoding: { type: 'string' },
      sheet: { type: 'string' },
      'allow-partial': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      whole: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: process.env.TALENT_DATA_DIR ?? './data' },
      'memory-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const started = Date.now();
  try {
    const result = await ingest(positionals, {
      dataDir: resolve(values['data-dir']),
      dataset: values.dataset,
      encoding: values.encoding,
      sheet: values.sheet,
      allowPartial: values['allow-partial'],
      memoryLimit: values['memory-limit'],
      dryRun: values['dry-run'],
      // A whole snapshot, not layered over the live one's base: what a large change gets anyway (snapshot.ts).
      maxLayerBytes: values.whole ? 0 : undefined,
      onEvent,
    });
    if (values['dry-run']) {
      for (const report of result.files) {
        console.log(formatUnderstanding(basename(report.file), report.understanding));
        console.log(
          `  would add ${formatCount(report.added)}, replace ${formatCount(report.replaced)}${report.rejected ? `, reject ${formatCount(report.rejected)}` : ''}`,
        );
        if (report.problemCount > 0) console.log(formatProblems(report.file, report.position, report.problems, report.problemCount));
      }
      console.log('dry run: nothing was stored');
      return 0;
    }
    for (const report of result.files) {
      console.log(formatFileSummary(report));
      if (report.problemCount > 0) console.log(formatProblems(report.file, report.position, report.problems, report.problemCount));
    }
    const rows = result.files.reduce((sum, f) => sum + f.rowsRead, 0);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      result.snapshotId
        ? `published snapshot ${result.snapshotId}: ${result.files.length} file(s), ${formatCount(rows)} rows in ${seconds.toFixed(1)} s`
        : `nothing changed: snapshot ${result.previousId ?? '(none)'} stays live`,
    );
    return 0;
  } catch (error) {
    console.error(failureText(error, values['dry-run']));
    return 1;
  }
}

process.exitCode = await main();
