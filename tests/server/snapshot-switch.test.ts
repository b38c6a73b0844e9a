import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../ingest/ingest.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';

const header = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n';
let db: FixtureDb;
let server: RunningServer;
let scratch: string;

beforeAll(async () => {
  db = await buildFixtureDb({ 'training.csv': `${header}2024-01,110100,vocational_training,general,60,50,5,0\n` });
  server = await startServer(db.dataDir);
  scratch = await mkdtemp(join(tmpdir(), 'talent-switch-'));
});
afterAll(async () => {
  await server.close();
  await db.close();
  await rm(scratch, { recursive: true, force: true });
});

const beijing2024 = async () => {
  const res = await fetch(`${server.url}/api/queries/training-by-region?program=vocational_training&year=2024`);
  const body = await res.json();
  return {
    status: res.status,
    version: res.headers.get('x-data-version'),
    beijing: body.rows.find((r: { region_code: string }) => r.region_code === '110000')?.person_times,
  };
};

describe('snapshot switch', () => {
  it('follows a newly published snapshot without a restart while requests are in flight', async () => {
    const old = db.snapshotId;
    // A request holding the old snapshot open across the switch.
    const inFlight = await server.ctx.store.lease();
    expect(inFlight.snapshotId).toBe(old);

    const file = join(scratch, 'more.csv');
    await writeFile(file, `${header}2024-02,110100,vocational_training,general,40,40,0,0\n`);
    let next: string | null = null;
    const publishing = ingest([file], { dataDir: db.dataDir }).then((r) => (next = r.snapshotId));
    const seen: { status: number; version: string | null; beijing: number }[] = [];
    // Ask continuously while the ingest runs, until the server answers from the new snapshot.
    for (let i = 0; i < 1000 && (next === null || seen.at(-1)?.version !== next); i++) {
      seen.push(await beijing2024());
      await new Promise((r) => setTimeout(r, 5));
    }
    await publishing;
    expect(seen.every((s) => s.status === 200)).toBe(true);
    // Every answer is consistent with the version it names: 60 before, 60 + 40 after.
    for (const s of seen) expect(s.beijing).toBe(s.version === old ? 60 : 100);
    expect(seen.at(-1)!.version).toBe(next);
    // Versions never go back once the new one has been served.
    const firstNew = seen.findIndex((s) => s.version === next);
    expect(seen.slice(firstNew).every((s) => s.version === next)).toBe(true);

    // The in-flight request still reads the old snapshot, then lets it close.
    const rows = (await inFlight.connection.runAndReadAll('SELECT sum(person_times)::INTEGER FROM training')).getRows();
    expect(rows[0][0]).toBe(60);
    inFlight.release();
  });
});
