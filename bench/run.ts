import { resolve } from 'node:path';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultOptions, runBench, type BenchOptions } from './harness.js';
import { updateDocs, writeResultFile } from './publish.js';
import { renderMarkdown } from './report.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const usage = `usage: npm run bench -- [--scale N] [--runs N] [--load-seconds N] [--connections N]
                       [--export-rows 100000,1000000] [--export-repeats N] [--ingest-repeats N] [--no-web] [--no-docs] [--data DIR]

  --scale N          sample-data scale (default ${defaultOptions.scale}: about 10 million training and 1.8 million
                     labour-market rows; 135 gives about 100 million training rows; see docs/sample-data.md)
  --runs N           timed runs per query and path (default ${defaultOptions.runs})
  --data DIR         generated files and the bench data directory (default bench/data/scale-<N>)
  --no-web           skip the headless-Chromium measurement (first chart, the overview's requests and redraw)
  --no-docs          do not rewrite docs/benchmarks.md`;

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got '${text}'`);
  return value;
}

function parse(argv: string[]): { options: BenchOptions; docs: boolean } | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      'load-seconds': { type: 'string' },
      connections: { type: 'string' },
      'export-rows': { type: 'string' },
      'export-repeats': { type: 'string' },
      'ingest-repeats': { type: 'string' },
      'cache-mb': { type: 'string' },
      data: { type: 'string' },
      'no-web': { type: 'boolean', default: false },
      'no-docs': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  const scale = positive('scale', values.scale, defaultOptions.scale);
  const options: BenchOptions = {
    scale,
    root: resolve(values.data ?? `${repoRoot}/bench/data/scale-${scale}`),
    runs: Math.max(1, Math.round(positive('runs', values.runs, defaultOptions.runs))),
    warmup: Math.round(positive('warmup', values.warmup, defaultOptions.warmup)),
    loadSeconds: positive('load-seconds', values['load-seconds'], defaultOptions.loadSeconds),
    connections: Math.round(positive('connections', values.connections, defaultOptions.connections)),
    exportRows: values['export-rows']
      ? values['export-rows'].split(',').map((n) => Math.round(positive('export-rows', n, 1)))
      : defaultOptions.exportRows,
    exportRepeats: Math.round(positive('export-repeats', values['export-repeats'], defaultOptions.exportRepeats)),
    ingestRepeats: Math.round(positive('ingest-repeats', values['ingest-repeats'], defaultOptions.ingestRepeats)),
    cacheMb: positive('cache-mb', values['cache-mb'], defaultOptions.cacheMb),
    web: !values['no-web'],
    log: (line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
  };
  return { options, docs: !values['no-docs'] };
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (!parsed) {
    console.log(usage);
    return 0;
  }
  const result = await runBench(parsed.options);
  const file = await writeResultFile(result, `${repoRoot}/bench/results`);
  if (parsed.docs) await updateDocs(result, `${repoRoot}/docs/benchmarks.md`, relative(repoRoot, file));
  console.log(renderMarkdown(result));
  console.log(`Results written to ${relative(process.cwd(), file)}${parsed.docs ? ' and docs/benchmarks.md' : ''}.`);
  return 0;
}

process.exitCode = await main();
