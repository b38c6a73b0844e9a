import type { Role } from './access.js';

/**
 * A file submitted through the API: staged outside the snapshots, validated by the ingest's own checks, then
 * approved (published by the ingest worker), returned or withdrawn. Types only: the web app imports them.
 */
export const submissionStatuses = ['validated', 'refused', 'approved', 'published', 'publication-failed', 'returned', 'withdrawn'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** One problem of a submitted file: where (row, column), the value as written and why. */
export interface SubmissionProblem {
  /** The file's row (or record) number; null for a problem of the whole file. */
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

/** What the validation found: the ingest's counts and problems, as a dry run against the live snapshot. */
export interface SubmissionReport {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Rows the file would add to the dataset, and rows it would replace (same key), against the live snapshot. */
  added: number;
  replaced: number;
  /** The periods the file's rows cover (months, quarters or years as written by the ingest, e.g. '2026-10'). */
  periods?: string[];
  /** The first problems (the ingest's first 20, rows of another province up to 50; at most 50), by row; problemCount counts all. */
  problems: SubmissionProblem[];
  problemCount: number;
  /** How the file was read (printed like `npm run ingest -- FILE --dry-run`), for report forms above all. */
  understanding?: string;
}

export interface SubmissionActor {
  id: string | null;
  name: string;
  role: Role;
}

export interface Submission {
  id: string;
  /** The dataset the file was read as (null when it could not be told). */
  dataset: string | null;
  fileName: string;
  bytes: number;
  sha256: string;
  status: SubmissionStatus;
  /** The province the submission is for: the submitting official's (null for a planner's own submission). */
  province: string | null;
  submittedBy: SubmissionActor;
  submittedAt: string;
  /** Who approved, returned or withdrew it, and when. */
  decidedBy?: SubmissionActor;
  decidedAt?: string;
  /** Why it was returned or refused, or why its publication failed. */
  reason?: string;
  /** The snapshot that published it. */
  snapshotId?: string;
  publishedAt?: string;
  report: SubmissionReport;
}

/** What the validation child process (ingest/check-cli.ts) prints as JSON for the server. */
export interface SubmissionCheck {
  dataset: string | null;
  report: SubmissionReport;
}
