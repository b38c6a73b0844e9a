import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { submissionsDir } from '../core/access-layout.js';
import { appendAudit } from '../core/audit-log.js';
import type { Submission } from '../core/submission.js';
import { candidateDir, listSubmissions, stagedFile, writeSubmission } from '../core/submission-store.js';
import { rm } from 'node:fs/promises';
import { buildCandidate } from './submission-candidate.js';
import { publishSubmission } from './submission-publish.js';
import { withPidLock } from './pid-lock.js';

// The ingest worker: publishes approved submissions, oldest approval first, one at a time, each through the normal
// ingest (a new snapshot, published atomically; the server follows it). The server starts it, detached, on each
// approval (SUBMISSION_WORKER=spawn); it may also be run by hand or from a timer:
//   node build/ingest/submission-worker.js --data-dir DIR     (npx tsx ingest/submission-worker.ts in development)
// With --candidate ID it builds that validated submission's embargo preview instead (submission-candidate.ts).
// It drains the queue and exits. One worker per data directory: a second one started meanwhile exits at once, and
// the running one looks at the queue again after letting go of its lock, so no approval waits for the next start.

const worker = { id: null, name: 'ingest worker', role: null };

/** The approved submissions, in the order they were approved. */
async function queue(dataDir: string): Promise<Submission[]> {
  return (await listSubmissions(dataDir))
    .filter((s) => s.status === 'approved')
    .sort((a, b) => (a.decidedAt ?? '').localeCompare(b.decidedAt ?? '') || a.id.localeCompare(b.id));
}

async function publishOne(dataDir: string, submission: Submission, memoryLimit: string | undefined): Promise<void> {
  const outcome = await publishSubmission(stagedFile(dataDir, submission.id, submission.fileName), { dataDir, memoryLimit });
  // The preview's candidate is of no more use once the file is published (or cannot be).
  await rm(candidateDir(dataDir, submission.id), { recursive: true, force: true });
  const now = new Date().toISOString();
  const detail = { dataset: submission.dataset, fileName: submission.fileName, province: submission.province };
  if (outcome.ok) {
    await writeSubmission(dataDir, { ...submission, status: 'published', snapshotId: outcome.snapshotId, publishedAt: now });
    await appendAudit(dataDir, {
      action: 'publication',
      actor: worker,
      target: submission.id,
      detail: { ...detail, snapshotId: outcome.snapshotId, added: outcome.added, replaced: outcome.replaced },
    });
  } else {
    await writeSubmission(dataDir, { ...submission, status: 'publication-failed', reason: outcome.reason });
    await appendAudit(dataDir, {
      action: 'publication-failed',
      actor: worker,
      target: submission.id,
      detail: { ...detail, reason: outcome.reason },
    });
  }
}

/** Publishes every approved submission; returns how many it handled (0 when another worker holds the queue). */
async function drainQueue(dataDir: string, memoryLimit?: string): Promise<number> {
  let handled = 0;
  for (;;) {
    let busy = false;
    const done = await withPidLock(
      join(submissionsDir(dataDir), 'worker.lock'),
      () => 'busy',
      async () => {
        let count = 0;
        for (let next = await queue(dataDir); next.length > 0; next = await queue(dataDir)) {
          await publishOne(dataDir, next[0]!, memoryLimit);
          count++;
        }
        return count;
      },
    ).catch((error: unknown) => {
      if (error instanceof Error && error.message === 'busy') {
        busy = true;
        return 0;
      }
      throw error;
    });
    handled += done;
    // Another worker runs: it looks again after its lock is gone. Else an approval made while this one was
    // finishing would wait: look again now that the lock is given back.
    if (busy || (await queue(dataDir)).length === 0) return handled;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: process.env.TALENT_DATA_DIR ?? './data' },
      'memory-limit': { type: 'string' },
      candidate: { type: 'string' },
    },
  });
  if (values.candidate) {
    await buildCandidate(resolve(values['data-dir']), values.candidate, values['memory-limit']);
    return 0;
  }
  const handled = await drainQueue(resolve(values['data-dir']), values['memory-limit']);
  console.log(`${new Date().toISOString()} submissions published or failed: ${handled}`);
  return 0;
}

process.exitCode = await main();
