import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { currentFile, currentSnapshotId, snapshotPath, snapshotsDir } from '../core/snapshot-layout.js';
import { withPidLock } from './pid-lock.js';

// The writer's half of the snapshot layout (core/snapshot-layout.ts): build beside the live file, publish by rename.

/** Sortable, unique: 20261125T105700123-3f9a. */
function newSnapshotId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '').replace('Z', '');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Starts a new snapshot: a copy of the live one (or an empty file) at <id>.duckdb.tmp. */
export async function beginSnapshot(dataDir: string): Promise<{ id: string; tmpPath: string; baseId: string | null }> {
  await mkdir(snapshotsDir(dataDir), { recursive: true });
  const baseId = await currentSnapshotId(dataDir);
  const id = newSnapshotId();
  const tmpPath = `${snapshotPath(dataDir, id)}.tmp`;
  if (baseId) await copyFile(snapshotPath(dataDir, baseId), tmpPath);
  return { id, tmpPath, baseId };
}

/** Publishes a finished snapshot: rename into place, then point data/current at it (write-temp-and-rename). */
export async function publishSnapshot(dataDir: string, id: string, tmpPath: string): Promise<void> {
  await rename(tmpPath, snapshotPath(dataDir, id));
  const pointer = `${currentFile(dataDir)}.${process.pid}.tmp`;
  await writeFile(pointer, `${id}\n`);
  await rename(pointer, currentFile(dataDir));
}

/** Removes all but the newest `keep` published snapshots (never the live one) and leftovers of dead ingests. */
export async function pruneSnapshots(dataDir: string, keep = 3): Promise<string[]> {
  const live = await currentSnapshotId(dataDir);
  const names = await readdir(snapshotsDir(dataDir)).catch(() => [] as string[]);
  const published = names
    .filter((n) => n.endsWith('.duckdb'))
    .sort()
    .reverse();
  const stale = [
    ...published.slice(keep).filter((n) => n !== `${live}.duckdb`),
    ...names.filter((n) => n.endsWith('.duckdb.tmp') || n.endsWith('.duckdb.tmp.wal')),
  ];
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
