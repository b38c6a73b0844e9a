import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench } from '../../bench/harness.js';
import { writeResultFile } from '../../bench/publish.js';
import { checks } from '../../bench/checks.js';
import { renderMarkdown } from '../../bench/report.js';
import type { BenchResult } from '../../bench/result.js';
import { exportFormats } from '../../bench/exports.js';
import { ensureWebBuild } from '../../tools/web-build.js';

/** Under CI (.ci/run exports CI=1) the web section must be measured: a skip there is a failure. */
const underCi = Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI ?? '');

/** Every number anywhere inside a value, with its path (null marks a figure not measured, e.g. reused data). */
function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  return [];
}

const notFinite = (value: unknown) => numbersIn(value).filter(([, n]) => !Number.isFinite(n));

// Benchmarks never gate on time: this runs the harness at a tiny scale and checks its shape, not its speed.
describe('benchmark harness at a tiny scale', () => {
  let root = '';
  let result: BenchResult;

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('measures every section with finite numbers', { timeout: 300_000 }, async () => {
    root = await mkdtemp(join(tmpdir(), 'talent-bench-'));
    // The bench's server serves web/dist: build it first, so that a build that fails fails here, loudly.
    await ensureWebBuild();
    result = await runBench({
      scale: 0.02,
      root: join(root, 'data'),
      runs: 3,
      warmup: 1,
      loadSeconds: 1,
      connections: 2,
      exportRows: [200, 1000],
      exportRepeats: 1,
      ingestRepeats: 1,
      cacheMb: 16,
      web: true,
      log: () => {},
    });

    expect(result.data.rows.training).toBeGreaterThan(0);
    expect(result.data.rows.labor_market).toBeGreaterThan(0);

    expect(result.ingest.map((i) => i.format)).toEqual(['csv', 'parquet']);
    for (const i of result.ingest) expect(i.rows).toBe(result.data.rows.training);
    expect(notFinite(result.ingest)).toEqual([]);

    expect(result.queries.length).toBeGreaterThanOrEqual(8);
    expect(result.queries.filter((q) => q.error).map((q) => `${q.name}: ${q.error}`)).toEqual([]);
    for (const q of result.queries) expect(q.inProcess.runs).toBe(3);
    expect(notFinite(result.queries)).toEqual([]);

    expect(result.load.map((l) => l.cache)).toEqual(['on', 'off']);
    for (const l of result.load) {
      expect(l.ok).toBeGreaterThan(0);
      expect(l.failed).toBe(0);
    }
    expect(notFinite(result.load)).toEqual([]);

    expect(result.exports.map((e) => `${e.rows}:${e.format}`)).toEqual([200, 1000].flatMap((n) => exportFormats.map((f) => `${n}:${f}`)));
    for (const e of result.exports) expect(e.bytes).toBeGreaterThan(0);
    expect(notFinite(result.exports)).toEqual([]);

    expect(notFinite(result.memory)).toEqual([]);
    expect(result.memory.restAfterStartMb).toBeGreaterThan(0);

    // The web section is measured when web/dist and Chromium are there, and says why it was skipped otherwise;
    // under CI a skipped web section is a failure.
    if ('skipped' in result.web) {
      expect(result.web.skipped).not.toBe('');
      if (underCi) expect.fail(`CI is set but the bench's web section was skipped: ${result.web.skipped}`);
      console.warn(`bench smoke test: the web section was skipped: ${result.web.skipped}`);
    } else {
      expect(notFinite(result.web)).toEqual([]);
      for (const visit of [result.web.cold, result.web.warm]) {
        expect(visit.charts).toBeGreaterThan(0);
        expect(visit.firstChartMs).toBeGreaterThan(0);
        expect(visit.allChartsMs).toBeGreaterThanOrEqual(visit.firstChartMs);
        expect(visit.apiRequests).toBeGreaterThan(0);
      }
      // The overview's filter changes: the same ones timed twice, each redraw taking some time and some requests.
      expect(result.web.redraw.changes).toBe(21);
      for (const pass of [result.web.redraw.firstPass, result.web.redraw.warm]) {
        expect(pass.p50Ms).toBeGreaterThan(0);
        expect(pass.maxMs).toBeGreaterThanOrEqual(pass.p95Ms);
        expect(pass.p95Ms).toBeGreaterThanOrEqual(pass.p50Ms);
        expect(pass.apiRequestsPerChange).toBeGreaterThan(0);
      }
    }
  });

  it('reports every section, every target and a result file', async () => {
    const markdown = renderMarkdown(result);
    for (const heading of ['### Ingest', '### Catalog queries', '### Concurrent load', '### Exports', '### Server memory', '### Web app'])
      expect(markdown).toContain(heading);
    const list = checks(result);
    expect(list.filter((c) => c.section === 'queries')).toHaveLength(result.queries.length * 3);
    for (const section of ['ingest', 'load', 'exports']) expect(list.some((c) => c.section === section)).toBe(true);
    // Arrow is judged on its speed and on its bytes against JSON's, at each export size.
    const sizes = new Set(result.exports.map((e) => e.rows)).size;
    expect(list.filter((c) => /arrow bytes ÷ JSON's$/.test(c.figure))).toHaveLength(sizes);
    if (!('skipped' in result.web)) {
      expect(markdown).toContain('filter changes on the overview');
      expect(list.map((c) => c.figure)).toEqual(
        expect.arrayContaining(['overview API requests (second visit)', 'overview redraw after a filter change p50 ms (warm server)']),
      );
    }
    const file = await writeResultFile(result, join(root, 'results'));
    const written = JSON.parse(await readFile(file, 'utf8')) as BenchResult & { checks: unknown[] };
    expect(written.checks).toHaveLength(list.length);
    expect(written.meta.scale).toBe(0.02);
  });
});
