import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';

// A small real snapshot: one year of vocational training in three regions.
const training = `month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny
2024-01,110100,vocational_training,general,60,50,5,0
2024-03,440100,vocational_training,general,200,180,20,0
2024-05,540100,vocational_training,general,30,30,0,0
`;

let db: FixtureDb;
let server: RunningServer;

beforeAll(async () => {
  db = await buildFixtureDb({ 'training.csv': training });
  server = await startServer(db.dataDir);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request as sent on the wire (the path untouched, no automatic decompression), and the bytes answered. */
function raw(path: string, headers: Record<string, string> = {}, on: RunningServer = server): Promise<Raw> {
  const { hostname, port } = new URL(on.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const problemOf = (r: Raw) => {
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(r.body.toString('utf8')) as { status: number; title: string; detail?: string };
  expect(body.status).toBe(r.status);
  // Our words only: no stack frame, no engine or internal path.
  expect(r.body.toString('utf8')).not.toMatch(/at \w+ \(|node_modules|\/tmp\/|URIError|Error:/);
  return body;
};

describe('the server refuses malformed requests in problem details', () => {
  it('answers a malformed percent-escape with 400, in the API and in the web app', async () => {
    const webDir = await mkdtemp(join(tmpdir(), 'talent-web-'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>app</title>');
    const withApp = await startServer(db.dataDir, {}, { webDir });
    try {
      for (const path of ['/api/queries/%zz', '/%ff', '/assets/%E0%A4%A', '/api/datasets/%E0%A4%A']) {
        const r = await raw(path, {}, withApp);
        expect(r.status, path).toBe(400);
        expect(problemOf(r).detail).toContain('percent-escape');
      }
      // Any other address is the app's own page.
      expect((await raw('/no/such/page', {}, withApp)).body.toString()).toContain('<title>app</title>');
    } finally {
      await withApp.close();
      await rm(webDir, { recursive: true, force: true });
    }
  });

  it('answers an unknown non-API address with a 404 problem, not an HTML page', async () => {
    const r = await raw('/no/such/page');
    expect(r.status).toBe(404);
    expect(problemOf(r).detail).toContain('/no/such/page');
  });

  it('refuses a range whose start comes after its end, and an as_of month outside the years served', async () => {
    const trend = await raw('/api/queries/training-trend?from=2025&to=2020');
    expect(trend.status).toBe(400);
    expect(trend.body.toString()).toContain('from (2025) comes after to (2020)');
    const exportRange = await raw('/api/datasets/training?from_year=2024&to_year=2023&format=json');
    expect(exportRange.status).toBe(400);
    const asOf = await raw('/api/queries/annual-target-progress?as_of=1990-01');
    expect(asOf.status).toBe(400);
    expect(asOf.body.toString()).toContain('as_of');
    // The same range the other way round is fine.
    expect((await raw('/api/queries/training-trend?from=2020&to=2025')).status).toBe(200);
  });

  it('answers an address beyond the header limit with a 431 problem, not a bare reset', async () => {
    const r = await raw(`/api/queries/training-trend?region=${'4'.repeat(20_000)}`);
    expect(r.status).toBe(431);
    expect(problemOf(r).detail).toContain('limit');
  });
});

describe('safe defaults', () => {
  it('sends security headers: a content security policy, nosniff, no framing, a referrer policy', async () => {
    const r = await raw('/api/queries');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('same-origin');
    expect(r.headers['x-powered-by']).toBeUndefined();
  });

  it('compresses JSON with brotli or gzip as the client accepts, to the same bytes', async () => {
    const plain = await raw('/api/queries');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await raw('/api/queries', { 'Accept-Encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    const gz = await raw('/api/queries', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });

  it("sends the web app's assets precompressed as the browser accepts, cached for good under their hashed name", async () => {
    const webDir = await mkdtemp(join(tmpdir(), 'talent-web-'));
    await mkdir(join(webDir, 'assets'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>app</title>');
    const script = Buffer.from(`console.log(${JSON.stringify('看板'.repeat(2000))});`);
    await writeFile(join(webDir, 'assets', 'index-abc123.js'), script);
    await writeFile(join(webDir, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
    await writeFile(join(webDir, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    const withApp = await startServer(db.dataDir, {}, { webDir });
    try {
      const br = await raw('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br' }, withApp);
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.body).equals(script)).toBe(true);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers['content-type']).toMatch(/javascript/);
      const gz = await raw('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip' }, withApp);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(script)).toBe(true);
      const plain = await raw('/assets/index-abc123.js', {}, withApp);
      expect(plain.body.equals(script)).toBe(true);
      expect((await raw('/', {}, withApp)).headers['cache-control']).toBe('no-cache');
    } finally {
      await withApp.close();
      await rm(webDir, { recursive: true, force: true });
    }
  });

  it('limits dataset exports per client a minute, saying when to retry', async () => {
    const limited = await startServer(db.dataDir, {}, { exportsPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await raw('/api/datasets/training?format=csv', {}, limited)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await raw('/api/datasets/training?format=csv', {}, limited);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(problemOf(refused).detail).toContain('3 dataset exports a minute');
      // Analytics are not counted, nor the small reference lists every page of the app reads at start.
      expect((await raw('/api/queries/training-trend', {}, limited)).status).toBe(200);
      for (let i = 0; i < 5; i += 1) expect((await raw('/api/datasets/reference-lists?format=json', {}, limited)).status).toBe(200);
      expect((await raw('/api/datasets/region?levels=province', {}, limited)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
