import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../core/repo-paths.js';
import { schemaSources, schemaVersion } from '../../core/schema-version.js';
import { currentSnapshotId, snapshotPath } from '../../core/snapshot-layout.js';
import { ingest } from '../../ingest/ingest.js';
import { ensureDefaultData } from '../../tools/default-data.js';
import { regionProfileFacts } from '../fixtures/region-profile/facts.js';

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});
const scratch = async () => {
  const root = await mkdtemp(join(tmpdir(), 'talent-schema-'));
  roots.push(root);
  return root;
};

/** Opens a snapshot file for writing, as an older version of the code would have left it. */
async function stamp(path: string, sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
}

async function versionOf(path: string): Promise<string> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const value = String((await connection.runAndReadAll("SELECT value FROM snapshot_info WHERE key = 'schema_version'")).getRows()[0][0]);
  connection.closeSync();
  instance.closeSync();
  return value;
}

describe('the snapshot schema version', () => {
  it('is bumped whenever the rollups or a dataset declaration change', async () => {
    const hash = createHash('sha256');
    const declarations = (await readdir(join(repoRoot, 'core/datasets'))).filter((f) => f.endsWith('.ts')).sort();
    for (const file of ['ingest/rollups.sql', ...declarations.map((f) => `core/datasets/${f}`)]) {
      hash.update(await readFile(join(repoRoot, file)));
    }
    // On a mismatch: bump schemaVersion in core/schema-version.ts and set schemaSources to this hash.
    expect(hash.digest('hex'), 'core/schema-version.ts: bump schemaVersion and update schemaSources').toBe(schemaSources);
  });

  it('rebuilds the embedded default built by an older schema, and publishes the new one', { timeout: 120_000 }, async () => {
    const dataDir = join(await scratch(), 'data');
    const first = await ensureDefaultData(dataDir, () => {}, { scale: 0.05 });
    expect(await versionOf(snapshotPath(dataDir, first))).toBe(String(schemaVersion));
    expect(await ensureDefaultData(dataDir, () => {}, { scale: 0.05 })).toBe(first); // current: left alone

    await stamp(snapshotPath(dataDir, first), 'DROP TABLE snapshot_info'); // as built before versions were stamped
    const said: string[] = [];
    const rebuilt = await ensureDefaultData(dataDir, (line) => said.push(line), { scale: 0.05 });
    expect(rebuilt).not.toBe(first);
    expect(await currentSnapshotId(dataDir)).toBe(rebuilt);
    expect(await versionOf(snapshotPath(dataDir, rebuilt))).toBe(String(schemaVersion));
    expect(said[0]).toMatch(/older version \(schema 0, now \d+\): rebuilding/);

    // A correction layered over it (its facts read through the rebuilt one): current too, left alone.
    const fix = join(dataDir, '..', 'fix.csv');
    await writeFile(
      fix,
      'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n2024-01,110000,vocational_training,ai,7,7,0,0\n',
    );
    const corrected = await ingest([fix], { dataDir });
    expect(corrected.start).toBe('layer');
    expect(await ensureDefaultData(dataDir, () => {}, { scale: 0.05 })).toBe(corrected.snapshotId);
    expect(await currentSnapshotId(dataDir)).toBe(corrected.snapshotId);
  });

  it('refuses a snapshot of ingested data built by an older schema, saying what to do', async () => {
    const root = await scratch();
    const facts = join(root, 'facts');
    await mkdir(facts);
    for (const [name, text] of Object.entries(regionProfileFacts)) await writeFile(join(facts, name), text);
    const dataDir = join(root, 'data');
    const reference = fileURLToPath(new URL('../fixtures/region-profile/reference', import.meta.url));
    const { snapshotId } = await ingest([reference, facts], { dataDir });
    await stamp(snapshotPath(dataDir, snapshotId!), "UPDATE snapshot_info SET value = '1'");
    await expect(ensureDefaultData(dataDir)).rejects.toThrow(
      /holds ingested data and was built by an older version of talent-dashboard \(schema 1, this version reads schema \d+\): ingest your files again/,
    );
    expect(await currentSnapshotId(dataDir)).toBe(snapshotId); // nothing replaced
  });
});
