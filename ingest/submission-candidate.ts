import { rm, writeFile } from 'node:fs/promises';
import { candidateBase, candidateDir, candidateFailure, candidateLock, readSubmission, stagedFile } from '../core/submission-store.js';
import { withPidLock } from './pid-lock.js';
import { publishSubmission } from './submission-publish.js';
import { linkLiveSnapshot } from './submission-scratch.js';

/**
 * Builds a validated submission's candidate for the embargo preview: the live snapshot with the file ingested, in
 * the submission's own folder (core/submission-store.ts, candidateDir), never published. A build already running
 * for the submission is left to finish.
 */
export async function buildCandidate(dataDir: string, id: string, memoryLimit?: string): Promise<void> {
  const submission = await readSubmission(dataDir, id);
  if (!submission || submission.status !== 'validated') return;
  await withPidLock(
    candidateLock(dataDir, id),
    () => 'busy',
    async () => {
      const dir = candidateDir(dataDir, id);
      await rm(dir, { recursive: true, force: true });
      const live = await linkLiveSnapshot(dataDir, dir);
      const outcome = live
        ? await publishSubmission(stagedFile(dataDir, id, submission.fileName), { dataDir: dir, memoryLimit, lockWaitMs: 0 })
        : { ok: false as const, reason: 'no snapshot is live' };
      if (outcome.ok) await writeFile(candidateBase(dataDir, id), `${live!.id}\n`);
      else await writeFile(candidateFailure(dataDir, id), JSON.stringify({ base: live?.id ?? null, reason: outcome.reason }));
      // Decided while it was being built: no preview is wanted any more.
      if ((await readSubmission(dataDir, id))?.status !== 'validated') await rm(dir, { recursive: true, force: true });
    },
  ).catch((error: unknown) => {
    if (!(error instanceof Error && error.message === 'busy')) throw error;
  });
}
