import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../core/audit-log.js';
import { currentSnapshotId, snapshotsDir } from '../../core/snapshot-layout.js';
import type { Submission } from '../../core/submission.js';
import { stagedFileDir } from '../../core/submission-store.js';
import { addUser } from '../../core/accounts.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';

// Enforced mode, a data directory of its own built from tests/fixtures/province-mode, and the values of
// tests/fixtures/submissions/README.md (worked out by hand from those files).
const fixtures = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const header = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny';

let db: FixtureDb;
let server: RunningServer;
const tokens: Record<'gansu' | 'guangdong' | 'researcher' | 'planner' | 'hurried', string> = {
  gansu: '',
  guangdong: '',
  researcher: '',
  planner: '',
  hurried: '',
};

const limitEnv = { SUBMISSION_MAX_MB: '1', SUBMISSIONS_PER_MINUTE: '12' };

beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': await readFile(fixtures('province-mode/facts/training.csv'), 'utf8') },
    fixtures('province-mode/reference'),
  );
  Object.assign(process.env, limitEnv);
  tokens.gansu = (await addUser(db.dataDir, { name: 'Gansu official', role: 'official', province: '620000' })).token;
  tokens.guangdong = (await addUser(db.dataDir, { name: 'Guangdong official', role: 'official', province: '440000' })).token;
  tokens.researcher = (await addUser(db.dataDir, { name: 'A researcher', role: 'researcher' })).token;
  tokens.planner = (await addUser(db.dataDir, { name: 'Ministry planner', role: 'planner' })).token;
  tokens.hurried = (await addUser(db.dataDir, { name: 'Hurried official', role: 'official', province: '620000' })).token;
  server = await startServer(db.dataDir, { TALENT_AUTH: 'on' });
}, 60_000);

afterAll(async () => {
  for (const key of Object.keys(limitEnv)) delete process.env[key];
  await server?.close();
  await db?.close();
});

const auth = (who: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[who]}` });

async function submit(
  who: keyof typeof tokens | null,
  body: BodyInit,
  headers: Record<string, string> = { 'Content-Type': 'text/csv', 'X-File-Name': 'gansu.csv' },
  query = '',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/submissions${query}`, {
    method: 'POST',
    body,
    headers: { ...headers, ...(who ? auth(who) : {}) },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function get<T>(path: string, who: keyof typeof tokens = 'planner'): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${server.url}${path}`, { headers: auth(who) });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

/** Gansu's 2024 subsidised vocational training (person-times) as the server serves it, and the snapshot it came from. */
async function gansu2024(): Promise<{ figure: number; version: string | null }> {
  const { status, body, headers } = await get<{ rows: { region_code: string; person_times: number }[] }>(
    '/api/queries/training-by-region?program=vocational_training&year=2024',
  );
  expect(status).toBe(200);
  return { figure: body.rows.find((r) => r.region_code === '620000')!.person_times, version: headers.get('x-data-version') };
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const gansuFile = () => readFile(fixtures('submissions/gansu-2024-06.csv'));
let validated: Submission;

describe('submissions in enforced mode', () => {
  it('refuses the anonymous (401) and a researcher (403), and keeps the audit log from officials', async () => {
    // A browser that is not signed in: the CSRF token of GET /api/session passes, the role check then refuses.
    const session = await fetch(`${server.url}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const cookie = session.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const anonymous = await submit(null, await gansuFile(), {
      'Content-Type': 'text/csv',
      'X-File-Name': 'gansu.csv',
      'X-CSRF-Token': csrfToken,
      Cookie: cookie,
    });
    expect(anonymous.status).toBe(401);
    expect(String(anonymous.body.detail)).toMatch(/official/);
    const researcher = await submit('researcher', await gansuFile());
    expect(researcher.status).toBe(403);
    expect(String(researcher.body.detail)).toMatch(/official/);
    expect((await fetch(`${server.url}/api/submissions`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/audit`)).status).toBe(401);
    expect((await get('/api/audit', 'gansu')).status).toBe(403);
  });

  it("validates a Gansu official's Gansu file: 3 rows read and accepted, 2 added, 1 replaced", async () => {
    const before = await gansu2024();
    expect(before.figure).toBe(150);
    const { status, body } = await submit('gansu', await gansuFile());
    expect(status).toBe(201);
    validated = body as unknown as Submission;
    expect(validated).toMatchObject({
      status: 'validated',
      dataset: 'training',
      fileName: 'gansu.csv',
      province: '620000',
      submittedBy: { name: 'Gansu official', role: 'official' },
    });
    expect(validated.report).toMatchObject({
      rowsRead: 3,
      rowsAccepted: 3,
      rowsRejected: 0,
      added: 2,
      replaced: 1,
      problems: [],
      problemCount: 0,
      periods: ['2024-05', '2024-06'],
    });
    expect(validated.bytes).toBe((await gansuFile()).length);
    // Validation stores nothing: the same snapshot is live.
    expect(await currentSnapshotId(db.dataDir)).toBe(db.snapshotId);
  });

  it('refuses a file with a Guangdong row, naming row 3, column region_code, value 440100; nothing is stored', async () => {
    const snapshots = await readdir(snapshotsDir(db.dataDir));
    const { status, body } = await submit('gansu', await readFile(fixtures('submissions/gansu-with-guangdong-row.csv')));
    expect(status).toBe(201);
    const refused = body as unknown as Submission;
    expect(refused.status).toBe('refused');
    expect(refused.report.problemCount).toBe(1);
    expect(refused.report.rowsRejected).toBe(1);
    expect(refused.report.rowsAccepted).toBe(0);
    expect(refused.report.problems).toEqual([
      { row: 3, column: 'region_code', value: '440100', reason: expect.stringMatching(/outside province 620000/) },
    ]);
    // The staged file is gone; the record stays for the official to read; no snapshot changed.
    expect(existsSync(stagedFileDir(db.dataDir, refused.id))).toBe(false);
    expect((await get<Submission>(`/api/submissions/${refused.id}`, 'gansu')).body.status).toBe('refused');
    expect(await readdir(snapshotsDir(db.dataDir))).toEqual(snapshots);
    expect(await currentSnapshotId(db.dataDir)).toBe(db.snapshotId);
    expect(await gansu2024()).toEqual({ figure: 150, version: db.snapshotId });
    // Approving a refused submission is not possible.
    const approve = await fetch(`${server.url}/api/submissions/${refused.id}/approve`, { method: 'POST', headers: auth('planner') });
    expect(approve.status).toBe(409);
  });

  it('accepts a GB18030 CSV with Chinese headers and a Chinese file name', async () => {
    const text = `月份,地区代码,项目代码,领域代码,人次,人数,证书数,资金（元）\n2024-07,620100,vocational_training,general,11,10,1,100\n2024-07,623000,vocational_training,general,9,8,0,90\n`;
    const name = '甘肃省2024年7月培训.csv';
    const { status, body } = await submit('gansu', new Uint8Array(iconv.encode(text, 'gb18030')), {
      'Content-Type': 'text/csv',
      'X-File-Name': encodeURIComponent(name),
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: 'validated', dataset: 'training', fileName: name });
    expect((body as unknown as Submission).report).toMatchObject({
      rowsRead: 2,
      rowsAccepted: 2,
      added: 2,
      replaced: 0,
      problemCount: 0,
      periods: ['2024-07'],
    });
    // Only its submitter (or a planner) withdraws it: another Gansu account 403, another province's 404.
    const withdraw = (who: keyof typeof tokens) =>
      fetch(`${server.url}/api/submissions/${String(body.id)}/withdraw`, { method: 'POST', headers: auth(who) });
    const other = await withdraw('hurried');
    expect(other.status).toBe(403);
    expect(((await other.json()) as { detail: string }).detail).toBe('this account may not withdraw this submission');
    expect((await withdraw('guangdong')).status).toBe(404);
    const withdrawn = await withdraw('gansu');
    expect(withdrawn.status).toBe(200);
    expect(((await withdrawn.json()) as Submission).status).toBe('withdrawn');
  });

  it('accepts an xlsx workbook sent as multipart/form-data, and a planner returns it with a reason', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('培训');
    sheet.addRow(header.split(','));
    sheet.addRow(['2024-08', '620100', 'vocational_training', 'general', 12, 10, 2, 300]);
    const form = new FormData();
    form.append('dataset', 'training');
    form.append('file', new Blob([await workbook.xlsx.writeBuffer()]), 'gansu-2024-08.xlsx');
    const { status, body } = await submit('gansu', form, {});
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: 'validated', dataset: 'training', fileName: 'gansu-2024-08.xlsx' });
    expect((body as unknown as Submission).report).toMatchObject({ rowsRead: 1, rowsAccepted: 1, added: 1, replaced: 0, problemCount: 0 });
    const returned = await fetch(`${server.url}/api/submissions/${String(body.id)}/return`, {
      method: 'POST',
      headers: { ...auth('planner'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: '八月数据尚未核对' }),
    });
    expect(returned.status).toBe(200);
    expect(await returned.json()).toMatchObject({
      status: 'returned',
      reason: '八月数据尚未核对',
      decidedBy: { name: 'Ministry planner' },
    });
  });

  it('reads a report form (title, names, a total row) and refuses one whose rows lie in Guangdong, naming the cell', async () => {
    const form = (province: string, region: string) =>
      `2024年6月${province}补贴性职业技能培训情况统计表\n地区,领域,培训人次,培训人数,取证人数,资金（元）\n${region},通用,25,20,5,1000\n临夏回族自治州,通用,15,12,3,600\n合计,,40,32,8,1600\n`;
    const gansu = await submit('gansu', form('甘肃省', '兰州市'), { 'Content-Type': 'text/csv', 'X-File-Name': 'form.csv' });
    expect(gansu.status).toBe(201);
    const read = gansu.body as unknown as Submission;
    // Two data rows (the total row is checked, not stored): 兰州市 → 620100, 临夏回族自治州 → 622900, both new keys.
    expect(read).toMatchObject({ status: 'validated', dataset: 'training' });
    expect(read.report).toMatchObject({ rowsRead: 2, rowsAccepted: 2, added: 2, replaced: 0, problemCount: 0, periods: ['2024-06'] });
    expect(read.report.understanding).toContain('province: 620000 甘肃省');
    expect(read.report.understanding).toContain('兰州市 → 620100');
    expect(read.report.understanding).toMatch(/total: row 5 合计 covers rows 3–4: 4 figures match/);

    const guangdong = await submit(
      'gansu',
      `2024年6月广东省补贴性职业技能培训情况统计表\n地区,领域,培训人次,培训人数,取证人数,资金（元）\n广州市,通用,25,20,5,1000\n`,
      {
        'Content-Type': 'text/csv',
        'X-File-Name': 'gd-form.csv',
      },
    );
    expect(guangdong.body).toMatchObject({ status: 'refused', report: { rowsRead: 1, rowsRejected: 1, problemCount: 1 } });
    expect((guangdong.body as unknown as Submission).report.problems).toEqual([
      { row: 3, column: 'A 地区', value: '广州市', reason: expect.stringMatching(/outside province 620000.*\(440100\)/) },
    ]);
  });

  it('refuses an upload over the limit (1 MB here) with 413 naming it, declared, streamed or in a form', async () => {
    const big = new Uint8Array(1024 * 1024 + 10).fill(97);
    const declared = await submit('gansu', big);
    expect(declared.status).toBe(413);
    expect(String(declared.body.detail)).toMatch(/at most 1 MB/);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(100 * 1024).fill(97));
        controller.close();
      },
    });
    const res = await fetch(`${server.url}/api/submissions`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { ...auth('gansu'), 'Content-Type': 'text/csv', 'X-File-Name': 'big.csv' },
    } as RequestInit);
    expect(res.status).toBe(413);
    // A form whose file is over the limit though the whole body is declared within the form's allowance.
    const form = new FormData();
    form.append('file', new Blob([big]), 'big.csv');
    const multipart = await submit('gansu', form, {});
    expect(multipart.status).toBe(413);
    expect(String(multipart.body.detail)).toMatch(/at most 1 MB/);
    // Nothing of these is kept.
    const kept = (await get<{ submissions: Submission[] }>('/api/submissions', 'planner')).body.submissions;
    expect(kept.map((s) => s.fileName)).not.toContain('big.csv');
  });

  it('refuses a file type the ingest does not read (415) and more than 12 submissions a minute from one account (429)', async () => {
    for (let i = 0; i < 12; i++) {
      const res = await submit('hurried', 'MZ', { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'tool.exe' });
      expect(res.status).toBe(415);
      expect(String(res.body.detail)).toMatch(/tool\.exe/);
    }
    const thirteenth = await submit('hurried', await gansuFile());
    expect(thirteenth.status).toBe(429);
    // Another account is counted apart.
    expect((await get('/api/submissions', 'gansu')).status).toBe(200);
  });

  it("shows an official their province's submissions only", async () => {
    const mine = (await get<{ submissions: Submission[] }>('/api/submissions', 'gansu')).body.submissions;
    expect(mine.length).toBe(6);
    // Newest first (ids sort by the time received).
    expect(mine.map((s) => s.id)).toEqual(
      mine
        .map((s) => s.id)
        .sort()
        .reverse(),
    );
    expect(mine.at(-1)!.id).toBe(validated.id);
    expect(mine.every((s) => s.province === '620000')).toBe(true);
    expect((await get<{ submissions: Submission[] }>('/api/submissions', 'guangdong')).body.submissions).toEqual([]);
    expect((await get(`/api/submissions/${validated.id}`, 'guangdong')).status).toBe(404);
  });

  it("previews the submission's effect to a planner on a candidate (Gansu 195) while everyone is still served 150", async () => {
    const path = `/api/submissions/${validated.id}/preview/training-by-region?program=vocational_training&year=2024`;
    expect((await get(path, 'gansu')).status).toBe(403);
    const preview = await until(
      () => get<{ rows: { region_code: string; person_times: number }[] }>(path),
      (r) => r.status !== 202,
    );
    expect(preview.status).toBe(200);
    expect(preview.headers.get('x-preview-of')).toBe(validated.id);
    expect(preview.headers.get('x-preview-base')).toBe(db.snapshotId);
    expect(preview.headers.get('x-data-version')).not.toBe(db.snapshotId);
    expect(preview.body.rows.find((r) => r.region_code === '620000')!.person_times).toBe(195);
    // Nothing is published by a preview.
    expect(await currentSnapshotId(db.dataDir)).toBe(db.snapshotId);
    expect(await gansu2024()).toEqual({ figure: 150, version: db.snapshotId });
  }, 120_000);

  it('a planner approves; the worker publishes a new snapshot; the server serves it: Gansu 150 → 195', async () => {
    const res = await fetch(`${server.url}/api/submissions/${validated.id}/approve`, { method: 'POST', headers: auth('planner') });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'approved', decidedBy: { name: 'Ministry planner', role: 'planner' } });
    const published = await until(
      async () => (await get<Submission>(`/api/submissions/${validated.id}`, 'gansu')).body,
      (s) => s.status !== 'approved',
    );
    expect(published.status).toBe('published');
    expect(published.snapshotId).toMatch(/^[0-9T]+-[0-9a-f]+$/);
    expect(published.snapshotId).not.toBe(db.snapshotId);
    expect(await currentSnapshotId(db.dataDir)).toBe(published.snapshotId);
    const served = await until(gansu2024, (g) => g.version === published.snapshotId, 10_000);
    expect(served).toEqual({ figure: 195, version: published.snapshotId });
    // A decided submission has no more preview.
    expect((await get(`/api/submissions/${validated.id}/preview/training-by-region?program=vocational_training`)).status).toBe(409);
  }, 120_000);

  it('the audit log records the submission, approval and publication with who, when and what (JSON and CSV)', async () => {
    const { status, body } = await get<{ events: AuditEvent[] }>('/api/audit?format=json');
    expect(status).toBe(200);
    const about = body.events.filter((e) => e.target === validated.id);
    expect(about.map((e) => e.action)).toEqual(['submission', 'approval', 'publication']);
    const [submission, approval, publication] = about;
    expect(submission!.actor).toMatchObject({ name: 'Gansu official', role: 'official' });
    expect(submission!.detail).toMatchObject({
      status: 'validated',
      dataset: 'training',
      fileName: 'gansu.csv',
      province: '620000',
      rowsRead: 3,
    });
    expect(approval!.actor).toMatchObject({ name: 'Ministry planner', role: 'planner' });
    expect(publication!.actor).toEqual({ id: null, name: 'ingest worker', role: null });
    const published = (await get<Submission>(`/api/submissions/${validated.id}`)).body;
    expect(publication!.detail).toMatchObject({ snapshotId: published.snapshotId, added: 2, replaced: 1 });
    for (const e of about) expect(Date.parse(e.time)).toBeGreaterThan(Date.parse(validated.submittedAt) - 1000);
    // The refusal, the withdrawal and the return are there too.
    expect(body.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['submission', 'withdrawal', 'return', 'approval', 'publication']),
    );

    const csv = await fetch(`${server.url}/api/audit?format=csv`, { headers: auth('planner') });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?audit-\d{4}-\d{2}-\d{2}\.csv"?$/);
    const lines = (await csv.text())
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('time,action,actor_id,actor_name,actor_role,target,detail');
    expect(lines.length).toBe(body.events.length + 1);
    const publicationLine = lines.find((l) => l.includes(',publication,') && l.includes(validated.id))!;
    expect(publicationLine).toContain(',,ingest worker,,');
    expect(publicationLine).toContain(published.snapshotId);
  });
});
