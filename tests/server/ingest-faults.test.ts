import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSnapshotId, snapshotsDir } from '../../core/snapshot-layout.js';
import { ingest } from '../../ingest/ingest.js';
import { fixtureReferenceDir } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';

// An ingest killed without warning (SIGKILL) at several points while the server answers a steady stream of
// requests: no request fails, the previous snapshot stays live and whole, and the next ingest clears what the
// dead one left and publishes, which the server then follows without a restart.
const header = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n';

let root: string;
let server: RunningServer | undefined;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-faults-'));
});
afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** Requests the dashboard and health without pause until stopped; every status answered, and any failure. */
function steadyRequests(url: string) {
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const path of ['/api/queries/training-trend?grain=year&program=knowledge_renewal', '/api/health']) {
        try {
          const response = await fetch(url + path);
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        } catch (error) {
          failures.push(`${path}: ${String(error)}`);
        }
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { statuses: Object.fromEntries(statuses), failures };
    },
  };
}

const knowledgeRenewal = async (url: string) => {
  const body = (await (await fetch(`${url}/api/queries/training-trend?grain=year&program=knowledge_renewal`)).json()) as {
    rows: { person_times: number }[];
  };
  return body.rows.reduce((sum, r) => sum + r.person_times, 0);
};

describe('an ingest killed while the server serves', () => {
  it('fails no request and leaves the live snapshot whole, at every point it is killed', async () => {
    const dataDir = join(root, 'data');
    const small = join(root, 'small.csv');
    await writeFile(small, `${header}2024-01,110100,knowledge_renewal,ai,10,8,0,0\n`);
    const before = (await ingest([fixtureReferenceDir, small], { dataDir })).snapshotId!;
    server = await startServer(dataDir, { SNAPSHOT_POLL_MS: 50 });

    // Loading this takes seconds: 4 million rows.
    const big = join(root, 'big.csv');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT '2024-' || lpad((i % 12 + 1)::VARCHAR, 2, '0') AS month, '440100' AS region_code,
        'knowledge_renewal' AS program_code, 'ai' AS field_code, i AS person_times, 1 AS participants, 0 AS certificates,
        1.5 AS funding_cny FROM range(4000000) t(i)) TO '${big}' (HEADER)`);
    connection.closeSync();
    instance.closeSync();

    const probe = steadyRequests(server.url);
    // Killed as soon as the new snapshot file appears, while it loads, and later in the load.
    for (const delayMs of [0, 800, 2500]) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', big, '--data-dir', dataDir], { stdio: 'ignore' });
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && !(await readdir(snapshotsDir(dataDir))).some((n) => n.endsWith('.tmp')))
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      const [, signal] = (await new Promise((r) => child.once('exit', (...args) => r(args)))) as [number | null, string | null];
      expect(signal, `still running when killed after ${delayMs} ms`).toBe('SIGKILL');
      await new Promise((r) => setTimeout(r, 200)); // a few of the server's polls
      expect(await currentSnapshotId(dataDir)).toBe(before);
      expect(server.ctx.store.snapshotId).toBe(before);
      expect(await knowledgeRenewal(server.url)).toBe(10);
    }

    // The next ingest clears the leftovers and publishes; the server follows it without a restart.
    const next = join(root, 'next.csv');
    await writeFile(next, `${header}2024-02,110100,knowledge_renewal,ai,5,5,0,0\n`);
    const after = (await ingest([next], { dataDir })).snapshotId!;
    expect((await readdir(snapshotsDir(dataDir))).filter((n) => n.includes('.tmp'))).toEqual([]);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && server.ctx.store.snapshotId !== after) await new Promise((r) => setTimeout(r, 50));
    expect(server.ctx.store.snapshotId).toBe(after);
    expect(await knowledgeRenewal(server.url)).toBe(15);

    const { statuses, failures } = await probe.stop();
    expect(failures).toEqual([]);
    expect(Object.keys(statuses)).toEqual(['200']);
    expect(statuses[200]).toBeGreaterThan(20);
  }, 180_000);
});
