import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { datasets } from '../core/datasets/index.js';
import { closeQuietly, openWritable, queryRows } from './db.js';
import { expandInputs, sha256File } from './file-hash.js';
import { loadFile, planFile, type FileOptions, type FileOutcome, type PlannedFile } from './ingest-file.js';
import { rebuildRollups, type RollupRebuild } from './rollups.js';
import { currentSnapshotId, snapshotPath } from '../core/snapshot-layout.js';
import { finishSnapshot, prepareSnapshot } from './snapshot-start.js';
import { beginSnapshot, pruneSnapshots, publishSnapshot, removeLeftovers, withIngestLock, type SnapshotStart } from './snapshot.js';
import { logUnderstanding } from './report/log.js';

export interface IngestOptions extends FileOptions {
  dataDir: string;
  /** Published snapshots to keep. */
  keep?: number;
  /** DuckDB memory_limit for the load (e.g. '4GB'); spills to data/tmp beyond it. */
  memoryLimit?: string;
  /**
   * A new snapshot is layered over its base while its own file and the files loaded stay under this many bytes
   * (default: a tenth of the base, at least 8 MB); beyond it it is written whole (snapshot.ts).
   */
  maxLayerBytes?: number;
  /** Load and validate over the live snapshot (not a copy of it), report what would change, and publish nothing. */
  dryRun?: boolean;
  onEvent?: (event: IngestEvent) => void;
}

export type IngestEvent =
  | { type: 'unchanged'; file: string }
  | { type: 'start'; file: string; dataset: string }
  | { type: 'progress'; file: string; percent: number; rows: number; seconds: number }
  | { type: 'done'; file: string; outcome: FileOutcome; seconds: number };

export interface FileReport extends FileOutcome {
  file: string;
  sha256: string;
  seconds: number;
}

export interface IngestResult {
  /** The published snapshot, or null when every file had been ingested before (nothing changed). */
  snapshotId: string | null;
  previousId: string | null;
  files: FileReport[];
  unchanged: string[];
  /** How the rollups were rebuilt (absent when nothing was published). */
  rollups?: RollupRebuild;
  /** How the published snapshot was started from the live one (absent when nothing was published). */
  start?: SnapshotStart['kind'];
}

/**
 * Ingests files and folders into a new snapshot and publishes it. Either every file loads and the new
 * snapshot goes live, or nothing changes: the previous snapshot stays live and intact.
 */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestResult> {
  const files = await expandInputs(inputs);
  if (files.length === 0) throw new Error(`no .csv, .xlsx, .parquet, .json or .ndjson files in ${inputs.join(', ')}`);
  return withIngestLock(options.dataDir, async () => {
    if (!options.dryRun) await removeLeftovers(options.dataDir);
    const hashes = new Map(await Promise.all(files.map(async (f) => [f, await sha256File(f)] as const)));
    const known = await knownHashes(options.dataDir);
    const changed = files.filter((f) => !known.has(hashes.get(f)!));
    const unchanged = files.filter((f) => known.has(hashes.get(f)!));
    for (const file of unchanged) options.onEvent?.({ type: 'unchanged', file });
    const previousId = await currentSnapshotId(options.dataDir);
    if (changed.length === 0) return { snapshotId: null, previousId, files: [], unchanged };

    if (options.dryRun) return { snapshotId: null, previousId, files: await dryRun(changed, hashes, options), unchanged };
    const { id, tmpPath, start } = await beginSnapshot(options.dataDir, await totalBytes(changed), {
      maxLayerBytes: options.maxLayerBytes,
    });
    const { instance, connection } = await openWritable(tmpPath, { ...scratchSettings(options), ...fileSettings(start) });
    try {
      // Progress is tracked only with the progress bar on; it is read through the connection, never printed.
      await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
      await prepareSnapshot(connection, options.dataDir, start);
      const reports = await loadAll(connection, changed, hashes, id, options);
      const rollups = await rebuildRollups(connection, start.kind !== 'empty');
      await finishSnapshot(connection, start);
      await connection.run('CHECKPOINT');
      closeQuietly(instance, connection);
      await publishSnapshot(options.dataDir, id, tmpPath);
      await pruneSnapshots(options.dataDir, options.keep);
      return { snapshotId: id, previousId, files: reports, unchanged, rollups, start: start.kind };
    } catch (error) {
      closeQuietly(instance, connection);
      await rm(tmpPath, { force: true });
      await rm(`${tmpPath}.wal`, { force: true });
      throw error;
    }
  });
}

/**
 * Loads the files as an ingest would and reports what they would add and replace, publishing nothing: into a
 * snapshot layered over the live one (layers.ts) whatever the size of the change, so nothing large is copied (a
 * live snapshot of another schema version is copied whole, as a real ingest would start from it).
 */
async function dryRun(files: string[], hashes: Map<string, string>, options: IngestOptions): Promise<FileReport[]> {
  await mkdir(`${options.dataDir}/tmp`, { recursive: true });
  const { tmpPath, start } = await beginSnapshot(options.dataDir, 0, { layerAlways: true });
  const { instance, connection } = await openWritable(tmpPath, { ...scratchSettings(options), ...fileSettings(start) });
  try {
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    await prepareSnapshot(connection, options.dataDir, start);
    return await loadAll(connection, files, hashes, 'dry-run', options);
  } finally {
    closeQuietly(instance, connection);
    await rm(tmpPath, { force: true });
    await rm(`${tmpPath}.wal`, { force: true });
  }
}

/**
 * A new layered snapshot's file holds small tables only: small blocks (16 kB, not DuckDB's 256 kB) keep its fixed
 * size to a few hundred kB rather than about 12 MB.
 */
const fileSettings = (start: SnapshotStart): Record<string, string> =>
  start.kind === 'layer' && !start.copied ? { default_block_size: '16384' } : {};

const totalBytes = async (files: string[]): Promise<number> =>
  (await Promise.all(files.map(async (f) => (await stat(f)).size))).reduce((a, b) => a + b, 0);

const scratchSettings = (options: IngestOptions): Record<string, string> => ({
  memory_limit: options.memoryLimit ?? '8GB',
  temp_directory: `${options.dataDir}/tmp`,
  preserve_insertion_order: 'true',
});

async function loadAll(
  connection: DuckDBConnection,
  files: string[],
  hashes: Map<string, string>,
  snapshotId: string,
  options: IngestOptions,
): Promise<FileReport[]> {
  const plans: PlannedFile[] = [];
  try {
    for (const file of files) plans.push(await planFile(connection, file, options));
    // Reference datasets load before the facts that point at them.
    const order = (p: PlannedFile) => datasets.indexOf(p.spec);
    plans.sort((a, b) => order(a) - order(b));
    const reports: FileReport[] = [];
    for (const plan of plans) reports.push(await loadOne(connection, plan, hashes.get(plan.source.path)!, snapshotId, options));
    return reports;
  } finally {
    for (const plan of plans) await plan.source.dispose();
  }
}

async function loadOne(
  connection: DuckDBConnection,
  plan: PlannedFile,
  sha256: string,
  snapshotId: string,
  options: IngestOptions,
): Promise<FileReport> {
  const file = plan.source.path;
  const started = new Date();
  options.onEvent?.({ type: 'start', file, dataset: plan.spec.name });
  const ticker = setInterval(() => {
    const { percentage, rows_processed } = connection.progress;
    // rows_processed only counts once a statement reports progress; below 1,000 it is not a meaningful rate.
    const rows = Number(rows_processed) >= 1000 ? Number(rows_processed) : 0;
    options.onEvent?.({ type: 'progress', file, percent: Math.max(percentage, 0), rows, seconds: (Date.now() - started.getTime()) / 1000 });
  }, 1000);
  try {
    const outcome = await loadFile(connection, plan, options);
    const finished = new Date();
    await connection.run(
      `INSERT INTO ingest_log VALUES ($snapshot, $dataset, $file, $sha, $format, $encoding, $read, $accepted, $rejected, $added, $replaced, $started::TIMESTAMP, $finished::TIMESTAMP)`,
      {
        snapshot: snapshotId,
        dataset: plan.spec.name,
        file: basename(file),
        sha: sha256,
        format: outcome.format,
        encoding: outcome.encoding,
        read: outcome.rowsRead,
        accepted: outcome.accepted,
        rejected: outcome.rejected,
        added: outcome.added,
        replaced: outcome.replaced,
        started: started.toISOString(),
        finished: finished.toISOString(),
      },
    );
    await logUnderstanding(connection, { snapshotId, file: basename(file), sha256, understanding: outcome.understanding });
    const seconds = (finished.getTime() - started.getTime()) / 1000;
    options.onEvent?.({ type: 'done', file, outcome, seconds });
    return { ...outcome, file, sha256, seconds };
  } finally {
    clearInterval(ticker);
  }
}

/** sha256 of every file already in the live snapshot, read without disturbing readers (read-only open). */
async function knownHashes(dataDir: string): Promise<Set<string>> {
  const live = await currentSnapshotId(dataDir);
  if (!live) return new Set();
  const instance = await DuckDBInstance.create(snapshotPath(dataDir, live), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const rows = await queryRows<{ sha256: string }>(connection, 'SELECT DISTINCT sha256 FROM ingest_log');
    return new Set(rows.map((r) => r.sha256));
  } finally {
    closeQuietly(instance, connection);
  }
}
