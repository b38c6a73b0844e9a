import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import { currentFile, currentSnapshotId, snapshotPath, snapshotsDir } from '../core/snapshot-layout.js';
import { baseOfSnapshot } from './snapshot.js';

/**
 * Makes dir a data directory whose live snapshot is the live snapshot of dataDir, linked in with its base when it
 * is layered (a published snapshot never changes; a copy where a link cannot be made). An ingest there sees what is live without taking the live
 * directory's ingest lock or writing beside it. Returns the linked snapshot's path, or null when nothing is live.
 */
export async function linkLiveSnapshot(dataDir: string, dir: string): Promise<{ id: string; path: string } | null> {
  await mkdir(snapshotsDir(dir), { recursive: true });
  const live = await currentSnapshotId(dataDir);
  if (!live) return null;
  const target = snapshotPath(dir, live);
  const base = await baseOfSnapshot(snapshotPath(dataDir, live));
  for (const id of base ? [live, base] : [live]) {
    await link(snapshotPath(dataDir, id), snapshotPath(dir, id)).catch(() => copyFile(snapshotPath(dataDir, id), snapshotPath(dir, id)));
  }
  await writeFile(currentFile(dir), `${live}\n`);
  return { id: live, path: target };
}
