import { constants } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs work while holding an exclusive lock file that records the owner's pid. A lock left behind by a
 * dead process (killed mid-run) is taken over; a live owner makes this fail at once with busy(pid).
 */
export async function withPidLock<T>(lockPath: string, busy: (ownerPid: string) => string, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(lockPath), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (attempt === 0 && !isAlive(owner)) {
        await rm(lockPath, { force: true });
        continue;
      }
      throw new Error(busy(owner ? String(owner) : 'unknown'), { cause: error });
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}
