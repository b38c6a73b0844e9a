import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../ingest/ingest.js';
import { snapshotPath } from '../../core/snapshot-layout.js';

export const fixtureReferenceDir = fileURLToPath(new URL('../fixtures/reference', import.meta.url));

export interface FixtureDb {
  dataDir: string;
  snapshotId: string;
  path: string;
  connection: DuckDBConnection;
  close(): Promise<void>;
}

/**
 * Builds a real snapshot through the ingest path from the fixture reference files plus the given fact
 * files (name → CSV text), and opens it read-only.
 */
export async function buildFixtureDb(facts: Record<string, string> = {}, referenceDir = fixtureReferenceDir): Promise<FixtureDb> {
  const root = await mkdtemp(join(tmpdir(), 'talent-fixture-'));
  const factsDir = join(root, 'facts');
  await mkdir(factsDir);
  for (const [name, text] of Object.entries(facts)) await writeFile(join(factsDir, name), text);
  const dataDir = join(root, 'data');
  const inputs = Object.keys(facts).length ? [referenceDir, factsDir] : [referenceDir];
  const result = await ingest(inputs, { dataDir, memoryLimit: '1GB' });
  const snapshotId = result.snapshotId!;
  const path = snapshotPath(dataDir, snapshotId);
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  return {
    dataDir,
    snapshotId,
    path,
    connection,
    async close() {
      connection.closeSync();
      instance.closeSync();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Rows of a DuckDB result as plain objects with numbers (BIGINT → number) for easy comparison. */
export async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map(plain);
}

export function plain(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
}
