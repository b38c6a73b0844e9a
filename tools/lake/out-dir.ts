import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { LakeRefusal } from './refusal.js';

/** A lake being written in a folder beside its destination, moved into place only once it is complete. */
export interface StagedOut {
  /** Where the lake is written meanwhile. */
  dir: string;
  /** Moves the complete lake to its destination (replacing what --overwrite allowed to replace). */
  publish(): Promise<void>;
  /** Removes the partial lake. */
  discard(): Promise<void>;
}

/** Whether `inner` is `outer` or lies below it. */
const contains = (outer: string, inner: string): boolean => {
  const path = relative(outer, inner);
  return path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
};

/**
 * Checks the destination and opens a staging folder beside it (same file system, so publishing is a rename). An
 * existing non-empty destination is refused unless `overwrite`; the data directory is never a destination.
 */
export async function stageOut(out: string, dataDir: string, overwrite: boolean): Promise<StagedOut> {
  const target = resolve(out);
  if (contains(target, resolve(dataDir))) {
    throw new LakeRefusal(`--out ${out} would replace the data directory ${dataDir}: choose a folder outside it`);
  }
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isDirectory()) throw new LakeRefusal(`--out ${out} is a file, not a folder: choose a new or empty folder`);
  if (existing && !overwrite && (await readdir(target)).length > 0) {
    throw new LakeRefusal(`--out ${out} already holds files: choose a new or empty folder, or add --overwrite to replace it`);
  }
  await mkdir(dirname(target), { recursive: true });
  const dir = await mkdtemp(`${dirname(target)}${sep}.${basename(target)}.partial-`);
  return {
    dir,
    async publish() {
      const previous = `${dir}.previous`;
      const hadPrevious = Boolean(await stat(target).catch(() => null));
      if (hadPrevious) await rename(target, previous);
      try {
        await rename(dir, target);
      } catch (error) {
        if (hadPrevious) await rename(previous, target);
        throw error;
      }
      if (hadPrevious) await rm(previous, { recursive: true, force: true });
    },
    discard: () => rm(dir, { recursive: true, force: true }),
  };
}
