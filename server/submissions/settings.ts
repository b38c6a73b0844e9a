import { readConfig } from '../config.js';

/** The submission limits (server/config.ts, from the environment; documented in docs/submissions.md). */
export interface SubmissionSettings {
  maxBytes: number;
  perMinute: number;
  checks: number;
  checkTimeoutMs: number;
  checkMemoryMb: number;
  startWorker: boolean;
}

export function submissionSettings(env: NodeJS.ProcessEnv = process.env): SubmissionSettings {
  const config = readConfig(env);
  return {
    maxBytes: config.SUBMISSION_MAX_MB * 1024 * 1024,
    perMinute: config.SUBMISSIONS_PER_MINUTE,
    checks: config.SUBMISSION_CHECKS,
    checkTimeoutMs: config.SUBMISSION_CHECK_SECONDS * 1000,
    checkMemoryMb: config.SUBMISSION_CHECK_MEMORY_MB,
    startWorker: config.SUBMISSION_WORKER === 'spawn',
  };
}
