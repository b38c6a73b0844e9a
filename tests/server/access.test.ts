import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessDir } from '../../core/access-layout.js';
import { readAudit } from '../../core/audit-log.js';
import { addUser, revokeUser } from '../../core/accounts.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';

// Fixture: tests/fixtures/poverty-counties (README there). By hand from its facts/training.csv (13 rows):
//   Gansu's rows (codes 62…): 620100 (100), 622921 (40, 11, 24, 16), 622926 (10, 15, 999 knowledge renewal),
//   620000 (20), 622900 (9) → 10 rows, 1,244 person-times. Guangdong's: 440100 (500, December 2023).
//   Vocational training 2023 by prefecture: Lanzhou 620100 100; Linxia 622900 40 + 11 + 10 (its counties) = 61;
//   Guangzhou 440100 500.
//   The 52-county analytic, 2024 (January–March): Linxia County 622921 24 + 16 = 40, Dongxiang 622926 15,
//   Du'an 451228 (Guangxi) 12. Gansu's two counties together: 55 person-times over 80 + 50 = 130 working-age
//   → 55 × 10000 / 130 = 4230.77 per 10,000.
const fixture = (path: string) => new URL(`../fixtures/poverty-counties/${path}`, import.meta.url);
const facts = (name: string) => readFileSync(fixture(`facts/${name}`), 'utf8');

let db: FixtureDb;
let enforced: RunningServer;
let open: RunningServer;
const tokens: Record<'gansu' | 'researcher' | 'planner' | 'revoked', string> = { gansu: '', researcher: '', planner: '', revoked: '' };

beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': facts('training.csv'), 'talent_stock.csv': facts('talent_stock.csv') },
    fileURLToPath(fixture('reference')),
  );
  tokens.gansu = (await addUser(db.dataDir, { name: '甘肃省人社厅', role: 'official', province: '620000' })).token;
  tokens.researcher = (await addUser(db.dataDir, { name: 'researcher', role: 'researcher' })).token;
  tokens.planner = (await addUser(db.dataDir, { name: 'planner', role: 'planner' })).token;
  tokens.revoked = (await addUser(db.dataDir, { name: 'former', role: 'planner' })).token;
  await revokeUser(db.dataDir, 'former');
  enforced = await startServer(db.dataDir, { TALENT_AUTH: 'on' }, { exportsPerMinute: 0 });
  open = await startServer(db.dataDir);
}, 60_000);
afterAll(async () => {
  await enforced?.close();
  await open?.close();
  await db?.close();
});

const as = (token: string | null) => (token ? { headers: { authorization: `Bearer ${token}` } } : {});
const get = (path: string, token: string | null = null, server = enforced) => fetch(`${server.url}${path}`, as(token));
const json = async (res: Response) => (await res.json()) as { rows: Record<string, unknown>[] } & Record<string, unknown>;
const csvRows = async (res: Response) => parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];

/** The cookies a response sets, as a Cookie header sends them back. */
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

const lanzhouTrend = '/api/queries/prefecture-trend?prefecture=620100&program=vocational_training';
const guangzhouTrend = '/api/queries/prefecture-trend?prefecture=440100&program=vocational_training';
const prefectures2023 = '/api/queries/training-by-region?program=vocational_training&year=2023&level=prefecture';

describe('enforced mode (TALENT_AUTH=on)', () => {
  it('serves province-level analytics and the reference tables to everyone, and asks the anonymous to sign in for detail and exports', async () => {
    const provinces = await get('/api/queries/training-by-region?program=vocational_training&year=2023&level=province');
    expect(provinces.status).toBe(200);
    expect((await json(provinces)).rows.map((r) => r.region_code)).toContain('440000');
    expect((await get('/api/datasets/region?format=csv')).status).toBe(200);
    const trend = await get(lanzhouTrend);
    expect(trend.status).toBe(401);
    expect(trend.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await trend.json()) as { detail: string }).detail).toMatch(/researcher/);
    expect((await get('/api/datasets/training?format=csv')).status).toBe(401);
    expect((await get(prefectures2023)).status).toBe(401);
  });

  it("lets a Gansu official read Gansu's prefecture detail and refuses Guangdong's with 403 naming the parameter", async () => {
    const lanzhou = await get(lanzhouTrend, tokens.gansu);
    expect(lanzhou.status).toBe(200);
    const y2023 = (await json(lanzhou)).rows.find((r) => r.period === '2023');
    expect(y2023?.person_times).toBe(100);

    const guangzhou = await get(guangzhouTrend, tokens.gansu);
    expect(guangzhou.status).toBe(403);
    const problem = (await guangzhou.json()) as { invalid_params: { name: string }[]; detail: string };
    expect(problem.invalid_params.map((p) => p.name)).toEqual(['prefecture']);
    expect(problem.detail).toContain('440100');
    expect((await get(`${prefectures2023}&province=440000`, tokens.gansu)).status).toBe(403);
  });

  it("restricts an official's detail to their province in the query itself when no region is named", async () => {
    const rows = (await json(await get(prefectures2023, tokens.gansu))).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => String(r.region_code).startsWith('62'))).toBe(true);
    const byCode = Object.fromEntries(rows.map((r) => [r.region_code, r.person_times]));
    expect(byCode['620100']).toBe(100);
    expect(byCode['622900']).toBe(61);

    // The researcher reads every province's prefectures: Guangzhou among them.
    const all = (await json(await get(prefectures2023, tokens.researcher))).rows;
    expect(Object.fromEntries(all.map((r) => [r.region_code, r.person_times]))['440100']).toBe(500);

    const counties = (await json(await get('/api/queries/poverty-counties?program=vocational_training&year=2024', tokens.gansu))).rows;
    expect(counties.filter((r) => r.row_kind === 'county').map((r) => r.region_code)).toEqual(['622921', '622926']);
    const total = counties.find((r) => r.row_kind === 'all');
    expect(total?.person_times).toBe(55);
    expect(total?.per_10k).toBeCloseTo(4230.77, 2);
  });

  it("gives an official their own province's rows of an export, a researcher every row, and refuses another province", async () => {
    const gansu = await csvRows(await get('/api/datasets/training?format=csv', tokens.gansu));
    expect(gansu).toHaveLength(10);
    expect(gansu.reduce((sum, r) => sum + Number(r.person_times), 0)).toBe(1244);
    expect((await csvRows(await get('/api/datasets/training?format=csv', tokens.researcher))).length).toBe(13);
    expect((await get('/api/datasets/training?format=csv&regions=440000', tokens.gansu)).status).toBe(403);
  });

  it('refuses a wrong or revoked token with 401 rather than reading it as anonymous', async () => {
    const wrong = await get('/api/queries/training-trend', `${tokens.planner.slice(0, -3)}abc`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await get('/api/queries/training-trend', tokens.revoked)).status).toBe(401);
    expect((await get('/api/queries/training-trend', 'not-a-token')).status).toBe(401);
  });

  it('lists every catalog entry with its access declaration and whether the caller may read it', async () => {
    const anonymous = (await json(await get('/api/datasets'))) as unknown as {
      datasets: { name: string; allowed: boolean; access: object }[];
    };
    const allowed = Object.fromEntries(anonymous.datasets.map((d) => [d.name, d.allowed]));
    expect(allowed).toMatchObject({ training: false, region: true, published: true, 'reference-lists': true });
    const queries = (await json(await get('/api/queries', tokens.researcher))) as unknown as {
      queries: { name: string; allowed: boolean; access: { minRole: string; provinceScoped: boolean } }[];
    };
    const trend = queries.queries.find((q) => q.name === 'prefecture-trend');
    expect(trend).toMatchObject({ allowed: true, access: { minRole: 'researcher', provinceScoped: true } });
  });
});

describe('browser sessions', () => {
  it('signs in with a token behind a CSRF check, keeps an HttpOnly SameSite cookie, and signs out', async () => {
    const first = await fetch(`${enforced.url}/api/session`);
    const info = (await first.json()) as { mode: string; user: unknown; csrfToken: string };
    expect(info).toMatchObject({ mode: 'enforced', user: null });
    const csrfCookie = cookiesOf(first);
    const body = JSON.stringify({ token: tokens.gansu });
    const post = (headers: Record<string, string>) =>
      fetch(`${enforced.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

    expect((await post({ cookie: csrfCookie })).status).toBe(403); // no X-CSRF-Token
    const signedIn = await post({ cookie: csrfCookie, 'x-csrf-token': info.csrfToken });
    expect(signedIn.status).toBe(200);
    const session = signedIn.headers.getSetCookie().find((c) => c.startsWith('td_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    const after = (await signedIn.json()) as { user: { role: string; province: string }; csrfToken: string };
    expect(after.user).toMatchObject({ role: 'official', province: '620000' });

    const cookies = cookiesOf(signedIn);
    expect((await fetch(`${enforced.url}${lanzhouTrend}`, { headers: { cookie: cookies } })).status).toBe(200);
    expect((await fetch(`${enforced.url}${guangzhouTrend}`, { headers: { cookie: cookies } })).status).toBe(403);

    const out = await fetch(`${enforced.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie: cookies, 'x-csrf-token': after.csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().some((c) => /^td_session=;/.test(c))).toBe(true);
  });

  it('refuses a wrong token at sign-in and records it', async () => {
    const first = await fetch(`${enforced.url}/api/session`);
    const { csrfToken } = (await first.json()) as { csrfToken: string };
    const res = await fetch(`${enforced.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookiesOf(first), 'x-csrf-token': csrfToken },
      body: JSON.stringify({ token: 'td_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
    });
    expect(res.status).toBe(401);
    const events = await readAudit(db.dataDir);
    expect(events.some((e) => e.action === 'sign-in-refused')).toBe(true);
    expect(events.some((e) => e.action === 'sign-in' && e.actor.name === '甘肃省人社厅')).toBe(true);
    expect(events.some((e) => e.action === 'export' && e.actor.name === 'researcher' && e.target.includes('/api/datasets/training'))).toBe(
      true,
    );
  });
});

describe('open demo mode (the default)', () => {
  it('shows everything to everyone and says it is the open mode', async () => {
    const info = (await (await get('/api/session', null, open)).json()) as { mode: string; user: { role: string } };
    expect(info.mode).toBe('open');
    expect(info.user.role).toBe('planner');
    const guangzhou = await get(guangzhouTrend, null, open);
    expect(guangzhou.status).toBe(200);
    expect((await csvRows(await get('/api/datasets/training?format=csv', null, open))).length).toBe(13);
  });
});

describe('sessions and changes, hardened', () => {
  const merge = (...parts: string[]) => {
    const jar = new Map<string, string>();
    for (const part of parts) for (const c of part.split('; ').filter(Boolean)) jar.set(c.split('=')[0]!, c);
    return [...jar.values()].join('; ');
  };

  async function signIn(token: string): Promise<{ cookies: string; csrfToken: string }> {
    const first = await fetch(`${enforced.url}/api/session`);
    const { csrfToken } = (await first.json()) as { csrfToken: string };
    const res = await fetch(`${enforced.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookiesOf(first), 'x-csrf-token': csrfToken },
      body: JSON.stringify({ token }),
    });
    expect(res.status).toBe(200);
    return { cookies: cookiesOf(res), csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  it('ends a session at sign-out: the old cookie no longer signs anyone in', async () => {
    const { cookies, csrfToken } = await signIn(tokens.gansu);
    expect((await fetch(`${enforced.url}${lanzhouTrend}`, { headers: { cookie: cookies } })).status).toBe(200);
    const out = await fetch(`${enforced.url}/api/session`, { method: 'DELETE', headers: { cookie: cookies, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(204);
    expect((await fetch(`${enforced.url}${lanzhouTrend}`, { headers: { cookie: cookies } })).status).toBe(401);
  });

  it("keeps a tab's CSRF token valid when another tab asks for the session again", async () => {
    const { cookies, csrfToken } = await signIn(tokens.gansu);
    const second = await fetch(`${enforced.url}/api/session`, { headers: { cookie: cookies } });
    const secondToken = ((await second.json()) as { csrfToken: string }).csrfToken;
    const jar = merge(cookies, cookiesOf(second));
    // The first tab's token still passes the check (the route then answers for what it is: no such submission).
    const withdraw = await fetch(`${enforced.url}/api/submissions/nope/withdraw`, {
      method: 'POST',
      headers: { cookie: jar, 'x-csrf-token': csrfToken },
    });
    expect(withdraw.status).toBe(404);
    expect(secondToken).toBe(csrfToken);
  });

  it('answers an anonymous change with 401 and a WWW-Authenticate header, not a CSRF refusal', async () => {
    const res = await fetch(`${enforced.url}/api/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'a,b\n1,2\n',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
  });

  it('refuses a change a browser marks as cross-site, in the open mode too', async () => {
    const res = await fetch(`${open.url}/api/submissions/nope/approve`, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(403);
    const origin = await fetch(`${open.url}/api/submissions/nope/approve`, { method: 'POST', headers: { origin: 'https://example.org' } });
    expect(origin.status).toBe(403);
  });

  it('keeps answers private to their asker in the enforced mode', async () => {
    const res = await get(lanzhouTrend, tokens.gansu);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toMatch(/Authorization/);
    expect(res.headers.get('vary')).toMatch(/Cookie/);
  });

  it('records detail read with a token, and neither a HEAD request nor a public table', async () => {
    const before = (await readAudit(db.dataDir)).filter((e) => e.action === 'export').length;
    await fetch(`${enforced.url}/api/datasets/training?format=csv`, { method: 'HEAD', ...as(tokens.researcher) });
    await get('/api/datasets/region?format=csv', tokens.researcher);
    await get(`${lanzhouTrend}&format=csv`, tokens.gansu);
    const exports = (await readAudit(db.dataDir)).filter((e) => e.action === 'export');
    expect(exports.length - before).toBe(1);
    expect(exports.at(-1)?.target).toContain('prefecture-trend');
  });

  it('refuses further requests from a client after 30 refused tokens in a minute (last of the tests on the enforced server)', async () => {
    // Three tokens were refused above (a wrong one, a revoked one, a malformed one); the sign-in route counts its own.
    const statuses: number[] = [];
    for (let i = 0; i < 40 && statuses.at(-1) !== 429; i++) statuses.push((await get('/api/queries/training-trend', 'not-a-token')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.length - 1).toBe(30 - 3);
    // The client then waits, whatever token it sends; requests without a token are not limited.
    expect((await get('/api/queries/training-trend', tokens.planner)).status).toBe(429);
    expect((await get('/api/queries/training-trend')).status).toBe(200);
  });
});

describe('open demo mode on a data directory of its own', () => {
  it('writes nothing beside the snapshots (no key, no accounts): the directory may be read-only to the server', async () => {
    const fresh = await buildFixtureDb();
    const server = await startServer(fresh.dataDir);
    try {
      expect(((await (await fetch(`${server.url}/api/session`)).json()) as { mode: string }).mode).toBe('open');
      expect(existsSync(accessDir(fresh.dataDir))).toBe(false);
    } finally {
      await server.close();
      await fresh.close();
    }
  });
});
