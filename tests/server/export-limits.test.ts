import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';

// Every month of 2000–2024 × the fixture's 8 regions × 3 programmes × 2 fields, each row carrying a 1,000-character
// source, so that a whole JSON export is tens of MB: larger than what the loopback sockets buffer.
const regions = ['110000', '110100', '440000', '440100', '440300', '540000', '540100', '810000'];
const programs = ['knowledge_renewal', 'vocational_training', 'postdoc_stations'];
const fields = ['ai', 'general'];
const source = 'export limits fixture '.padEnd(1000, 'x');

function trainingCsv(): { text: string; rows: number } {
  const lines = ['month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny,source'];
  for (let year = 2000; year <= 2024; year++)
    for (let month = 1; month <= 12; month++)
      for (const region of regions)
        for (const program of programs)
          for (const field of fields)
            lines.push(`${year}-${String(month).padStart(2, '0')},${region},${program},${field},10,8,1,0,${source}`);
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

/**
 * A real listening server over the fixture snapshot, its export limits set as an operator sets them: in the
 * environment (EXPORT_CONCURRENCY, EXPORT_TEMP_BUDGET_MB, EXPORT_TEMP_DIR), read when the app is built.
 */
async function serve(limits: { concurrency?: number; tempBudgetMb?: number; tempDir?: string }): Promise<RunningServer> {
  const env = {
    EXPORT_CONCURRENCY: String(limits.concurrency ?? 2),
    EXPORT_TEMP_BUDGET_MB: String(limits.tempBudgetMb ?? 1024),
    EXPORT_TEMP_DIR: limits.tempDir ?? tempDir,
  };
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await startServer(db.dataDir, { CACHE_MB: 0 }, { exportsPerMinute: 0 });
  } finally {
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The body ended with HTTP's own end of message (the final chunk), not with the connection cut. */
  complete: boolean;
}

/** A GET as a plain HTTP client sees it; `paused` holds the body unread until resume() is called. */
function get(url: string, paused = false): { headers: Promise<IncomingMessage>; answer: Promise<Answer>; resume: () => void } {
  let resume = () => {};
  let gotHeaders: (res: IncomingMessage) => void = () => {};
  const headers = new Promise<IncomingMessage>((resolve) => (gotHeaders = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = request(url, (res) => {
      const chunks: Buffer[] = [];
      const done = () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete: res.complete });
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', done);
      res.on('error', done);
      res.on('aborted', done);
      if (paused) {
        res.pause();
        resume = () => res.resume();
      }
      gotHeaders(res);
    });
    req.on('error', reject);
    req.end();
  });
  return { headers, answer, resume: () => resume() };
}

const problemOf = (a: Answer): { status: number; title: string; detail: string } => {
  expect(a.headers['content-type']).toMatch(/^application\/problem\+json/);
  const text = a.body.toString('utf8');
  // Our own words: no temporary path, no engine message.
  expect(text).not.toContain(tempDir);
  expect(text).not.toMatch(/talent-export-|Error:|COPY/);
  const problem = JSON.parse(text) as { status: number; title: string; detail: string };
  expect(problem.status).toBe(a.status);
  return problem;
};

let db: FixtureDb;
let rows: number;
let tempDir: string;

beforeAll(async () => {
  const csv = trainingCsv();
  rows = csv.rows;
  db = await buildFixtureDb({ 'training.csv': csv.text });
  tempDir = await mkdtemp(join(tmpdir(), 'talent-export-space-'));
}, 120_000);
afterAll(async () => {
  await db?.close();
  await rm(tempDir, { recursive: true, force: true });
});

describe('large exports are admitted within their limits', () => {
  it('refuses the export beyond EXPORT_CONCURRENCY with a 503, Retry-After and problem details, and admits again once one ends', async () => {
    const server = await serve({ concurrency: 2 });
    try {
      // 25 years × 12 months × 8 regions × 3 programmes × 2 fields.
      expect(rows).toBe(14_400);
      const held = [
        get(`${server.url}/api/datasets/training?format=json`, true),
        get(`${server.url}/api/datasets/training?format=csv`, true),
      ];
      const heads = await Promise.all(held.map((h) => h.headers));
      expect(heads.map((h) => h.statusCode)).toEqual([200, 200]);

      const third = await get(`${server.url}/api/datasets/training?format=parquet`).answer;
      expect(third.status).toBe(503);
      expect(third.headers['retry-after']).toMatch(/^\d+$/);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      const problem = problemOf(third);
      expect(problem.title).toBe('Too many exports running');
      expect(problem.detail).toContain('EXPORT_CONCURRENCY');
      // The small reference lists every page reads are never held back.
      expect((await get(`${server.url}/api/datasets/region?format=json`).answer).status).toBe(200);

      for (const h of held) h.resume();
      const [json, csv] = await Promise.all(held.map((h) => h.answer));
      expect(json.complete && csv.complete).toBe(true);
      const parsed = JSON.parse(json.body.toString('utf8')) as { rows: unknown[]; row_count: number };
      expect(parsed.rows.length).toBe(rows);
      expect(parsed.row_count).toBe(rows);
      // A header line plus one CRLF-terminated line per row.
      expect(csv.body.toString('utf8').split('\r\n').length - 2).toBe(rows);

      const after = await get(`${server.url}/api/datasets/training?format=csv&limit=5`).answer;
      expect(after.status).toBe(200);
      expect(await readdir(tempDir)).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('refuses before any header when the temporary-space budget is too small, naming the limit', async () => {
    const server = await serve({ concurrency: 2, tempBudgetMb: 1 });
    try {
      const answer = await get(`${server.url}/api/datasets/training?format=json`).answer;
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toMatch(/^\d+$/);
      const problem = problemOf(answer);
      expect(problem.detail).toContain('EXPORT_TEMP_BUDGET_MB=1');
      // 1 MB shared by 2 exports leaves each 0.5 MB.
      expect(problem.detail).toContain('0.5 MB');
      expect(await readdir(tempDir)).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('refuses before any header when the temporary directory is missing, without naming it', async () => {
    const server = await serve({ tempDir: join(tempDir, 'no-such-directory') });
    try {
      const answer = await get(`${server.url}/api/datasets/training?format=csv`).answer;
      expect(answer.status).toBe(503);
      expect(problemOf(answer).detail).toMatch(/has 0\.0 MB free/);
      expect(answer.body.toString('utf8')).not.toContain('no-such-directory');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('never sends a short body behind a 200 when an export outgrows its temporary space midway', async () => {
    // 4 MB for 2 exports: each may hold 2 MB, and the whole JSON export is over 14 MB.
    const server = await serve({ concurrency: 2, tempBudgetMb: 4 });
    try {
      for (const format of ['json', 'csv'] as const) {
        const answer = await get(`${server.url}/api/datasets/training?format=${format}`).answer;
        if (answer.status === 200) {
          // Cut off after the headers: the client sees the connection end without HTTP's final chunk.
          expect(answer.complete, format).toBe(false);
          expect(answer.headers['transfer-encoding']).toBe('chunked');
          if (format === 'json') expect(() => JSON.parse(answer.body.toString('utf8'))).toThrow();
        } else {
          expect(answer.status, format).toBe(503);
          expect(problemOf(answer).title).toBe('Export stopped: temporary space full');
        }
      }
      // The files are gone and the places free again: a small export goes through.
      const small = await get(`${server.url}/api/datasets/training?format=json&limit=3`).answer;
      expect(small.status).toBe(200);
      expect(small.complete).toBe(true);
      expect((JSON.parse(small.body.toString('utf8')) as { row_count: number }).row_count).toBe(3);
      expect(await readdir(tempDir)).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
