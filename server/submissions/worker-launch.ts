import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { submissionsDir } from '../../core/access-layout.js';
import { repoRoot } from '../../core/repo-paths.js';
import { childScript } from './child-script.js';

/**
 * Starts the ingest worker (ingest/submission-worker) detached from the server: it publishes the approved
 * submissions (or, given a submission id, builds its preview's candidate) and exits; the server never writes a
 * snapshot. Its output goes to data/submissions/worker.log.
 */
export function startWorker(dataDir: string, memoryLimitMb: number, candidateOf?: string): void {
  const dir = submissionsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const log = openSync(join(dir, 'worker.log'), 'a', 0o600);
  try {
    const child = spawn(
      process.execPath,
      [
        ...childScript('submission-worker'),
        '--data-dir',
        dataDir,
        '--memory-limit',
        `${memoryLimitMb}MB`,
        ...(candidateOf ? ['--candidate', candidateOf] : []),
      ],
      {
        cwd: repoRoot,
        detached: true,
        stdio: ['ignore', log, log],
      },
    );
    child.on('error', (error) =>
      console.error(JSON.stringify({ time: new Date().toISOString(), worker: 'could not start', error: String(error) })),
    );
    child.unref();
  } finally {
    closeSync(log);
  }
}
