import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { referenceDir, repoRoot } from '../core/repo-paths.js';

const coreDir = join(repoRoot, 'core');
const ingestDir = join(repoRoot, 'ingest');
const seedDir = join(repoRoot, 'tools', 'seed');

/** sha256 over the code (.ts, .sql) and reference files (.csv) under some folders. */
async function fingerprint(dirs: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const dir of dirs) files.push(...(await readdir(dir, { recursive: true })).map((f) => join(dir, f)));
  for (const file of files.filter((f) => /\.(ts|sql|csv)$/.test(f)).sort()) hash.update(file).update(await readFile(file));
  return hash.digest('hex');
}

/** What generated files depend on: the generator and the reference data. */
export const seedFingerprint = (): Promise<string> => fingerprint([coreDir, seedDir, referenceDir]);

/** What an ingested snapshot depends on: the dataset declarations (core/), the writer (ingest/), the generator and the reference data. */
export const ingestFingerprint = (): Promise<string> => fingerprint([coreDir, ingestDir, seedDir, referenceDir]);

/**
 * A marker beside a folder (never inside it: ingest would take a .json inside for a dataset) saying what
 * made it, so that output of other code or another scale is rebuilt instead of reused.
 */
const markerOf = (dir: string): string => `${dir}.complete.json`;

export async function markerMatches(dir: string, expected: Record<string, string | number>): Promise<boolean> {
  if (!existsSync(markerOf(dir)) || !existsSync(dir)) return false;
  const marker = JSON.parse(await readFile(markerOf(dir), 'utf8')) as Record<string, unknown>;
  return Object.entries(expected).every(([key, value]) => marker[key] === value);
}

export async function writeMarker(dir: string, content: Record<string, unknown>): Promise<void> {
  await writeFile(markerOf(dir), JSON.stringify({ ...content, finished: new Date().toISOString() }));
}

export const removeMarker = (dir: string): Promise<void> => rm(markerOf(dir), { force: true });
