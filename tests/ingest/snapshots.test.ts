import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../ingest/ingest.js';
import { currentSnapshotId, snapshotsDir } from '../../core/snapshot-layout.js';
import { openSnapshot } from '../../core/snapshot-open.js';
import { fixtureReferenceDir, rowsOf } from '../helpers/fixture-db.js';

const header = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n';
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-snapshots-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Rows of a query on the live snapshot of a data directory (a layered one read through its base). */
async function readLive(dataDir: string, sql: string) {
  const id = (await currentSnapshotId(dataDir))!;
  const instance = await openSnapshot(dataDir, id);
  const connection = await instance.connect();
  const rows = await rowsOf(connection, sql);
  connection.closeSync();
  instance.closeSync();
  return { id, rows };
}

const readTraining = (dataDir: string) =>
  readLive(dataDir, "SELECT strftime(month, '%Y-%m') AS month, region_code, person_times FROM training ORDER BY month, region_code");

/** Beijing's knowledge-renewal person-times over every month, as the province rollup the dashboard reads sums them. */
const provinceTotal = async (dataDir: string): Promise<number> =>
  Number(
    (
      await readLive(
        dataDir,
        "SELECT sum(person_times)::INTEGER AS n FROM rollup_training_province_month WHERE province_code = '110000' AND program_code = 'knowledge_renewal'",
      )
    ).rows[0].n,
  );

describe('snapshots', () => {
  it('re-ingesting an identical file changes nothing', async () => {
    const dataDir = join(root, 'same');
    const file = join(root, 'same.csv');
    await writeFile(file, `${header}2024-01,110100,knowledge_renewal,ai,10,8,0,0\n`);
    const first = await ingest([fixtureReferenceDir, file], { dataDir });
    const again = await ingest([file], { dataDir });
    expect(again.snapshotId).toBeNull();
    expect(again.unchanged).toEqual([file]);
    expect(await currentSnapshotId(dataDir)).toBe(first.snapshotId);
  });

  it('layers small corrections over a whole snapshot, keeps the base of every retained snapshot and only those', async () => {
    const dataDir = join(root, 'layers');
    const files = async () => (await readdir(snapshotsDir(dataDir))).filter((f) => f.endsWith('.duckdb')).length;
    const correction = async (value: number, maxLayerBytes?: number) => {
      const file = join(root, `layers-${value}.csv`);
      await writeFile(file, `${header}2024-02,110100,knowledge_renewal,ai,${value},8,0,0\n`);
      return ingest([file], { dataDir, maxLayerBytes });
    };
    const original = join(root, 'layers.csv');
    await writeFile(original, `${header}2024-01,110100,knowledge_renewal,ai,10,8,0,0\n2024-02,110100,knowledge_renewal,ai,20,8,0,0\n`);
    const first = await ingest([fixtureReferenceDir, original], { dataDir });
    expect(await provinceTotal(dataDir)).toBe(30);
    // A file of no rows (a header only), the first layered over it, changes no figure: the rollups still read 10 + 20.
    const empty = join(root, 'layers-empty.csv');
    await writeFile(empty, header);
    expect((await ingest([empty], { dataDir })).start).toBe('layer');
    expect(await provinceTotal(dataDir)).toBe(30);
    const layered = [await correction(21), await correction(22), await correction(23)];
    expect(layered.map((r) => r.start)).toEqual(['layer', 'layer', 'layer']);
    // Three retained, all layered over the first, which is kept beside them.
    expect(await files()).toBe(4);
    expect(existsSync(join(snapshotsDir(dataDir), `${first.snapshotId}.duckdb`))).toBe(true);
    expect((await readTraining(dataDir)).rows.map((r) => r.person_times)).toEqual([10, 23]);
    expect(await provinceTotal(dataDir)).toBe(33);

    const whole = await correction(24, 0);
    expect(whole.start).toBe('materialise');
    expect(await provinceTotal(dataDir)).toBe(34);
    expect((await readTraining(dataDir)).rows.map((r) => r.person_times)).toEqual([10, 24]);
    // The two newest layered ones still read the first.
    expect(existsSync(join(snapshotsDir(dataDir), `${first.snapshotId}.duckdb`))).toBe(true);
    const after = [await correction(25), await correction(26)];
    expect(after.map((r) => r.start)).toEqual(['layer', 'layer']);
    // Now the whole one is the base of both others; nothing reads the first any more.
    expect(existsSync(join(snapshotsDir(dataDir), `${first.snapshotId}.duckdb`))).toBe(false);
    expect(await files()).toBe(3);
    expect(await provinceTotal(dataDir)).toBe(36);
    expect((await readTraining(dataDir)).rows.map((r) => r.person_times)).toEqual([10, 26]);
  });

  it('a corrected file replaces the rows of the keys it covers and says how many it added, replaced and left', async () => {
    const dataDir = join(root, 'upsert');
    const original = join(root, 'original.csv');
    await writeFile(
      original,
      `${header}2024-01,110100,knowledge_renewal,ai,10,8,0,0\n2024-02,110100,knowledge_renewal,ai,20,8,0,0\n2024-03,440100,knowledge_renewal,ai,30,8,0,0\n`,
    );
    await ingest([fixtureReferenceDir, original], { dataDir });
    // Corrects February, adds April; January and March are not in the file.
    const corrected = join(root, 'corrected.csv');
    await writeFile(corrected, `${header}2024-02,110100,knowledge_renewal,ai,25,8,0,0\n2024-04,440100,knowledge_renewal,ai,40,8,0,0\n`);
    const result = await ingest([corrected], { dataDir });
    expect(result.files[0]).toMatchObject({ added: 1, replaced: 1, left: 2 });
    const { rows } = await readTraining(dataDir);
    expect(rows).toEqual([
      { month: '2024-01', region_code: '110100', person_times: 10 },
      { month: '2024-02', region_code: '110100', person_times: 25 },
      { month: '2024-03', region_code: '440100', person_times: 30 },
      { month: '2024-04', region_code: '440100', person_times: 40 },
    ]);
  });

  it('keeps the previous snapshot live and intact when the ingest process is killed mid-load', async () => {
    const dataDir = join(root, 'killed');
    const small = join(root, 'small.csv');
    await writeFile(small, `${header}2024-01,110100,knowledge_renewal,ai,10,8,0,0\n`);
    const before = (await ingest([fixtureReferenceDir, small], { dataDir })).snapshotId!;

    // A file large enough that loading it takes seconds: 4 million rows.
    const big = join(root, 'big.csv');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT '2024-' || lpad((i % 12 + 1)::VARCHAR, 2, '0') AS month, '440100' AS region_code, 'knowledge_renewal' AS program_code,
        'ai' AS field_code, i AS person_times, 1 AS participants, 0 AS certificates, 1.5 AS funding_cny FROM range(4000000) t(i)) TO '${big}' (HEADER)`);
    connection.closeSync();
    instance.closeSync();

    for (const delayMs of [300, 1500]) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', big, '--data-dir', dataDir], { stdio: 'ignore' });
      // Wait until the new snapshot is being written, then kill without warning.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && !(await readdir(snapshotsDir(dataDir))).some((n) => n.endsWith('.tmp')))
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      const [, signal] = (await new Promise((r) => child.once('exit', (...args) => r(args)))) as [number | null, string | null];
      expect(signal, 'the ingest was still running when killed').toBe('SIGKILL');
      expect(await currentSnapshotId(dataDir)).toBe(before);
      const { rows } = await readTraining(dataDir);
      expect(rows).toEqual([{ month: '2024-01', region_code: '110100', person_times: 10 }]);
    }

    // The next ingest takes over the dead process's lock, clears its leftovers and publishes.
    const next = join(root, 'next.csv');
    await writeFile(next, `${header}2024-02,110100,knowledge_renewal,ai,5,5,0,0\n`);
    const result = await ingest([next], { dataDir });
    expect(result.snapshotId).not.toBe(before);
    const names = await readdir(snapshotsDir(dataDir));
    expect(names.filter((n) => n.includes('.tmp'))).toEqual([]);
    expect(existsSync(join(dataDir, 'ingest.lock'))).toBe(false);
    expect((await readTraining(dataDir)).rows).toHaveLength(2);
  }, 120_000);
});
