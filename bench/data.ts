import { DuckDBInstance } from '@duckdb/node-api';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { referenceDir } from '../core/repo-paths.js';
import { ingest } from '../ingest/ingest.js';
import { currentSnapshotId, snapshotPath } from '../core/snapshot-layout.js';
import { generateSample } from '../tools/seed/generate.js';
import { defaultOptions as seedDefaults } from '../tools/seed/options.js';
import { ingestFingerprint, markerMatches, removeMarker, seedFingerprint, writeMarker } from './fingerprint.js';
import { MB } from './stats.js';

export type FileFormat = 'csv' | 'parquet';

/** Where a benchmark's data lives: generated files per format and the ingested data directory. */
export interface BenchData {
  scale: number;
  referenceDir: string;
  filesDir: Record<FileFormat, string>;
  /** The training file of each format (the ingest benchmark's input). */
  trainingFile: Record<FileFormat, string>;
  /** The data directory the servers serve (reference + every CSV fact file, ingested the normal way). */
  dataDir: string;
  snapshotPath: string;
  snapshotMb: number;
  rows: Record<string, number>;
  /** Seconds spent generating and ingesting in this run; null when earlier output was reused. */
  generateSeconds: Record<FileFormat, number | null>;
  fullIngestSeconds: number | null;
}

/** Generates a format's files unless a completed earlier generation by the same generator at this scale is there. */
async function generateOnce(
  dir: string,
  scale: number,
  format: FileFormat,
  fingerprint: string,
  log: (line: string) => void,
): Promise<number | null> {
  if (await markerMatches(dir, { scale, fingerprint })) return null;
  await rm(dir, { recursive: true, force: true });
  await removeMarker(dir);
  log(`generating ${format} sample at scale ${scale} into ${dir} …`);
  const started = Date.now();
  await generateSample({ ...seedDefaults, referenceDir, outDir: dir, scale, format });
  const seconds = (Date.now() - started) / 1000;
  await writeMarker(dir, { scale, format, fingerprint, seconds });
  log(`  generated in ${seconds.toFixed(1)} s`);
  return seconds;
}

/** Ingests the reference files and the CSVs into a fresh data directory unless one built by the same code from the same files is there. */
async function ingestOnce(
  dataDir: string,
  csvDir: string,
  expected: { scale: number; files: string; ingest: string },
  log: (line: string) => void,
): Promise<{ id: string; seconds: number | null }> {
  const live = await currentSnapshotId(dataDir);
  if (live && (await markerMatches(dataDir, expected))) {
    log(`reusing snapshot ${live} in ${dataDir}`);
    return { id: live, seconds: null };
  }
  await rm(dataDir, { recursive: true, force: true });
  await removeMarker(dataDir);
  log(`ingesting reference + CSV sample into ${dataDir} …`);
  const started = Date.now();
  const result = await ingest([referenceDir, csvDir], { dataDir });
  const seconds = (Date.now() - started) / 1000;
  if (!result.snapshotId) throw new Error(`ingest into the empty ${dataDir} published nothing`);
  await writeMarker(dataDir, { ...expected, seconds });
  log(`  published ${result.snapshotId} in ${seconds.toFixed(1)} s`);
  return { id: result.snapshotId, seconds };
}

async function findTraining(dir: string, format: FileFormat): Promise<string> {
  const name = (await readdir(dir)).find((n) => n.startsWith('training') && n.endsWith(`.${format}`));
  if (!name) throw new Error(`no training .${format} file in ${dir}`);
  return join(dir, name);
}

async function countRows(path: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const tables = ['training', 'labor_market', 'competition', 'talent_stock'];
    const sql = tables.map((t) => `SELECT '${t}' AS t, count(*)::DOUBLE AS n FROM ${t}`).join(' UNION ALL ');
    const rows = (await connection.runAndReadAll(sql)).getRows();
    return Object.fromEntries(rows.map(([t, n]) => [String(t), Number(n)]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function parquetRowCount(path: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return Number((await connection.runAndReadAll('SELECT count(*) FROM read_parquet($1)', [path])).getRows()[0][0]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Prepares the benchmark's data under `root` (bench/data/scale-<s> by default): CSV and Parquet files from
 * the sample generator, and a data directory built from the reference files and the CSVs through the normal
 * ingest path. Earlier output at the same scale, made by the same code, is reused.
 */
export async function prepareData(root: string, scale: number, log: (line: string) => void): Promise<BenchData> {
  const filesDir = { csv: join(root, 'csv'), parquet: join(root, 'parquet') };
  const files = await seedFingerprint();
  const generateSeconds = {
    csv: await generateOnce(filesDir.csv, scale, 'csv', files, log),
    parquet: await generateOnce(filesDir.parquet, scale, 'parquet', files, log),
  };
  if ((await seedFingerprint()) !== files) {
    await removeMarker(filesDir.parquet);
    throw new Error('the sample generator (tools/seed) or the reference data changed while the benchmark generated its data: run it again');
  }
  const dataDir = join(root, 'db');
  const { id, seconds: fullIngestSeconds } = await ingestOnce(
    dataDir,
    filesDir.csv,
    { scale, files, ingest: await ingestFingerprint() },
    log,
  );
  const path = snapshotPath(dataDir, id);
  const rows = await countRows(path);
  const trainingFile = { csv: await findTraining(filesDir.csv, 'csv'), parquet: await findTraining(filesDir.parquet, 'parquet') };
  const parquetRows = await parquetRowCount(trainingFile.parquet);
  if (parquetRows !== rows.training) {
    throw new Error(
      `the Parquet training file has ${parquetRows} rows and the CSV one ${rows.training}: they come from different generator runs; delete ${root} and run again`,
    );
  }
  return {
    scale,
    referenceDir,
    filesDir,
    trainingFile,
    dataDir,
    snapshotPath: path,
    snapshotMb: (await stat(path)).size / MB,
    rows,
    generateSeconds,
    fullIngestSeconds,
  };
}
