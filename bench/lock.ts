import { join } from 'node:path';
import { withPidLock } from '../ingest/pid-lock.js';

/**
 * One benchmark at a time per data folder: two runs would rebuild each other's scratch directories, and
 * each would measure the other's load. A lock left by a dead run is taken over.
 */
export function withBenchLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  return withPidLock(
    join(root, 'bench.lock'),
    (pid) => `another benchmark (pid ${pid}) is running on ${root}; wait for it to finish`,
    work,
  );
}
