import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentSnapshotId, snapshotPath, snapshotsDir } from '../../core/snapshot-layout.js';
import { ingest } from '../../ingest/ingest.js';
import { fixtureReferenceDir } from '../helpers/fixture-db.js';

// A dry run loads into a snapshot layered over the live one (ingest/layers.ts), copying nothing large: what it reports must be what
// the same files ingested for real report, and it must leave the data directory as it was.

const header = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n';
let root: string;
let original: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-dry-run-'));
  original = join(root, 'original.csv');
  await writeFile(
    original,
    `${header}2024-01,110100,knowledge_renewal,ai,10,8,0,0\n2024-02,110100,knowledge_renewal,ai,20,8,0,0\n2024-03,440100,knowledge_renewal,ai,30,8,0,0\n`,
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function withLive(name: string): Promise<string> {
  const dataDir = join(root, name);
  await ingest([fixtureReferenceDir, original], { dataDir });
  return dataDir;
}

const counts = (files: { added: number; replaced: number; left: number; accepted: number }[]) =>
  files.map(({ added, replaced, left, accepted }) => ({ added, replaced, left, accepted }));

describe('ingest --dry-run', () => {
  it('reports what the same files would add and replace, file after file, and changes nothing', async () => {
    // February corrected and April added; then a second file replaces the April row the first one adds.
    const first = join(root, 'first.csv');
    await writeFile(first, `${header}2024-02,110100,knowledge_renewal,ai,25,8,0,0\n2024-04,440100,knowledge_renewal,ai,40,8,0,0\n`);
    const second = join(root, 'second.csv');
    await writeFile(second, `${header}2024-04,440100,knowledge_renewal,ai,41,8,0,0\n2024-05,440100,knowledge_renewal,ai,50,8,0,0\n`);

    const dryDir = await withLive('dry');
    const live = await currentSnapshotId(dryDir);
    const before = (await readdir(snapshotsDir(dryDir))).sort();
    const dry = await ingest([first, second], { dataDir: dryDir, dryRun: true });
    expect(dry.snapshotId).toBeNull();
    expect(await currentSnapshotId(dryDir)).toBe(live);
    expect((await readdir(snapshotsDir(dryDir))).sort()).toEqual(before);

    const realDir = await withLive('real');
    const real = await ingest([first, second], { dataDir: realDir });
    // Worked by hand: 3 rows live; the first file replaces February and adds April (left: January, March); the
    // second replaces April and adds May (left: January, February, March).
    const expected = [
      { accepted: 2, added: 1, replaced: 1, left: 2 },
      { accepted: 2, added: 1, replaced: 1, left: 3 },
    ];
    expect(counts(real.files)).toEqual(expected);
    expect(counts(dry.files)).toEqual(expected);
  });

  it('checks references against reference rows loaded in the same run', async () => {
    const dataDir = await withLive('references');
    const field = join(root, 'field.csv');
    await writeFile(field, 'field_code,name_zh,name_en\nrobotics,机器人,Robotics\n');
    const facts = join(root, 'robotics.csv');
    await writeFile(facts, `${header}2024-01,110100,knowledge_renewal,robotics,5,5,0,0\n`);
    const alone = ingest([facts], { dataDir, dryRun: true });
    await expect(alone).rejects.toThrow();
    const together = await ingest([field, facts], { dataDir, dryRun: true });
    expect(counts(together.files)).toEqual([
      { accepted: 1, added: 1, replaced: 0, left: 2 },
      { accepted: 1, added: 1, replaced: 0, left: 3 },
    ]);
  });

  it('validates in a copy when the live snapshot was built by an older schema (a table missing)', async () => {
    const dataDir = await withLive('older');
    const live = (await currentSnapshotId(dataDir))!;
    const instance = await DuckDBInstance.create(snapshotPath(dataDir, live));
    const connection = await instance.connect();
    await connection.run('DROP TABLE published');
    connection.closeSync();
    instance.closeSync();
    const file = join(root, 'older.csv');
    await writeFile(file, `${header}2024-02,110100,knowledge_renewal,ai,26,8,0,0\n`);
    const dry = await ingest([file], { dataDir, dryRun: true });
    expect(counts(dry.files)).toEqual([{ accepted: 1, added: 0, replaced: 1, left: 2 }]);
    expect((await readdir(snapshotsDir(dataDir))).sort()).toEqual([`${live}.duckdb`]);
  });
});
