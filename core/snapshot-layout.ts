import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Snapshot layout: data/snapshots/<id>.duckdb are immutable once published; data/current names the live one.
 * A new snapshot is built as <id>.duckdb.tmp beside the live one and published by rename, so a crash at any
 * point leaves the previous snapshot live and intact.
 */
export const snapshotsDir = (dataDir: string): string => join(dataDir, 'snapshots');
export const snapshotPath = (dataDir: string, id: string): string => join(snapshotsDir(dataDir), `${id}.duckdb`);
export const currentFile = (dataDir: string): string => join(dataDir, 'current');

/** A snapshot id as newSnapshotId writes it (20261125T105700123-3f9a). */
const isSnapshotId = (text: string): boolean => /^[0-9T]+-[0-9a-f]+$/.test(text);

/** The live snapshot's id, or null when nothing has been published (or data/current names a missing file). */
export async function currentSnapshotId(dataDir: string): Promise<string | null> {
  let id: string;
  try {
    id = (await readFile(currentFile(dataDir), 'utf8')).trim();
  } catch {
    return null;
  }
  if (!isSnapshotId(id)) return null;
  try {
    await stat(snapshotPath(dataDir, id));
    return id;
  } catch {
    return null;
  }
}

/** The ids of the snapshots in the data directory, newest first (ids sort by time). */
export async function retainedSnapshotIds(dataDir: string): Promise<string[]> {
  const names = await readdir(snapshotsDir(dataDir)).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.duckdb'))
    .map((name) => name.slice(0, -'.duckdb'.length))
    .filter(isSnapshotId)
    .sort()
    .reverse();
}
