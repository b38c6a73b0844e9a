import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureWebBuild } from '../tools/web-build.js';
import { prepareData } from './data.js';
import { measureExportLatency } from './export-latency.js';
import { measureExports } from './exports.js';
import { measureIngest } from './ingest.js';
import { measureCorrection } from './correction.js';
import { measureLoad } from './load.js';
import { withBenchLock } from './lock.js';
import { describeMachine } from './machine.js';
import { measureQueries } from './queries.js';
import type { BenchResult } from './result.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { targets } from './targets.js';
import { measureWeb, type WebFigures } from './web.js';

export interface BenchOptions {
  scale: number;
  /** Folder for generated files, the ingested data directory and scratch space. */
  root: string;
  /** Runs per query and path (≥ 20 for the real benchmark), after `warmup` untimed ones. */
  runs: number;
  warmup: number;
  loadSeconds: number;
  connections: number;
  exportRows: readonly number[];
  exportRepeats: number;
  /** Alternating bare-load/ingest pairs per format (the fastest of each is kept). */
  ingestRepeats: number;
  /** Cache budget of the cache-on server. */
  cacheMb: number;
  web: boolean;
  log: (line: string) => void;
}

export const defaultOptions = {
  scale: 14,
  runs: 20,
  warmup: 2,
  loadSeconds: 10,
  connections: 10,
  exportRows: [100_000, 1_000_000],
  exportRepeats: 2,
  ingestRepeats: 3,
  cacheMb: 256,
  web: true,
} as const;

/** Lets a freshly started server settle (JIT, first allocations) before its RSS is read. */
async function settledRss(server: ServerProcess): Promise<number> {
  await sleep(1000);
  return server.rssMb();
}

/** Stops servers even when a measurement throws. */
async function withServers<T>(starts: () => Promise<ServerProcess>[], work: (servers: ServerProcess[]) => Promise<T>): Promise<T> {
  const settled = await Promise.allSettled(starts());
  const servers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return await work(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/**
 * One benchmark run: data at a scale, ingest against DuckDB's bare load, every catalog query in-process and
 * over HTTP (cache off and on), concurrent load, large exports, server memory and the web app.
 */
export function runBench(options: BenchOptions): Promise<BenchResult> {
  return withBenchLock(options.root, () => measureAll(options));
}

async function measureAll(options: BenchOptions): Promise<BenchResult> {
  const started = new Date();
  const loadAtStart = loadavg()[0];
  const log = options.log;
  const machine = await describeMachine();
  const data = await prepareData(options.root, options.scale, log);
  log(
    `data: ${Object.entries(data.rows)
      .map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
      .join(', ')}; snapshot ${data.snapshotMb.toFixed(0)} MB`,
  );

  const ingest = await measureIngest(data, join(options.root, 'work'), options.ingestRepeats, log);
  const correction = await measureCorrection(data.dataDir, options.scale, join(options.root, 'work'), 5, log);

  // A server serves web/dist as it finds it at start and never builds it: build it first (when older than its
  // sources), and keep a failed build's error as the reason the web section is skipped.
  const webBuildError = await ensureWebBuild().then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  const serverOf = (cacheMb: number) => startServerProcess({ dataDir: data.dataDir, cacheMb });
  const phase1 = await withServers(
    () => [serverOf(0), serverOf(options.cacheMb)],
    async ([uncached, cached]) => {
      log('queries: in-process and over HTTP (cache off, cache on) …');
      const queries = await measureQueries({
        snapshotPath: data.snapshotPath,
        servers: { uncached: uncached.url, cached: cached.url },
        runs: options.runs,
        warmup: options.warmup,
        budget: { p50: targets.queryInProcessP50Ms, p95: targets.queryInProcessP95Ms },
        log,
      });
      const restAfterQueriesMb = await settledRss(cached);
      const cases = queries.filter((q) => !q.error);
      log(`load: ${options.connections} connections for ${options.loadSeconds} s, ${cases.length} dashboard requests …`);
      const load = [
        await measureLoad({
          url: cached.url,
          pid: cached.pid,
          cache: 'on',
          cases,
          connections: options.connections,
          seconds: options.loadSeconds,
        }),
        await measureLoad({
          url: uncached.url,
          pid: uncached.pid,
          cache: 'off',
          cases,
          connections: options.connections,
          seconds: options.loadSeconds,
        }),
      ];
      for (const l of load)
        log(`  cache ${l.cache}: ${l.requestsPerSecond.toFixed(0)} req/s, p99 ${l.latencyMs.p99} ms, ${l.failed} failed`);
      return { queries, load, restAfterQueriesMb };
    },
  );

  // A fresh server: the web app's first visit meets a cold result cache, and exports start from rest. Its RSS
  // at rest is read here rather than on the first servers, which also pay for tsx compiling changed sources.
  const phase2 = await withServers(
    () => [serverOf(options.cacheMb)],
    async ([server]) => {
      const restAfterStartMb = await settledRss(server);
      let web: WebFigures = { skipped: 'disabled (--no-web)' };
      if (options.web) {
        log('web: headless Chromium …');
        web = webBuildError ? { skipped: `the web app did not build: ${webBuildError}` } : await measureWeb(server.url);
        log(
          'skipped' in web
            ? `  skipped: ${web.skipped}`
            : `  first chart ${web.warm.firstChartMs.toFixed(0)} ms (cold ${web.cold.firstChartMs.toFixed(0)} ms)`,
        );
      }
      log('exports …');
      const exports = await measureExports({
        url: server.url,
        pid: server.pid,
        sizes: options.exportRows,
        repeats: options.exportRepeats,
        log,
      });
      return { web, exports, restAfterStartMb };
    },
  );

  // Servers of their own, with the cache off, one after the other: first admitting every export, then the default.
  log('a dashboard request during 10 concurrent JSON exports …');
  const exportLatency = await measureExportLatency({ dataDir: data.dataDir, exports: 10, rows: Math.max(...options.exportRows), log });

  const finished = new Date();
  return {
    meta: {
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      seconds: (finished.getTime() - started.getTime()) / 1000,
      scale: options.scale,
      machine,
      // 1-minute load average: how busy the shared machine was around the run.
      loadAverage: { start: loadAtStart, end: loadavg()[0] },
      settings: {
        runs: options.runs,
        warmup: options.warmup,
        loadSeconds: options.loadSeconds,
        connections: options.connections,
        exportRows: options.exportRows,
        exportRepeats: options.exportRepeats,
        ingestRepeats: options.ingestRepeats,
        cacheMb: options.cacheMb,
      },
    },
    data: {
      scale: data.scale,
      snapshotMb: data.snapshotMb,
      rows: data.rows,
      generateSeconds: data.generateSeconds,
      fullIngestSeconds: data.fullIngestSeconds,
    },
    ingest,
    correction,
    queries: phase1.queries,
    load: phase1.load,
    exports: phase2.exports,
    exportLatency,
    memory: {
      restAfterStartMb: phase2.restAfterStartMb,
      restAfterQueriesMb: phase1.restAfterQueriesMb,
      underLoadPeakMb: { cacheOn: phase1.load[0].rssPeakMb, cacheOff: phase1.load[1].rssPeakMb },
      exportPeakMb: Math.max(...phase2.exports.map((e) => e.rssPeakMb)),
    },
    web: phase2.web,
  };
}
