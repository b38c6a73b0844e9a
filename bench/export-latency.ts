import { Agent } from 'node:http';
import { readConfig } from '../server/config.js';
import { httpGet } from './http-client.js';
import { startServerProcess } from './server-process.js';
import { msSince, summarize, type Summary } from './stats.js';

/** A dashboard request that reaches DuckDB (the servers here run with the cache off): what a user waits for. */
const probePath = '/api/queries/annual-target-progress?format=json';

export interface ExportLatencyFigures {
  /** The server's EXPORT_CONCURRENCY ('unbounded': as many as were asked, each allowed 2 GB of temporary space). */
  concurrency: number | 'unbounded';
  /** Full JSON exports asked for at once, each of `rows` rows. */
  exports: number;
  rows: number;
  admitted: number;
  /** Answered 503 with Retry-After. */
  refused: number;
  /** Answered anything else, or cut off. */
  failed: number;
  /** From the first export asked to the last answer. */
  exportsSeconds: number;
  /** Probe latency while the exports ran, and with the server at rest just before. */
  probe: Summary;
  probeAtRest: Summary;
}

export interface ExportLatencyOptions {
  dataDir: string;
  exports: number;
  rows: number;
  log: (line: string) => void;
}

/** Sequential probes on one keep-alive connection until `until` settles. */
async function probeWhile(url: string, until: Promise<unknown>): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let done = false;
  void until.finally(() => (done = true));
  const samples: number[] = [];
  try {
    do {
      const start = process.hrtime.bigint();
      const response = await httpGet(`${url}${probePath}`, { agent });
      if (response.status !== 200) throw new Error(`the probe answered ${response.status}`);
      samples.push(msSince(start));
    } while (!done);
  } finally {
    agent.destroy();
  }
  return samples;
}

async function oneServer(options: ExportLatencyOptions, concurrency: number | 'unbounded'): Promise<ExportLatencyFigures> {
  const env: Record<string, string> =
    concurrency === 'unbounded'
      ? { EXPORT_CONCURRENCY: String(options.exports), EXPORT_TEMP_BUDGET_MB: String(options.exports * 2048) }
      : { EXPORT_CONCURRENCY: String(concurrency) };
  const server = await startServerProcess({ dataDir: options.dataDir, cacheMb: 0, env: { ...env, EXPORTS_PER_MINUTE: '0' } });
  try {
    // Warm: DuckDB's buffers and the probe's plan, so that rest and load differ only by the exports.
    await httpGet(`${server.url}/api/datasets/training?format=parquet&limit=${options.rows}`);
    const rest = await probeWhile(server.url, new Promise((resolve) => setTimeout(resolve, 2000)));
    const started = process.hrtime.bigint();
    // Each export on a connection of its own, read as fast as it comes.
    const exports = Promise.all(
      Array.from({ length: options.exports }, () =>
        httpGet(`${server.url}/api/datasets/training?format=json&limit=${options.rows}`, { agent: new Agent() }).catch(() => null),
      ),
    );
    const [answers, probe] = await Promise.all([exports, probeWhile(server.url, exports)]);
    const figures: ExportLatencyFigures = {
      concurrency,
      exports: options.exports,
      rows: options.rows,
      admitted: answers.filter((a) => a?.status === 200).length,
      refused: answers.filter((a) => a?.status === 503 && a.headers['retry-after']).length,
      failed: answers.filter((a) => !a || (a.status !== 200 && a.status !== 503)).length,
      exportsSeconds: msSince(started) / 1000,
      probe: summarize(probe),
      probeAtRest: summarize(rest),
    };
    options.log(
      `  EXPORT_CONCURRENCY ${concurrency}: ${figures.admitted} exported, ${figures.refused} refused in ${figures.exportsSeconds.toFixed(1)} s; probe p50 ${figures.probe.p50.toFixed(0)} ms, p99 ${figures.probe.p99.toFixed(0)} ms (at rest p99 ${figures.probeAtRest.p99.toFixed(0)} ms)`,
    );
    return figures;
  } finally {
    await server.stop();
  }
}

/**
 * Latency of a dashboard request while many large JSON exports run at once: on a server that admits them all with
 * no temporary-space limit (as before exports were bounded), and on one with the default EXPORT_CONCURRENCY.
 */
export async function measureExportLatency(options: ExportLatencyOptions): Promise<ExportLatencyFigures[]> {
  return [await oneServer(options, 'unbounded'), await oneServer(options, readConfig({}).EXPORT_CONCURRENCY)];
}
