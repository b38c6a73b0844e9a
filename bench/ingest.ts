import { DuckDBInstance } from '@duckdb/node-api';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ingest } from '../ingest/ingest.js';
import { quoteLiteral } from '../core/sql-text.js';
import type { BenchData, FileFormat } from './data.js';
import { startCpuMeter } from './cpu-meter.js';
import { msSince } from './stats.js';

export interface IngestFigures {
  format: FileFormat;
  file: string;
  rows: number;
  /** Alternating bare/ingest pairs run; each figure is the fastest of them. */
  repeats: number;
  /** DuckDB alone: CREATE TABLE t AS SELECT * FROM read_<format>(file) in a fresh file database, then CHECKPOINT. */
  bare: { loadSeconds: number; checkpointSeconds: number; rowsPerSecond: number };
  /** The normal ingest path into a fresh data directory (reference files first, then the training file). */
  ingest: {
    /** The training file's own load: stage, validate, upsert (from ingest's file report). */
    fileSeconds: number;
    fileRowsPerSecond: number;
    /** The whole ingest() call: hashing, reference files, training, rollups, CHECKPOINT, publish. */
    totalSeconds: number;
    totalRowsPerSecond: number;
  };
  /** Share of the machine's CPU other processes used during the kept (fastest) bare load and ingest. */
  otherCpu: { bare: number; ingest: number };
  /** Ingest rows/s ÷ bare rows/s: the file load against CREATE TABLE AS, and end to end against load + CHECKPOINT. */
  ratio: { fileLoad: number; endToEnd: number };
}

const MEMORY_LIMIT = '8GB';

/** Reads a file once so that neither measurement pays for the first read from disk. */
async function warmPageCache(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) void chunk;
}

async function bareLoad(
  file: string,
  format: FileFormat,
  workDir: string,
): Promise<{ rows: number; loadSeconds: number; checkpointSeconds: number }> {
  const path = join(workDir, `bare-${format}.duckdb`);
  await rm(path, { force: true });
  await rm(`${path}.wal`, { force: true });
  const instance = await DuckDBInstance.create(path, { memory_limit: MEMORY_LIMIT, temp_directory: join(workDir, 'tmp') });
  const connection = await instance.connect();
  try {
    const reader = format === 'csv' ? 'read_csv' : 'read_parquet';
    let start = process.hrtime.bigint();
    await connection.run(`CREATE TABLE t AS SELECT * FROM ${reader}(${quoteLiteral(file)})`);
    const loadSeconds = msSince(start) / 1000;
    start = process.hrtime.bigint();
    await connection.run('CHECKPOINT');
    const checkpointSeconds = msSince(start) / 1000;
    const rows = Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
    return { rows, loadSeconds, checkpointSeconds };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(path, { force: true });
    await rm(`${path}.wal`, { force: true });
  }
}

async function normalIngest(
  data: BenchData,
  format: FileFormat,
  workDir: string,
): Promise<{ rows: number; fileSeconds: number; totalSeconds: number }> {
  const dataDir = join(workDir, `ingest-${format}`);
  await rm(dataDir, { recursive: true, force: true });
  try {
    const start = process.hrtime.bigint();
    const result = await ingest([data.referenceDir, data.trainingFile[format]], { dataDir, memoryLimit: MEMORY_LIMIT });
    const totalSeconds = msSince(start) / 1000;
    const report = result.files.find((f) => f.file === data.trainingFile[format]);
    if (!report) throw new Error(`ingest did not report ${data.trainingFile[format]}`);
    // ingest reports whole milliseconds: keep a tiny file's rate finite.
    return { rows: report.rowsRead, fileSeconds: Math.max(report.seconds, 0.001), totalSeconds };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Ingest throughput of the training file in CSV and in Parquet, each measured right beside DuckDB's bare load
 * of the same file so that the ratio holds on a noisy machine: the two alternate `repeats` times and the
 * fastest of each is kept (a busy neighbour can only slow a run down).
 */
export async function measureIngest(
  data: BenchData,
  workDir: string,
  repeats: number,
  log: (line: string) => void,
): Promise<IngestFigures[]> {
  await mkdir(workDir, { recursive: true });
  const figures: IngestFigures[] = [];
  for (const format of ['csv', 'parquet'] as const) {
    const file = data.trainingFile[format];
    await warmPageCache(file);
    let bare = { rows: 0, loadSeconds: Infinity, checkpointSeconds: Infinity, otherCpu: 0 };
    let normal = { rows: 0, fileSeconds: Infinity, totalSeconds: Infinity, otherCpu: 0 };
    for (let repeat = 1; repeat <= repeats; repeat++) {
      log(`ingest ${format} (${repeat}/${repeats}): bare DuckDB load, then the normal ingest path …`);
      let meter = startCpuMeter();
      const b = { ...(await bareLoad(file, format, workDir)), otherCpu: meter.stop() };
      meter = startCpuMeter();
      const n = { ...(await normalIngest(data, format, workDir)), otherCpu: meter.stop() };
      if (b.loadSeconds < bare.loadSeconds) bare = b;
      if (n.fileSeconds < normal.fileSeconds) normal = { ...n, totalSeconds: Math.min(n.totalSeconds, normal.totalSeconds) };
      else normal.totalSeconds = Math.min(n.totalSeconds, normal.totalSeconds);
      const busy = (x: number) => `${Math.round(x * 100)} % CPU to others`;
      log(
        `  bare ${b.loadSeconds.toFixed(1)} s (${busy(b.otherCpu)}), ingest file ${n.fileSeconds.toFixed(1)} s / total ${n.totalSeconds.toFixed(1)} s (${busy(n.otherCpu)})`,
      );
    }
    if (bare.rows !== normal.rows) throw new Error(`bare load read ${bare.rows} rows of ${file}, ingest ${normal.rows}`);
    const bareRate = bare.rows / bare.loadSeconds;
    const bareEndToEndRate = bare.rows / (bare.loadSeconds + bare.checkpointSeconds);
    const fileRate = normal.rows / normal.fileSeconds;
    const totalRate = normal.rows / normal.totalSeconds;
    figures.push({
      format,
      file,
      rows: normal.rows,
      repeats,
      bare: { loadSeconds: bare.loadSeconds, checkpointSeconds: bare.checkpointSeconds, rowsPerSecond: bareRate },
      ingest: {
        fileSeconds: normal.fileSeconds,
        fileRowsPerSecond: fileRate,
        totalSeconds: normal.totalSeconds,
        totalRowsPerSecond: totalRate,
      },
      otherCpu: { bare: bare.otherCpu, ingest: normal.otherCpu },
      ratio: { fileLoad: fileRate / bareRate, endToEnd: totalRate / bareEndToEndRate },
    });
  }
  await rm(join(workDir, 'tmp'), { recursive: true, force: true });
  return figures;
}
