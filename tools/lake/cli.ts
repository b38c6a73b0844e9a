import { parseArgs } from 'node:util';
import { exportLake } from './export.js';
import { manifestPath, type ManifestTable } from './manifest.js';
import { LakeRefusal } from './refusal.js';

const usage = `Usage: npm run export-lake -- --out DIR [--data DATA_DIR] [--overwrite]

  --out DIR        folder the lake is written to (new or empty; see --overwrite)
  --data DATA_DIR  data directory whose live snapshot is exported (default: TALENT_DATA_DIR, else ./data, as npm start)
  --overwrite      replace DIR when it already holds files (it is replaced only once the new lake is complete)

Every fact table as Hive-partitioned Parquet, every reference table as Parquet, and manifest.json (data version,
row counts, sha256 of every file, sources and licences). See docs/lake-export.md.`;

/** A command-line mistake in our words, from node:util's parseArgs error (its code and the option it quotes). */
function argumentProblem(error: unknown): string {
  const code = String((error as { code?: unknown }).code);
  const quoted = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${quoted}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${quoted.split(' ')[0]} needs a value`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument '${quoted}'`;
  return 'invalid arguments';
}

/** What went wrong, in words a person can act on. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC' || /no space left/i.test(message)) return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM' || /permission denied/i.test(message)) return 'permission denied where the lake is written';
  if (code === 'EROFS' || /read-only file system/i.test(message)) return 'the destination is on a read-only file system';
  return message.split('\n', 1)[0];
}

const formatCount = (n: number): string => n.toLocaleString('en-US');

function tableLine(table: ManifestTable): string {
  const by = table.partition_columns.length ? `by ${table.partition_columns.map((p) => p.name).join(', ')}` : 'one file';
  return `  ${table.name.padEnd(18)} ${formatCount(table.row_count).padStart(12)} rows  ${String(table.files.length).padStart(5)} file(s)  ${by}`;
}

async function main(argv: string[]): Promise<number> {
  let values: { out?: string; data?: string; overwrite?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, data: { type: 'string' }, overwrite: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`export-lake: ${argumentProblem(error)}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!values.out) {
    console.error(`export-lake: --out DIR is required\n\n${usage}`);
    return 2;
  }
  const out = values.out;
  const dataDir = values.data ?? process.env.TALENT_DATA_DIR ?? './data';
  const started = Date.now();
  try {
    const manifest = await exportLake({ dataDir, outDir: out, overwrite: values.overwrite, onTable: (t) => console.log(tableLine(t)) });
    const rows = manifest.tables.reduce((sum, t) => sum + t.row_count, 0);
    const bytes = manifest.tables.flatMap((t) => t.files).reduce((sum, f) => sum + f.bytes, 0);
    console.log(
      `export-lake: snapshot ${manifest.data_version} → ${out}: ${manifest.tables.length} tables, ${formatCount(rows)} rows, ` +
        `${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s; manifest ${manifestPath(out)}`,
    );
    if (manifest.tables.some((t) => t.sources.some((s) => s.synthetic))) {
      console.log('export-lake: the lake holds the synthetic sample (source = synthetic): generated figures, not official statistics');
    }
    return 0;
  } catch (error) {
    if (error instanceof LakeRefusal) {
      console.error(`export-lake: ${error.message}`);
      return 2;
    }
    console.error(`export-lake: the export failed (${reasonOf(error)}); ${out} was left as it was`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`export-lake: ${reasonOf(error)}`);
    process.exitCode = 1;
  },
);
