import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { submissionsDir } from './access-layout.js';
import type { Submission } from './submission.js';

/**
 * Where a submission lives, beside the snapshots and never inside one: data/submissions/<id>/submission.json
 * (its record, rewritten whole by write-temp-and-rename) and data/submissions/<id>/file/<name> (the staged file,
 * kept under its own name, which the ingest records as the rows' source).
 */
export const submissionDir = (dataDir: string, id: string): string => join(submissionsDir(dataDir), id);
export const submissionRecord = (dataDir: string, id: string): string => join(submissionDir(dataDir, id), 'submission.json');
export const stagedFileDir = (dataDir: string, id: string): string => join(submissionDir(dataDir, id), 'file');
export const stagedFile = (dataDir: string, id: string, fileName: string): string => join(stagedFileDir(dataDir, id), fileName);

/**
 * A candidate for the embargo preview: a data directory of its own (snapshots/, current) holding the live snapshot
 * with the submission ingested, built by the ingest worker and never published. `base` names the live snapshot it
 * was built on (written last: the candidate is complete); `failed` says why a build failed.
 */
export const candidateDir = (dataDir: string, id: string): string => join(submissionDir(dataDir, id), 'candidate');
export const candidateBase = (dataDir: string, id: string): string => join(candidateDir(dataDir, id), 'base');
export const candidateFailure = (dataDir: string, id: string): string => join(candidateDir(dataDir, id), 'failed.json');
export const candidateLock = (dataDir: string, id: string): string => join(submissionDir(dataDir, id), 'candidate.lock');

/** Sortable and unique: 20261130T062500123-3f9a1c (the time it was received, then chance). */
export function newSubmissionId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '').replace('Z', '');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export const isSubmissionId = (text: string): boolean => /^[0-9]{8}T[0-9]{9}-[0-9a-f]{6}$/.test(text);

/** Writes a submission's record whole: a reader sees the old record or the new one, never a part. */
export async function writeSubmission(dataDir: string, submission: Submission): Promise<void> {
  const file = submissionRecord(dataDir, submission.id);
  await mkdir(submissionDir(dataDir, submission.id), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(submission, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
}

/** A submission's record, or null when there is none (or the id is not one). */
export async function readSubmission(dataDir: string, id: string): Promise<Submission | null> {
  if (!isSubmissionId(id)) return null;
  try {
    return JSON.parse(await readFile(submissionRecord(dataDir, id), 'utf8')) as Submission;
  } catch {
    return null;
  }
}

/** Every submission with a record, oldest first (ids sort by the time received). */
export async function listSubmissions(dataDir: string): Promise<Submission[]> {
  const ids = (await readdir(submissionsDir(dataDir)).catch(() => [] as string[])).filter(isSubmissionId).sort();
  const records = await Promise.all(ids.map((id) => readSubmission(dataDir, id)));
  return records.filter((s): s is Submission => s !== null);
}
