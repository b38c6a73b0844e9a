import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSnapshotId, snapshotPath, snapshotsDir } from '../../core/snapshot-layout.js';
import { ingest } from '../../ingest/ingest.js';
import { fixtureReferenceDir } from '../helpers/fixture-db.js';

// A full disk, simulated with the shell's file-size limit (ulimit -f) on the ingest process: with SIGXFSZ ignored,
// a write past the limit fails as a full disk's would (EFBIG instead of ENOSPC). Three points: a snapshot layered
// over the live one fails as its file grows (a limit of 64 kB); and a whole one (--whole) fails as the live
// snapshot is copied (the limit below its size), or as rows load into the copy (the limit just above it).
const header = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-full-disk-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

function ingestLimited(file: string, dataDir: string, limitKb: number, whole = false): Promise<{ code: number | null; stderr: string }> {
  const script = `trap '' XFSZ; ulimit -f ${limitKb}; exec "${process.execPath}" --import tsx ingest/cli.ts "${file}" --data-dir "${dataDir}"${whole ? ' --whole' : ''}`;
  const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('a full disk during an ingest', () => {
  it('publishes nothing, leaves the live snapshot whole and no leftovers, and says so in our words', async () => {
    const dataDir = join(root, 'data');
    const small = join(root, 'small.csv');
    await writeFile(small, `${header}2024-01,110100,knowledge_renewal,ai,10,8,0,0\n`);
    const live = (await ingest([fixtureReferenceDir, small], { dataDir })).snapshotId!;
    const liveKb = Math.ceil((await stat(snapshotPath(dataDir, live))).size / 1024);

    // 8,064 new rows: 24 years of months × every training programme, field and mainland region of the reference.
    const more = join(root, 'more.csv');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (
      SELECT strftime(m, '%Y-%m') AS month, r.region_code, p.program_code, f.field_code,
             10 AS person_times, 8 AS participants, 0 AS certificates, 1.5 AS funding_cny
      FROM range(DATE '2001-01-01', DATE '2025-01-01', INTERVAL 1 MONTH) t(m),
           (SELECT region_code FROM read_csv('${fixtureReferenceDir}/region.csv') WHERE in_mainland IS NOT false) r,
           (SELECT program_code FROM read_csv('${fixtureReferenceDir}/program.csv') WHERE fact_table = 'training') p,
           (SELECT field_code FROM read_csv('${fixtureReferenceDir}/field.csv')) f
    ) TO '${more}' (HEADER)`);
    connection.closeSync();
    instance.closeSync();

    for (const [limitKb, whole] of [
      [64, false],
      [liveKb - 512, true],
      [liveKb + 64, true],
    ] as const) {
      const { code, stderr } = await ingestLimited(more, dataDir, limitKb, whole);
      expect(code, stderr).not.toBe(0);
      expect(stderr).toContain('the disk holding the data directory is full');
      expect(stderr).toContain('the live snapshot is unchanged');
      expect(stderr).not.toMatch(/EFBIG|File too large|\/tmp\/|\.duckdb|at \w+ \(/);
      expect(await currentSnapshotId(dataDir)).toBe(live);
      expect((await readdir(snapshotsDir(dataDir))).filter((n) => n !== `${live}.duckdb`)).toEqual([]);
    }

    // With room again, the same file loads.
    const { code } = await ingestLimited(more, dataDir, 10 * 1024 * 1024);
    expect(code).toBe(0);
    expect(await currentSnapshotId(dataDir)).not.toBe(live);
  }, 120_000);
});
