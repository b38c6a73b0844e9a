import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { QueryDefinition } from '../queries/lib/define.js';
import { loadRegistry } from '../queries/registry.js';
import { runQuery } from '../queries/lib/run.js';
import { profileQuery, type QueryProfile } from './profile.js';
import { httpGet } from './http-client.js';
import { msSince, summarize, type Summary } from './stats.js';

/** One request the benchmark makes: a catalog query with its parameters as a query string would carry them. */
export interface QueryCase {
  name: string;
  /** 'defaults': no parameters (what a first visit asks); 'examples': every parameter at its ParamSpec example. */
  variant: 'defaults' | 'examples';
  params: Record<string, string>;
}

export interface QueryFigures extends QueryCase {
  rows: number;
  /** Arrow body size over HTTP. */
  bytes: number;
  inProcess: Summary;
  httpUncached: Summary;
  httpCached: Summary;
  /** What the server adds (validation, connection, Arrow encoding, HTTP): HTTP uncached p50 − in-process p50. */
  overheadP50Ms: number;
  /** EXPLAIN ANALYZE of queries over their time budget. */
  profile?: QueryProfile;
  error?: string;
}

interface QueryServers {
  uncached: string;
  cached: string;
}

/** Every catalog query twice: with no parameters, and with each parameter at its example (when that differs). */
function queryCases(registry: ReadonlyMap<string, QueryDefinition>): QueryCase[] {
  const cases: QueryCase[] = [];
  for (const definition of registry.values()) {
    cases.push({ name: definition.name, variant: 'defaults', params: {} });
    const examples = Object.fromEntries(Object.entries(definition.params).map(([name, spec]) => [name, spec.example]));
    if (Object.keys(examples).length > 0) cases.push({ name: definition.name, variant: 'examples', params: examples });
  }
  return cases;
}

/** The URL a dashboard would fetch for a case (Arrow, as the web app reads it). */
const queryUrl = (base: string, c: QueryCase): string =>
  `${base}/api/queries/${c.name}?${new URLSearchParams({ ...c.params, format: 'arrow' }).toString()}`;

async function timedHttp(url: string): Promise<{ ms: number; bytes: number }> {
  const response = await httpGet(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return { ms: response.totalMs, bytes: response.bytes };
}

export interface QueryBenchOptions {
  snapshotPath: string;
  servers: QueryServers;
  runs: number;
  warmup: number;
  /** Budget beyond which a query is profiled (in-process p50 and p95, ms). */
  budget: { p50: number; p95: number };
  log: (line: string) => void;
}

/**
 * Latency of every catalog query in-process (runQuery on a read-only connection, nothing cached) and over
 * HTTP with the server's result cache off and on. The three are interleaved run by run, so that a noisy
 * neighbour slows all of them alike; requests are sequential (identical concurrent ones would be shared).
 */
export async function measureQueries(options: QueryBenchOptions): Promise<QueryFigures[]> {
  const registry = await loadRegistry();
  const instance = await DuckDBInstance.fromCache(options.snapshotPath, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const figures: QueryFigures[] = [];
  try {
    for (const c of queryCases(registry)) {
      const definition = registry.get(c.name)!;
      try {
        figures.push(await measureCase(connection, definition, c, options));
      } catch (error) {
        options.log(`  ${c.name} (${c.variant}): failed: ${String(error)}`);
        const empty = summarize([Number.NaN]);
        figures.push({
          ...c,
          rows: 0,
          bytes: 0,
          inProcess: empty,
          httpUncached: empty,
          httpCached: empty,
          overheadP50Ms: Number.NaN,
          error: String(error),
        });
      }
    }
  } finally {
    connection.closeSync();
  }
  return figures;
}

async function measureCase(
  connection: DuckDBConnection,
  definition: QueryDefinition,
  c: QueryCase,
  options: QueryBenchOptions,
): Promise<QueryFigures> {
  const values = definition.schema.parse(c.params) as Record<string, unknown>;
  const uncachedUrl = queryUrl(options.servers.uncached, c);
  const cachedUrl = queryUrl(options.servers.cached, c);
  const runInProcess = async () => {
    const start = process.hrtime.bigint();
    const result = await runQuery(connection, definition, values as never);
    return { ms: msSince(start), rows: result.rowCount };
  };
  let rows = 0;
  for (let i = 0; i < options.warmup; i++) {
    rows = (await runInProcess()).rows;
    await timedHttp(uncachedUrl);
    await timedHttp(cachedUrl);
  }
  const inProcess: number[] = [];
  const uncached: number[] = [];
  const cached: number[] = [];
  let bytes = 0;
  for (let i = 0; i < options.runs; i++) {
    const local = await runInProcess();
    inProcess.push(local.ms);
    rows = local.rows;
    const remote = await timedHttp(uncachedUrl);
    uncached.push(remote.ms);
    bytes = remote.bytes;
    cached.push((await timedHttp(cachedUrl)).ms);
  }
  const figures: QueryFigures = {
    ...c,
    rows,
    bytes,
    inProcess: summarize(inProcess),
    httpUncached: summarize(uncached),
    httpCached: summarize(cached),
    overheadP50Ms: 0,
  };
  figures.overheadP50Ms = figures.httpUncached.p50 - figures.inProcess.p50;
  if (figures.inProcess.p50 > options.budget.p50 || figures.inProcess.p95 > options.budget.p95) {
    figures.profile = await profileQuery(connection, definition, values);
  }
  options.log(
    `  ${c.name} (${c.variant}): in-process p50 ${figures.inProcess.p50.toFixed(1)} ms, HTTP uncached p50 ${figures.httpUncached.p50.toFixed(1)} ms, cached ${figures.httpCached.p50.toFixed(1)} ms`,
  );
  return figures;
}
