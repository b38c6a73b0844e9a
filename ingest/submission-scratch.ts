import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import { currentFile, currentSnapshotId, snapshotPath, snapshotsDir } from '../core/snapshot-layout.js';

/**
 * Makes dir a data directory whose live snapshot is the live snapshot of dataDir, linked in (a published snapshot
 * never changes; a copy where a link cannot be made). An ingest there sees what is live without taking the live
 * directory's ingest lock or writing beside it. Returns the linked snapshot's path, or null when nothing is live.
 */
export async function linkLiveSnapshot(dataDir: string, dir: string): Promise<{ id: string; path: string } | null> {
  await mkdir(snapshotsDir(dir), { recursive: true });
  const live = await currentSnapshotId(dataDir);
  if (!live) return null;
  const target = snapshotPath(dir, live);
  await link(snapshotPath(dataDir, live), target).catch(() => copyFile(snapshotPath(dataDir, live), target));
  await writeFile(currentFile(dir), `${live}\n`);
  return { id: live, path: target };
}
