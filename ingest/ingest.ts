import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { datasets } from '../core/datasets/index.js';
import { closeQuietly, openWritable, queryRows } from './db.js';
import { createSchema } from './ddl.js';
import { expandInputs, sha256File } from './file-hash.js';
import { loadFile, planFile, type FileOptions, type FileOutcome, type PlannedFile } from './ingest-file.js';
import { overlayLive } from './overlay.js';
import { rebuildRollups, type RollupRebuild } from './rollups.js';
import { currentSnapshotId, snapshotPath } from '../core/snapshot-layout.js';
import { beginSnapshot, pruneSnapshots, publishSnapshot, withIngestLock } from './snapshot.js';
import { logUnderstanding } from './report/log.js';

export interface IngestOptions extends FileOptions {
  dataDir: string;
  /** Published snapshots to keep. */
  keep?: number;
  /** DuckDB memory_limit for the load (e.g. '4GB'); spills to data/tmp beyond it. */
  memoryLimit?: string;
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
}

/**
 * Ingests files and folders into a new snapshot and publishes it. Either every file loads and the new
 * snapshot goes live, or nothing changes: the previous snapshot stays live and intact.
 */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestResult> {
  const files = await expandInputs(inputs);
  if (files.length === 0) throw new Error(`no .csv, .xlsx, .parquet, .json or .ndjson files in ${inputs.join(', ')}`);
  return withIngestLock(options.dataDir, async () => {
    if (!options.dryRun) await pruneSnapshots(options.dataDir, options.keep);
    const hashes = new Map(await Promise.all(files.map(async (f) => [f, await sha256File(f)] as const)));
    const known = await knownHashes(options.dataDir);
    const changed = files.filter((f) => !known.has(hashes.get(f)!));
    const unchanged = files.filter((f) => known.has(hashes.get(f)!));
    for (const file of unchanged) options.onEvent?.({ type: 'unchanged', file });
    const previousId = await currentSnapshotId(options.dataDir);
    if (changed.length === 0) return { snapshotId: null, previousId, files: [], unchanged };

    if (options.dryRun) return { snapshotId: null, previousId, files: await dryRun(changed, hashes, previousId, options), unchanged };
    const { id, tmpPath, baseId } = await beginSnapshot(options.dataDir);
    const { instance, connection } = await openWritable(tmpPath, scratchSettings(options));
    try {
      // Progress is tracked only with the progress bar on; it is read through the connection, never printed.
      await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
      await createSchema(connection);
      const reports = await loadAll(connection, changed, hashes, id, options);
      const rollups = await rebuildRollups(connection, baseId !== null);
      await connection.run('CHECKPOINT');
      closeQuietly(instance, connection);
      await publishSnapshot(options.dataDir, id, tmpPath);
      await pruneSnapshots(options.dataDir, options.keep);
      return { snapshotId: id, previousId, files: reports, unchanged, rollups };
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
 * scratch database laid over the live snapshot (overlay.ts), not a copy of it.
 */
async function dryRun(
  files: string[],
  hashes: Map<string, string>,
  previousId: string | null,
  options: IngestOptions,
): Promise<FileReport[]> {
  await mkdir(`${options.dataDir}/tmp`, { recursive: true });
  const { instance, connection } = await openWritable(':memory:', scratchSettings(options));
  try {
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    await createSchema(connection);
    if (previousId) {
      try {
        await overlayLive(connection, snapshotPath(options.dataDir, previousId));
      } catch {
        // A live snapshot of an older schema: validate in a copy of it, as a real ingest would build.
        closeQuietly(instance, connection);
        return await dryRunInCopy(files, hashes, options);
      }
    }
    return await loadAll(connection, files, hashes, 'dry-run', options);
  } finally {
    closeQuietly(instance, connection);
  }
}

async function dryRunInCopy(files: string[], hashes: Map<string, string>, options: IngestOptions): Promise<FileReport[]> {
  const { tmpPath } = await beginSnapshot(options.dataDir);
  const { instance, connection } = await openWritable(tmpPath, scratchSettings(options));
  try {
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    await createSchema(connection);
    return await loadAll(connection, files, hashes, 'dry-run', options);
  } finally {
    closeQuietly(instance, connection);
    await rm(tmpPath, { force: true });
    await rm(`${tmpPath}.wal`, { force: true });
  }
}

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
