import type { Response } from 'express';
import { spawn } from 'node:child_process';
import { repoRoot } from '../../core/repo-paths.js';
import type { SubmissionCheck } from '../../core/submission.js';
import { HttpProblem } from '../problem.js';
import { childScript } from './child-script.js';

export interface CheckLimits {
  /** Validations at once. */
  concurrency: number;
  timeoutMs: number;
  memoryMb: number;
}

export interface CheckRequest {
  file: string;
  dataDir: string;
  scratchDir: string;
  dataset?: string;
  encoding?: string;
  province?: string;
}

/** The validation did not finish: said in our words, for the submitter. */
export class CheckFailed extends Error {}

/** At most `concurrency` validations at once; one more is refused (503) rather than queued. */
export class CheckSlots {
  private running = 0;
  constructor(readonly limits: CheckLimits) {}

  /** Takes a slot, or throws 503 (Retry-After set on res) when all are taken. Call the returned function to give it back. */
  take(res: Response): () => void {
    if (this.running >= this.limits.concurrency) {
      res.set('Retry-After', '10');
      throw new HttpProblem(
        503,
        'Validations busy',
        `${this.limits.concurrency} files are being validated (SUBMISSION_CHECKS); retry after the time in the Retry-After header`,
      );
    }
    this.running++;
    let given = false;
    return () => {
      if (!given) this.running--;
      given = true;
    };
  }
}

const maxOutput = 4 * 1024 * 1024;

/**
 * Validates a staged file in a child process (ingest/check-cli): a file that is hostile, huge or slow costs that
 * process, bounded by a time limit and a memory limit (DuckDB's memory_limit and the JavaScript heap), never the server.
 */
export function runCheck(request: CheckRequest, limits: CheckLimits): Promise<SubmissionCheck> {
  const args = [
    `--max-old-space-size=${limits.memoryMb}`,
    ...childScript('check-cli'),
    request.file,
    '--data-dir',
    request.dataDir,
    '--scratch',
    request.scratchDir,
    '--memory-limit',
    `${limits.memoryMb}MB`,
    ...(request.dataset ? ['--dataset', request.dataset] : []),
    ...(request.encoding ? ['--encoding', request.encoding] : []),
    ...(request.province ? ['--province', request.province] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      if (stdout.length < maxOutput) stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      if (stderr.length < 64 * 1024) stderr += text;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new CheckFailed(`the validation did not finish within ${limits.timeoutMs / 1000} s (SUBMISSION_CHECK_SECONDS); split the file`),
        );
        return;
      }
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code ?? signal}`);
        resolve(JSON.parse(line) as SubmissionCheck);
      } catch {
        // The child's own words go to the server log only: they may name paths and engine internals.
        console.error(JSON.stringify({ time: new Date().toISOString(), check: request.file, code, signal, stderr: stderr.slice(-4000) }));
        reject(
          new CheckFailed(
            `the validation stopped before it finished (a damaged file, or one needing more than the ${limits.memoryMb} MB a validation may use: SUBMISSION_CHECK_MEMORY_MB)`,
          ),
        );
      }
    });
  });
}
