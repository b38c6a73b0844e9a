import { DuckDBInstance } from '@duckdb/node-api';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { schemaVersion } from '../core/schema-version.js';
import { snapshotInfo } from '../core/snapshot-open.js';
import { currentFile, currentSnapshotId, snapshotPath, snapshotsDir } from '../core/snapshot-layout.js';
import { withPidLock } from './pid-lock.js';

// The writer's half of the snapshot layout (core/snapshot-layout.ts): build beside the live file, publish by rename.

/** Sortable, unique: 20261125T105700123-3f9a. */
function newSnapshotId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '').replace('Z', '');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/**
 * How a new snapshot starts from the live one:
 * - `empty`: nothing is live;
 * - `copy`: a copy of the live whole snapshot (a change too large to layer, or a live snapshot of another schema
 *   version, whose rollups are then all rebuilt);
 * - `layer`: a small file layered over a whole snapshot, its base (ingest/layers.ts): a new one over a whole
 *   live snapshot, or a copy of a layered live snapshot's own file over the same base;
 * - `materialise`: a layered live snapshot written whole (when its layers, with the change, grow too large, or it
 *   was built by another schema version).
 */
export type SnapshotStart =
  { kind: 'empty' } | { kind: 'copy' } | { kind: 'layer'; baseId: string; copied: boolean } | { kind: 'materialise'; liveId: string };

/**
 * A snapshot stays layered while its own file and the files loaded into it stay under this share of its base's
 * size (or LAYER_FLOOR, whichever is more); beyond it the ingest writes a whole snapshot, which later ones are
 * layered over. The share bounds what the layers add to every read; the floor keeps small data layered, where a
 * whole snapshot costs little but its fixed size would exceed the share.
 */
export const LAYER_LIMIT = 0.1;
export const LAYER_FLOOR = 8 * 1024 * 1024;

/** What the live snapshot is built on: its base (null when whole) and its schema version. */
async function describe(path: string): Promise<{ base: string | null; schema: string | null }> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const info = await snapshotInfo(connection);
    return { base: info.get('base') ?? null, schema: info.get('schema_version') ?? null };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The base a published snapshot file is layered over, or null when it is whole. */
export const baseOfSnapshot = async (path: string): Promise<string | null> => (await describe(path)).base;

const sizeOf = async (path: string): Promise<number> => (await stat(path)).size;

/**
 * Starts a new snapshot at <id>.duckdb.tmp, for `incomingBytes` of files, from the live one (see SnapshotStart);
 * `layerAlways` layers it whatever its size (a dry run, never published); `maxLayerBytes` replaces the limit.
 */
export async function beginSnapshot(
  dataDir: string,
  incomingBytes = 0,
  { layerAlways = false, maxLayerBytes }: { layerAlways?: boolean; maxLayerBytes?: number } = {},
): Promise<{ id: string; tmpPath: string; start: SnapshotStart }> {
  await mkdir(snapshotsDir(dataDir), { recursive: true });
  const liveId = await currentSnapshotId(dataDir);
  const id = newSnapshotId();
  const tmpPath = `${snapshotPath(dataDir, id)}.tmp`;
  if (!liveId) return { id, tmpPath, start: { kind: 'empty' } };
  const livePath = snapshotPath(dataDir, liveId);
  const live = await describe(livePath);
  const under = live.base ?? liveId;
  const own = live.base ? await sizeOf(livePath) : 0;
  const limit = maxLayerBytes ?? Math.max(LAYER_LIMIT * (await sizeOf(snapshotPath(dataDir, under))), LAYER_FLOOR);
  const tooLarge = !layerAlways && own + incomingBytes > limit;
  // A snapshot of another schema version is not layered over: its rollups are all rebuilt (rollups.ts).
  if (tooLarge || live.schema !== String(schemaVersion)) {
    if (live.base) return { id, tmpPath, start: { kind: 'materialise', liveId } };
    await copyFile(livePath, tmpPath);
    return { id, tmpPath, start: { kind: 'copy' } };
  }
  if (live.base) await copyFile(livePath, tmpPath);
  return { id, tmpPath, start: { kind: 'layer', baseId: under, copied: live.base !== null } };
}

/** Publishes a finished snapshot: rename into place, then point data/current at it (write-temp-and-rename). */
export async function publishSnapshot(dataDir: string, id: string, tmpPath: string): Promise<void> {
  await rename(tmpPath, snapshotPath(dataDir, id));
  const pointer = `${currentFile(dataDir)}.${process.pid}.tmp`;
  await writeFile(pointer, `${id}\n`);
  await rename(pointer, currentFile(dataDir));
}

const isLeftover = (name: string): boolean => name.endsWith('.duckdb.tmp') || name.endsWith('.duckdb.tmp.wal');

/** Removes what dead ingests left (unpublished files), before an ingest builds beside them. */
export async function removeLeftovers(dataDir: string): Promise<void> {
  const names = await readdir(snapshotsDir(dataDir)).catch(() => [] as string[]);
  for (const name of names.filter(isLeftover)) await rm(join(snapshotsDir(dataDir), name), { force: true });
}

/**
 * Removes all but the newest `keep` published snapshots (never the live one, nor the base of one kept) and
 * leftovers of dead ingests.
 */
export async function pruneSnapshots(dataDir: string, keep = 3): Promise<string[]> {
  const live = await currentSnapshotId(dataDir);
  const names = await readdir(snapshotsDir(dataDir)).catch(() => [] as string[]);
  const published = names
    .filter((n) => n.endsWith('.duckdb'))
    .sort()
    .reverse();
  const kept = new Set([...published.slice(0, keep), ...(live ? [`${live}.duckdb`] : [])]);
  for (const name of [...kept]) {
    const described = await describe(join(snapshotsDir(dataDir), name)).catch(() => null);
    // A kept snapshot that cannot be read now may still be layered: delete nothing rather than perhaps its base.
    if (!described) return [];
    if (described.base) kept.add(`${described.base}.duckdb`);
  }
  const stale = [...published.filter((n) => !kept.has(n)), ...names.filter(isLeftover)];
  for (const name of stale) await rm(join(snapshotsDir(dataDir), name), { force: true });
  return stale;
}

/** One ingest at a time per data directory; a lock left by a killed ingest is taken over. */
export function withIngestLock<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  return withPidLock(
    join(dataDir, 'ingest.lock'),
    (pid) => `another ingest (pid ${pid}) is writing to ${dataDir}; try again when it has finished`,
    work,
  );
}
