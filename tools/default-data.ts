import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { referenceDir, repoRoot } from '../core/repo-paths.js';
import { schemaVersion } from '../core/schema-version.js';
import { currentSnapshotId, snapshotPath } from '../core/snapshot-layout.js';
import { openSnapshot, snapshotInfo } from '../core/snapshot-open.js';
import { ingest } from '../ingest/ingest.js';
import { pruneSnapshots, publishSnapshot } from '../ingest/snapshot.js';
import { generateSample } from './seed/generate.js';
import { defaultOptions, type SeedOptions } from './seed/options.js';

type Say = (line: string) => void;

/** The shipped published national figures (real, each row with its source; data/published/README.md). */
export const publishedDir = join(repoRoot, 'data', 'published');

/**
 * The embedded default: when the data directory has no snapshot yet, generate the synthetic sample and load the
 * shipped reference data, the published national figures and the sample through the normal ingest path. A live
 * snapshot built by an older schema (core/schema-version.ts) is rebuilt when it holds only the synthetic sample
 * (and the shipped published figures), and refused with what to do when it holds ingested data: the catalog's
 * queries would fail on it.
 */
export async function ensureDefaultData(dataDir: string, say: Say = () => {}, seed: Partial<SeedOptions> = {}): Promise<string> {
  const live = await currentSnapshotId(dataDir);
  if (!live) {
    say(`no snapshot in ${dataDir}: building the default database from the shipped reference data and the synthetic sample …`);
    return buildDefault(dataDir, dataDir, say, seed);
  }
  const { version, syntheticOnly } = await describeLive(dataDir, live);
  if (version === schemaVersion) return live;
  if (!syntheticOnly) {
    throw new Error(
      `snapshot ${live} in ${dataDir} holds ingested data and was built by an older version of talent-dashboard ` +
        `(schema ${version}, this version reads schema ${schemaVersion}): ingest your files again into an empty data ` +
        `directory (TALENT_DATA_DIR=<new folder> npm run ingest -- <files>) and serve that one`,
    );
  }
  say(`snapshot ${live} holds the synthetic sample built by an older version (schema ${version}, now ${schemaVersion}): rebuilding it …`);
  // Built in a folder of its own beside the live one, then published into the data directory by rename: the
  // live snapshot stays served until the new one is in place.
  const scratch = await mkdtemp(join(dataDir, 'rebuild-'));
  try {
    const id = await buildDefault(scratch, dataDir, say, seed);
    await publishSnapshot(dataDir, id, snapshotPath(scratch, id));
    await pruneSnapshots(dataDir);
    return id;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function buildDefault(intoDir: string, dataDir: string, say: Say, seed: Partial<SeedOptions>): Promise<string> {
  const started = Date.now();
  const sampleDir = join(dataDir, 'sample');
  await generateSample({ ...defaultOptions, ...seed, outDir: sampleDir, referenceDir });
  const result = await ingest([referenceDir, publishedDir, sampleDir], { dataDir: intoDir });
  for (const file of result.files) say(`  ${file.dataset}: ${file.rowsRead.toLocaleString('en-US')} rows`);
  say(`built snapshot ${result.snapshotId} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.snapshotId!;
}

/** A snapshot's schema version (0 before versions were stamped) and whether every fact row is synthetic. */
async function describeLive(dataDir: string, id: string): Promise<{ version: number; syntheticOnly: boolean }> {
  const instance = await openSnapshot(dataDir, id);
  const connection = await instance.connect();
  try {
    const version = Number((await snapshotInfo(connection)).get('schema_version') ?? 0);
    const other = await connection.runAndReadAll(
      `SELECT count(*) FROM (SELECT source FROM training UNION ALL SELECT source FROM labor_market
         UNION ALL SELECT source FROM competition UNION ALL SELECT source FROM talent_stock) WHERE source <> 'synthetic'`,
    );
    return { version, syntheticOnly: Number(other.getRows()[0]?.[0] ?? 0) === 0 };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
