import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../core/audit-log.js';
import type { Submission } from '../../core/submission.js';
import { CheckFailed, runCheck } from '../../server/submissions/check-runner.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';

// The open demo mode (no sign-in: everyone acts as a planner), one validation at a time, and hostile files.
const fixtures = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

let db: FixtureDb;
let server: RunningServer;

beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': await readFile(fixtures('province-mode/facts/training.csv'), 'utf8') },
    fixtures('province-mode/reference'),
  );
  process.env.SUBMISSION_CHECKS = '1';
  process.env.SUBMISSIONS_PER_MINUTE = '0';
  server = await startServer(db.dataDir);
}, 60_000);

afterAll(async () => {
  delete process.env.SUBMISSION_CHECKS;
  delete process.env.SUBMISSIONS_PER_MINUTE;
  await server?.close();
  await db?.close();
});

async function submit(body: BodyInit, fileName: string): Promise<{ status: number; body: Submission }> {
  const res = await fetch(`${server.url}/api/submissions`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(fileName) },
  });
  return { status: res.status, body: (await res.json()) as Submission };
}

describe('submissions in the open demo mode', () => {
  it('takes a file without sign-in, as the demo planner, for any province', async () => {
    const { status, body } = await submit(
      new Uint8Array(await readFile(fixtures('submissions/gansu-with-guangdong-row.csv'))),
      'mixed.csv',
    );
    expect(status).toBe(201);
    // A planner's file may hold every province's rows: 3 rows, 2 new keys, 1 replaced (2024-05 620000).
    expect(body).toMatchObject({ status: 'validated', province: null, submittedBy: { id: null, name: 'demo', role: 'planner' } });
    expect(body.report).toMatchObject({ rowsRead: 3, rowsAccepted: 3, added: 2, replaced: 1, problemCount: 0 });
  });

  it('refuses a validation beyond the one slot with 503 and Retry-After, then takes files again', async () => {
    let finish!: () => void;
    const held = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode('month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n'),
        );
        finish = () => {
          controller.enqueue(new TextEncoder().encode('2024-09,620100,vocational_training,general,1,1,0,0\n'));
          controller.close();
        };
      },
    });
    const first = fetch(`${server.url}/api/submissions`, {
      method: 'POST',
      body: held,
      duplex: 'half',
      headers: { 'Content-Type': 'text/csv', 'X-File-Name': 'held.csv' },
    } as RequestInit);
    // The first upload holds the only slot while its body is still coming.
    await new Promise((r) => setTimeout(r, 500));
    const second = await fetch(`${server.url}/api/submissions`, {
      method: 'POST',
      body: 'month\n',
      headers: { 'Content-Type': 'text/csv', 'X-File-Name': 'second.csv' },
    });
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('10');
    expect(((await second.json()) as { detail: string }).detail).toMatch(/SUBMISSION_CHECKS/);
    finish();
    const done = await first;
    expect(done.status).toBe(201);
    expect(((await done.json()) as Submission).report).toMatchObject({ rowsRead: 1, added: 1, problemCount: 0 });
  });

  it('gives the slot back when a client goes away in the middle of its upload (raw body or form)', async () => {
    const { port } = new URL(server.url);
    const cutShort = async (headers: string, start: string) => {
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      socket.write(`POST /api/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Content-Length: 100000\r\n\r\n${start}`);
      await new Promise((r) => setTimeout(r, 300));
      socket.destroy();
      await new Promise((r) => setTimeout(r, 300));
    };
    await cutShort('Content-Type: text/csv\r\nX-File-Name: cut.csv\r\n', 'month,region_code\n');
    await cutShort(
      'Content-Type: multipart/form-data; boundary=XyZ\r\n',
      '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="cut.csv"\r\nContent-Type: text/csv\r\n\r\nmonth,region_code\n',
    );
    const next = await submit(new Uint8Array(await readFile(fixtures('submissions/gansu-2024-06.csv'))), 'after-cut.csv');
    expect(next.status).toBe(201);
    expect(next.body.status).toBe('validated');
    const all = (await (await fetch(`${server.url}/api/submissions`)).json()) as { submissions: Submission[] };
    expect(all.submissions.map((s) => s.fileName)).not.toContain('cut.csv');
  });

  it('publishes approvals in order; the same file approved twice fails the second time, in our words, with its audit event', async () => {
    const file =
      'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n2024-10,620100,vocational_training,general,7,7,0,0\n';
    const first = (await submit(new TextEncoder().encode(file), 'twice.csv')).body;
    const second = (await submit(new TextEncoder().encode(file), 'twice.csv')).body;
    expect([first.status, second.status]).toEqual(['validated', 'validated']);
    for (const s of [first, second])
      expect((await fetch(`${server.url}/api/submissions/${s.id}/approve`, { method: 'POST' })).status).toBe(202);
    const settled = async (id: string) => {
      for (let i = 0; i < 300; i++) {
        const s = (await (await fetch(`${server.url}/api/submissions/${id}`)).json()) as Submission;
        if (s.status !== 'approved') return s;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`${id} still approved`);
    };
    expect(await settled(first.id)).toMatchObject({ status: 'published' });
    const failed = await settled(second.id);
    expect(failed.status).toBe('publication-failed');
    expect(failed.reason).toBe('the same file (the same bytes) is already in the published data: nothing new to publish');
    const events = ((await (await fetch(`${server.url}/api/audit`)).json()) as { events: AuditEvent[] }).events;
    expect(events.filter((e) => e.target === second.id).map((e) => e.action)).toEqual(['submission', 'approval', 'publication-failed']);
    expect(events.find((e) => e.target === second.id && e.action === 'publication-failed')!.detail).toMatchObject({
      reason: failed.reason,
    });
  }, 120_000);

  it('refuses hostile files as problems in our words, never an engine message or a path; the server keeps serving', async () => {
    const cases: [string, RegExp][] = [
      ['binary-garbage.csv', /not valid gb18030/],
      ['text-renamed.xlsx', /not an Excel workbook/],
      ['zip-not-workbook.xlsx', /no sheet can be read/],
      ['truncated.parquet', /not a complete Parquet file/],
      ['deep-10000.json', /nested deeper than the limit of 64 levels/],
      ['nul.csv', /a NUL byte \(0x00\)/],
      ['empty.csv', /the file is empty/],
    ];
    for (const [name, reason] of cases) {
      const { status, body } = await submit(new Uint8Array(await readFile(fixtures(`hostile/${name}`))), name);
      expect(status, name).toBe(201);
      expect(body.status, name).toBe('refused');
      expect(body.report.problemCount, name).toBeGreaterThan(0);
      expect(body.report.problems[0]!.reason, name).toMatch(reason);
      const text = JSON.stringify(body);
      expect(text, name).not.toContain(db.dataDir);
      expect(text, name).not.toMatch(/\/tmp\/|Error:|\bat \S+\.(ts|js):\d+/);
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 120_000);
});

describe('the validation child process', () => {
  const request = () => ({
    file: fixtures('submissions/gansu-2024-06.csv'),
    dataDir: db.dataDir,
    scratchDir: `${db.dataDir}/../check-scratch`,
  });

  it('is stopped at its time limit, and the submitter is told the limit', async () => {
    await expect(runCheck(request(), { concurrency: 1, timeoutMs: 50, memoryMb: 1024 })).rejects.toThrow(
      new CheckFailed('the validation did not finish within 0.05 s (SUBMISSION_CHECK_SECONDS); split the file'),
    );
  });

  it('that dies (here of a 1 MB JavaScript heap) refuses in our words, naming the memory setting', async () => {
    const failure = await runCheck(request(), { concurrency: 1, timeoutMs: 60_000, memoryMb: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CheckFailed);
    expect(String((failure as Error).message)).toMatch(/stopped before it finished .*SUBMISSION_CHECK_MEMORY_MB/);
  });

  it('reports the same values when run directly (3 rows, 2 added, 1 replaced)', async () => {
    const check = await runCheck({ ...request(), province: '620000' }, { concurrency: 1, timeoutMs: 60_000, memoryMb: 1024 });
    expect(check.dataset).toBe('training');
    expect(check.report).toMatchObject({ rowsRead: 3, rowsAccepted: 3, added: 2, replaced: 1, problemCount: 0 });
  });
});
