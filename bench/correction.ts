// A small correction's cost: two existing training rows re-ingested with new values, into the default snapshot
// and into the benchmark's, end to end through ingest() (start from the live one, load, rollups, CHECKPOINT, publish), and the disk
// the retained snapshots then take against one. By hand on any data directory (e.g. 100 M rows):
//   npx tsx bench/correction.ts <data-dir> [runs]
// It works on a copy of the data directory, never on the directory itself.
import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { currentSnapshotId, snapshotPath, snapshotsDir } from '../core/snapshot-layout.js';
import { openSnapshot } from '../core/snapshot-open.js';
import { ingest } from '../ingest/ingest.js';
import { baseOfSnapshot } from '../ingest/snapshot.js';
import { ensureDefaultData } from '../tools/default-data.js';
import { defaultOptions as seedDefaults } from '../tools/seed/options.js';
import { msSince } from './stats.js';
import { loadRegistry } from '../queries/registry.js';
import { runQuery } from '../queries/lib/run.js';

export interface CorrectionRun {
  trainingRows: number;
  /** ingest() of the two-row file, each run; and their median. */
  seconds: number[];
  medianSeconds: number;
  /** How the timed runs' snapshots were started (layer, copy, …) and their rollups rebuilt. */
  rollups: string;
  /** Every retained snapshot file against the live one with its base, after the runs (the ingest keeps three). */
  disk: { snapshots: number; retainedMb: number; liveMb: number; ratio: number };
  /** Every catalog query (defaults) on the corrected snapshot against the same on the one corrected (absent in older results). */
  reads?: ReadCost;
}

export interface ReadCost {
  queries: number;
  /** Sums of the queries' in-process p50s (ms), on the corrected snapshot and on the one it was corrected from. */
  correctedMs: number;
  sourceMs: number;
  ratio: number;
  /** The query whose p50 grew the most, and by how much (ms). */
  worst: { name: string; addedMs: number };
}

export interface CorrectionFigures {
  rowsCorrected: number;
  /** The default snapshot (the synthetic sample at the seed's default scale). */
  small: CorrectionRun;
  /** The benchmark's snapshot. */
  large: CorrectionRun;
  /** large ÷ small, median against median. */
  ratio: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number): number => bytes / 1024 / 1024;

/** Two training rows of the live snapshot, as CSV lines with person_times raised by `bump`. */
async function correctionRows(dataDir: string): Promise<{ rows: string[][]; trainingRows: number }> {
  const id = (await currentSnapshotId(dataDir))!;
  const instance = await openSnapshot(dataDir, id);
  const connection = await instance.connect();
  try {
    const rows = (
      await connection.runAndReadAll(`
        SELECT strftime(month, '%Y-%m'), region_code, program_code, field_code, person_times, participants, certificates, funding_cny, source
        FROM training ORDER BY hash(month, region_code, program_code, field_code) LIMIT 2`)
    ).getRowsJson() as unknown[][];
    const count = Number((await connection.runAndReadAll('SELECT count(*) FROM training')).getRows()[0][0]);
    return { rows: rows.map((r) => r.map(String)), trainingRows: count };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function correctionFile(dir: string, rows: string[][], bump: number): Promise<string> {
  const path = join(dir, `correction-${bump}.csv`);
  const lines = rows.map((r) => [...r.slice(0, 4), String(Number(r[4]) + bump), ...r.slice(5)].join(','));
  await writeFile(
    path,
    `month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny,source\n${lines.join('\n')}\n`,
  );
  return path;
}

/** Every retained file against what the live snapshot reads: its own file and, when layered, its base. */
async function retainedDisk(dataDir: string): Promise<CorrectionRun['disk']> {
  const names = (await readdir(snapshotsDir(dataDir))).filter((n) => n.endsWith('.duckdb'));
  const sizes = await Promise.all(names.map(async (n) => (await stat(join(snapshotsDir(dataDir), n))).size));
  const livePath = snapshotPath(dataDir, (await currentSnapshotId(dataDir))!);
  const base = await baseOfSnapshot(livePath);
  const live = (await stat(livePath)).size + (base ? (await stat(snapshotPath(dataDir, base))).size : 0);
  const retained = sizes.reduce((a, b) => a + b, 0);
  return { snapshots: names.length, retainedMb: mb(retained), liveMb: mb(live), ratio: retained / live };
}

/**
 * What the corrections cost every later read: each catalog query with its defaults, 7 runs interleaved on the
 * corrected snapshot (layered: its tables read the base through views) and on the snapshot it was corrected
 * from, p50 against p50.
 */
async function compareReads(sourceDir: string, correctedDir: string): Promise<ReadCost> {
  const open = async (dir: string) => {
    const instance = await openSnapshot(dir, (await currentSnapshotId(dir))!);
    return { instance, connection: await instance.connect() };
  };
  const source = await open(sourceDir);
  const corrected = await open(correctedDir);
  try {
    let correctedMs = 0;
    let sourceMs = 0;
    let worst = { name: '', addedMs: -Infinity };
    const registry = await loadRegistry();
    for (const definition of registry.values()) {
      const values = definition.schema.parse({});
      const times = { source: [] as number[], corrected: [] as number[] };
      for (let run = 0; run < 9; run++) {
        for (const [label, db] of [
          ['source', source],
          ['corrected', corrected],
        ] as const) {
          const start = process.hrtime.bigint();
          await runQuery(db.connection, definition, values);
          if (run >= 2) times[label].push(msSince(start));
        }
      }
      const [a, b] = [median(times.corrected), median(times.source)];
      correctedMs += a;
      sourceMs += b;
      if (a - b > worst.addedMs) worst = { name: definition.name, addedMs: a - b };
    }
    return { queries: registry.size, correctedMs, sourceMs, ratio: correctedMs / sourceMs, worst };
  } finally {
    for (const db of [source, corrected]) {
      db.connection.closeSync();
      db.instance.closeSync();
    }
  }
}

/**
 * Corrects two rows `runs` times in a copy of `sourceDir` (after one untimed correction, which brings the
 * snapshot to this version's schema and warms the page cache).
 */
export async function measureCorrectionIn(sourceDir: string, workDir: string, runs: number): Promise<CorrectionRun> {
  const dataDir = join(workDir, 'data');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  await cp(sourceDir, dataDir, { recursive: true });
  try {
    const { rows, trainingRows } = await correctionRows(dataDir);
    await ingest([await correctionFile(workDir, rows, 1)], { dataDir });
    const seconds: number[] = [];
    const modes = new Set<string>();
    for (let run = 2; run < runs + 2; run++) {
      const file = await correctionFile(workDir, rows, run);
      const start = process.hrtime.bigint();
      const result = await ingest([file], { dataDir });
      seconds.push(msSince(start) / 1000);
      modes.add(`${result.start ?? 'none'} (rollups ${result.rollups?.mode ?? 'none'})`);
      if (result.files[0]?.replaced !== rows.length)
        throw new Error(`the correction replaced ${result.files[0]?.replaced} rows, not ${rows.length}`);
    }
    const disk = await retainedDisk(dataDir);
    const reads = await compareReads(sourceDir, dataDir);
    return { trainingRows, seconds, medianSeconds: median(seconds), rollups: [...modes].join(', '), disk, reads };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * The two-row correction into the default snapshot and into the benchmark's (`benchDataDir`, at `scale`). Below
 * the default scale (the smoke test's tiny runs) the default snapshot is built at the benchmark's scale instead.
 */
export async function measureCorrection(
  benchDataDir: string,
  scale: number,
  workDir: string,
  runs: number,
  log: (line: string) => void,
): Promise<CorrectionFigures> {
  const smallScale = Math.min(scale, seedDefaults.scale);
  const defaultDir = join(workDir, `correction-default-source-${smallScale}`);
  if (!(await currentSnapshotId(defaultDir))) {
    log(`correction: building the default snapshot (scale ${smallScale}) …`);
    await ensureDefaultData(defaultDir, () => {}, { scale: smallScale });
  }
  log(`correction: two rows, ${runs} runs each, into the default snapshot and the benchmark's …`);
  const small = await measureCorrectionIn(defaultDir, join(workDir, 'correction-default'), runs);
  const large = await measureCorrectionIn(benchDataDir, join(workDir, 'correction-large'), runs);
  log(
    `  default ${small.medianSeconds.toFixed(2)} s, benchmark ${large.medianSeconds.toFixed(2)} s; retained disk ${large.disk.ratio.toFixed(2)}× one`,
  );
  return { rowsCorrected: 2, small, large, ratio: large.medianSeconds / small.medianSeconds };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, runs] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: npx tsx bench/correction.ts <data-dir> [runs]');
    process.exit(2);
  }
  const figures = await measureCorrectionIn(resolve(dir), resolve(`${dir}-correction-work`), Number(runs ?? 5));
  console.log(JSON.stringify(figures, null, 2));
}
