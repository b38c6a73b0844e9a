import autocannon from 'autocannon';
import { httpGet } from './http-client.js';
import type { QueryCase } from './queries.js';
import { readRssMb, sampleRss } from './server-process.js';

export interface LoadFigures {
  cache: 'on' | 'off';
  connections: number;
  seconds: number;
  /** Distinct dashboard requests in the mix. */
  mix: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  ok: number;
  failed: number;
  rssBeforeMb: number;
  rssPeakMb: number;
}

export interface LoadOptions {
  url: string;
  pid: number;
  cache: 'on' | 'off';
  cases: readonly QueryCase[];
  connections: number;
  seconds: number;
}

/** Path and query of a case, as the web app asks for it (Arrow). */
const pathOf = (c: QueryCase): string => `/api/queries/${c.name}?${new URLSearchParams({ ...c.params, format: 'arrow' }).toString()}`;

/**
 * Throughput and tail latency of a mix of dashboard requests under concurrent load (autocannon, loopback).
 * Each connection walks the mix from its own random offset, so connections do not ask the same thing at the
 * same moment (the server shares identical concurrent requests, which would flatter the uncached figures).
 */
export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  const paths = options.cases.map(pathOf);
  // One pass first: fills the cache when it is on, and warms DuckDB's buffers either way.
  for (const path of paths) await httpGet(`${options.url}${path}`);
  const rssBeforeMb = readRssMb(options.pid);
  const during = sampleRss(options.pid);
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        setupRequest: (request, context) => {
          const next = typeof context.next === 'number' ? context.next : Math.floor(Math.random() * paths.length);
          context.next = next + 1;
          return { ...request, path: paths[next % paths.length] };
        },
      },
    ],
  });
  const rss = during.stop();
  const failed = result.non2xx + result.errors + result.timeouts;
  return {
    cache: options.cache,
    connections: options.connections,
    seconds: result.duration,
    mix: paths.length,
    requestsPerSecond: result['2xx'] / result.duration,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    ok: result['2xx'],
    failed,
    rssBeforeMb,
    rssPeakMb: rss.peakMb,
  };
}
