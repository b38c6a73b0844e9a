import type { Lease, SnapshotStore } from './snapshot-store.js';
import { HttpProblem } from './problem.js';

/**
 * Runs work on its own connection to the live snapshot. If it outlasts `timeoutMs`, the connection is
 * interrupted (DuckDB has no statement timeout) and the request fails with 503. A streaming export calls
 * disarm() once its first rows arrive: from then on only the client's pace limits it.
 */
export async function withLease<T>(
  store: SnapshotStore,
  timeoutMs: number,
  work: (lease: Lease, disarm: () => void) => Promise<T>,
): Promise<T> {
  const lease = await store.lease();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    lease.connection.interrupt();
  }, timeoutMs);
  try {
    return await work(lease, () => clearTimeout(timer));
  } catch (error) {
    if (timedOut)
      throw new HttpProblem(
        503,
        'Query timed out',
        `the query ran longer than ${timeoutMs} ms and was stopped; narrow the parameters or try again later`,
      );
    throw error;
  } finally {
    clearTimeout(timer);
    lease.release();
  }
}
