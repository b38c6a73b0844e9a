import { copyFile, open, mkdtemp, rm, writeFile, mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentFile, currentSnapshotId, snapshotPath } from '../../core/snapshot-layout.js';
import { ingest } from '../../ingest/ingest.js';
import { fixtureReferenceDir } from '../helpers/fixture-db.js';
import { startServer } from '../helpers/http-server.js';

// Two snapshots of one data directory: the first holds Beijing's 60 person-times of January 2024, the second adds
// Guangzhou's 200 of March. Damaging the second (a block in the middle of its file overwritten) must leave the
// server on the first, saying so, rather than crashing at start or failing requests later.
const header = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n';
const january = '2024-01,110100,vocational_training,general,60,50,5,0\n';
const march = '2024-03,440100,vocational_training,general,200,180,20,0\n';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-fallback-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Ingests one training file (and the reference) into dataDir, publishing a new snapshot; its id. */
async function publish(dataDir: string, rows: string): Promise<string> {
  const dir = await mkdtemp(join(root, 'facts-'));
  await writeFile(join(dir, 'training.csv'), header + rows);
  const result = await ingest([fixtureReferenceDir, dir], { dataDir, memoryLimit: '1GB' });
  return result.snapshotId!;
}

/**
 * Overwrites a few bytes inside every block of a snapshot file, as a failing disk would: DuckDB's file is three
 * 4 KB headers, then 256 KB blocks, each starting with its checksum.
 */
async function damage(path: string): Promise<void> {
  const { size } = await stat(path);
  const file = await open(path, 'r+');
  for (let offset = 3 * 4096 + 64; offset < size; offset += 256 * 1024) await file.write(Buffer.alloc(16, 0xa5), 0, 16, offset);
  await file.close();
}

const totalPersonTimes = async (url: string) => {
  const body = (await (await fetch(`${url}/api/queries/training-trend?grain=year`)).json()) as { rows: { person_times: number }[] };
  return body.rows.reduce((sum, r) => sum + r.person_times, 0);
};

describe('a damaged snapshot', () => {
  it('at start-up: the newest intact snapshot is served and health says degraded, naming the damaged one', async () => {
    const dataDir = join(root, 'start');
    await mkdir(dataDir);
    const first = await publish(dataDir, january);
    const second = await publish(dataDir, january + march);
    expect(await currentSnapshotId(dataDir)).toBe(second);
    await damage(snapshotPath(dataDir, second));

    const server = await startServer(dataDir);
    try {
      expect(server.ctx.store.snapshotId).toBe(first);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({
        status: 'degraded',
        snapshot: first,
        problems: [`snapshot ${second} is damaged (a block fails its checksum)`],
      });
      expect(await totalPersonTimes(server.url)).toBe(60); // the first snapshot's data, whole
    } finally {
      await server.close();
    }
  });

  it('published while serving: never switched to; the next good one is, and health is ok again', async () => {
    const dataDir = join(root, 'live');
    await mkdir(dataDir);
    const first = await publish(dataDir, january);
    const server = await startServer(dataDir, { SNAPSHOT_POLL_MS: 60_000 });
    try {
      expect((await (await fetch(`${server.url}/api/health`)).json()).status).toBe('ok');
      const damaged = await publish(dataDir, january + march);
      const intactCopy = join(root, 'intact.duckdb');
      await copyFile(snapshotPath(dataDir, damaged), intactCopy);
      await damage(snapshotPath(dataDir, damaged));
      await server.ctx.store.refresh();
      expect(server.ctx.store.snapshotId).toBe(first);
      expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ status: 'degraded', snapshot: first });
      expect(await totalPersonTimes(server.url)).toBe(60);

      // Restored from a backup and published as a new snapshot (the steps of ingest's publish: file, then current).
      const repaired = `${damaged.split('-')[0]}9-0000`;
      await copyFile(intactCopy, snapshotPath(dataDir, repaired));
      await writeFile(currentFile(dataDir), repaired);
      await server.ctx.store.refresh();
      expect(server.ctx.store.snapshotId).toBe(repaired);
      expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'ok', snapshot: repaired, problems: [] });
      expect(await totalPersonTimes(server.url)).toBe(260);
    } finally {
      await server.close();
    }
  });

  it('with no intact snapshot at all, start-up fails with the reason, not an engine trace', async () => {
    const dataDir = join(root, 'none');
    await mkdir(dataDir);
    const only = await publish(dataDir, january);
    await damage(snapshotPath(dataDir, only));
    await expect(startServer(dataDir)).rejects.toThrow(`no intact snapshot in ${dataDir}: snapshot ${only} is damaged`);
  });

  it('a layered snapshot whose base is missing is refused in our words, naming the base', async () => {
    const dataDir = join(root, 'no-base');
    await mkdir(dataDir);
    const base = await publish(dataDir, january);
    const layered = await publish(dataDir, march);
    await rm(snapshotPath(dataDir, base));
    await expect(startServer(dataDir)).rejects.toThrow(
      `no intact snapshot in ${dataDir}: snapshot ${layered} is layered over snapshot ${base}, which is missing from the data directory`,
    );
  });
});
