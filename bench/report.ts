import { at, bytesOfJson, checks } from './checks.js';
import { describeProfile } from './profile.js';
import type { CorrectionFigures } from './correction.js';
import type { BenchResult } from './result.js';
import { targets } from './targets.js';

const int = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const ms = (x: number): string => (!Number.isFinite(x) ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const num = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const mark = (met: boolean): string => (met ? '✅' : '❌');
const judged = (text: string, met: boolean): string => `${text} ${mark(met)}`;
const rate = (rows: number, seconds: number): string => `${num(seconds, 1)} s · ${num(rows / seconds / 1e6, 2)} M rows/s`;
const table = (head: string[], rows: string[][]): string =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function ingestSection(r: BenchResult): string {
  return table(
    [
      'Training file',
      'Rows',
      'Bare DuckDB load',
      'Ingest: file load',
      'Ingest: end to end',
      'File load ÷ bare',
      'End to end ÷ bare',
      'Target',
      'CPU used by other processes (bare / ingest)',
    ],
    r.ingest.map((i) => {
      const limit = i.format === 'csv' ? targets.ingestCsvRatio : targets.ingestParquetRatio;
      return [
        i.format.toUpperCase(),
        int(i.rows),
        `${rate(i.rows, i.bare.loadSeconds)} (+ ${num(i.bare.checkpointSeconds, 1)} s CHECKPOINT)`,
        rate(i.rows, i.ingest.fileSeconds),
        rate(i.rows, i.ingest.totalSeconds),
        judged(num(i.ratio.fileLoad), at(i.ratio.fileLoad, limit, 'higher')),
        judged(num(i.ratio.endToEnd), at(i.ratio.endToEnd, limit, 'higher')),
        `≥ ${limit}`,
        `${Math.round(i.otherCpu.bare * 100)} % / ${Math.round(i.otherCpu.ingest * 100)} %`,
      ];
    }),
  );
}

function correctionSection(r: BenchResult): string {
  const c = r.correction;
  if (!c) return '(not measured in this run)';
  const row = (label: string, x: typeof c.small, ratio: string) => [
    label,
    int(x.trainingRows),
    `${num(x.medianSeconds)} s (${x.seconds.map((s) => num(s)).join(', ')})`,
    x.rollups,
    ratio,
    `${x.disk.snapshots} files, ${int(x.disk.retainedMb)} MB ÷ ${int(x.disk.liveMb)} MB = ${num(x.disk.ratio)}`,
  ];
  return (
    table(
      [
        'Snapshot',
        'Training rows',
        'Median (runs)',
        'Started as (rollups)',
        `Against the default (≤ ${targets.correctionRatio})`,
        `Retained ÷ live with its base, on disk (≤ ${targets.retainedDiskRatio})`,
      ],
      [row('default', c.small, '1'), row('benchmark', c.large, judged(num(c.ratio), at(c.ratio, targets.correctionRatio, 'lower')))],
    ) + readsAfterCorrections(c.large.reads)
  );
}

/** What the corrections cost later reads (informative: no target). */
function readsAfterCorrections(reads: CorrectionFigures['large']['reads']): string {
  if (!reads) return '';
  return `\n\nReads after the corrections: the ${reads.queries} catalog queries (defaults, in-process p50s summed) take ${num(reads.correctedMs)} ms on the corrected snapshot against ${num(reads.sourceMs)} ms on the one corrected (${num(reads.ratio)}×); the most added to one query: ${num(reads.worst.addedMs)} ms (${reads.worst.name}).`;
}

function querySection(r: BenchResult): string {
  const params = (p: Record<string, string>) =>
    Object.keys(p).length
      ? Object.entries(p)
          .map(([k, v]) => `${k}=${v}`)
          .join('&')
      : '(defaults)';
  return table(
    [
      'Query',
      'Parameters',
      'Rows',
      `In-process p50 (≤ ${targets.queryInProcessP50Ms})`,
      `In-process p95 (≤ ${targets.queryInProcessP95Ms})`,
      `HTTP no cache p50 (≤ ${targets.queryHttpP50Ms})`,
      'HTTP no cache p95',
      'HTTP cached p50',
      'Server overhead p50',
    ],
    r.queries.map((q) =>
      q.error
        ? [q.name, params(q.params), '–', `error: ${q.error.slice(0, 80)}`, '', '', '', '', '']
        : [
            q.name,
            params(q.params),
            int(q.rows),
            judged(ms(q.inProcess.p50), at(q.inProcess.p50, targets.queryInProcessP50Ms, 'lower')),
            judged(ms(q.inProcess.p95), at(q.inProcess.p95, targets.queryInProcessP95Ms, 'lower')),
            judged(ms(q.httpUncached.p50), at(q.httpUncached.p50, targets.queryHttpP50Ms, 'lower')),
            ms(q.httpUncached.p95),
            ms(q.httpCached.p50),
            ms(q.overheadP50Ms),
          ],
    ),
  );
}

function loadSection(r: BenchResult): string {
  return table(
    [
      'Result cache',
      `Requests/s (cache on: ≥ ${int(targets.cachedRequestsPerSecond)})`,
      'p50 ms',
      'p90 ms',
      `p99 ms (cache on: ≤ ${targets.cachedP99Ms})`,
      'Failed',
      'Server RSS before → peak (MB)',
    ],
    r.load.map((l) => {
      const on = l.cache === 'on';
      return [
        l.cache,
        on
          ? judged(int(l.requestsPerSecond), at(l.requestsPerSecond, targets.cachedRequestsPerSecond, 'higher'))
          : int(l.requestsPerSecond),
        ms(l.latencyMs.p50),
        ms(l.latencyMs.p90),
        on ? judged(ms(l.latencyMs.p99), at(l.latencyMs.p99, targets.cachedP99Ms, 'lower')) : ms(l.latencyMs.p99),
        int(l.failed),
        `${int(l.rssBeforeMb)} → ${int(l.rssPeakMb)}`,
      ];
    }),
  );
}

function exportSection(r: BenchResult): string {
  const largest = Math.max(...r.exports.map((x) => x.rows));
  return table(
    [
      'Rows',
      'Format',
      'Time to last byte (ms)',
      'TTFB (ms)',
      'Size (MB)',
      `Speed-up over JSON (Arrow ≥ ${targets.arrowSpeedupOverJson}×, Parquet ≥ ${targets.parquetSpeedupOverJson}×)`,
      `Bytes ÷ JSON's (Arrow ≤ ${targets.arrowBytesOfJson})`,
      `Server RSS before → peak, growth (MB; ${int(largest)}-row CSV: < ${targets.csvExportRssGrowthMb})`,
    ],
    r.exports.map((e) => {
      const limit = e.format === 'arrow' ? targets.arrowSpeedupOverJson : e.format === 'parquet' ? targets.parquetSpeedupOverJson : null;
      const share = bytesOfJson(r.exports, e);
      const rss = `${int(e.rssBeforeMb)} → ${int(e.rssPeakMb)}, +${int(e.rssGrowthMb)}`;
      return [
        int(e.rows),
        e.format,
        ms(e.lastByteMs),
        ms(e.ttfbMs),
        num(e.bytes / 1e6, 1),
        limit !== null ? judged(`${num(e.speedupOverJson)}×`, at(e.speedupOverJson, limit, 'higher')) : `${num(e.speedupOverJson)}×`,
        e.format === 'arrow' ? judged(num(share), at(share, targets.arrowBytesOfJson, 'lower')) : num(share),
        e.format === 'csv' && e.rows === largest ? judged(rss, e.rssGrowthMb < targets.csvExportRssGrowthMb) : rss,
      ];
    }),
  );
}

function exportLatencySection(r: BenchResult): string {
  if (!r.exportLatency) return 'Not measured in this run.';
  return table(
    [
      'EXPORT_CONCURRENCY',
      'Exports asked / sent / refused (503)',
      'Until the last answer (s)',
      'Probe p50 / p99 (ms)',
      'At rest p50 / p99 (ms)',
    ],
    r.exportLatency.map((e) => [
      e.concurrency === 'unbounded' ? `${e.exports} (every export admitted)` : `${e.concurrency} (default)`,
      `${e.exports} / ${e.admitted} / ${e.refused}${e.failed ? `, ${e.failed} failed` : ''}`,
      num(e.exportsSeconds, 1),
      `${ms(e.probe.p50)} / ${ms(e.probe.p99)}`,
      `${ms(e.probeAtRest.p50)} / ${ms(e.probeAtRest.p99)}`,
    ]),
  );
}

function memorySection(r: BenchResult): string {
  const m = r.memory;
  return table(
    ['Server state', 'RSS (MB)'],
    [
      ['just started on the snapshot', int(m.restAfterStartMb)],
      ['at rest after every catalog query (cache filled)', int(m.restAfterQueriesMb)],
      ['peak under load, cache on', int(m.underLoadPeakMb.cacheOn)],
      ['peak under load, cache off', int(m.underLoadPeakMb.cacheOff)],
      ['peak during the exports', int(m.exportPeakMb)],
    ],
  );
}

function webSection(r: BenchResult): string {
  const w = r.web;
  if ('skipped' in w) return `Skipped: ${w.skipped}.`;
  const row = (label: string, v: typeof w.warm) => [
    label,
    judged(ms(v.firstChartMs), at(v.firstChartMs, targets.firstChartMs, 'lower')),
    ms(v.allChartsMs),
    int(v.charts),
    judged(int(v.apiRequests), at(v.apiRequests, targets.overviewApiRequests, 'lower')),
  ];
  const redraw = w.redraw;
  const pass = (label: string, p: typeof redraw.warm, target: boolean) => [
    label,
    target ? judged(ms(p.p50Ms), at(p.p50Ms, targets.redrawP50Ms, 'lower')) : ms(p.p50Ms),
    ms(p.p95Ms),
    ms(p.maxMs),
    num(p.apiRequestsPerChange, 1),
  ];
  const errors = w.consoleErrors.length ? `\n\nConsole errors: ${w.consoleErrors.map((e) => `\`${e.slice(0, 120)}\``).join('; ')}` : '';
  return (
    table(
      [
        'Visit',
        `First chart (ms, ≤ ${targets.firstChartMs})`,
        'All charts (ms)',
        'Charts',
        `API requests (≤ ${targets.overviewApiRequests})`,
      ],
      [row('server just started (cold cache)', w.cold), row('second visit, new browser context (warm server cache)', w.warm)],
    ) +
    '\n\n' +
    table(
      ['Visit', `First chart (ms, ≤ ${targets.firstChartSlowLinkMs})`, 'All charts (ms)', 'Charts'],
      [
        [
          `${w.slowLink.link.downloadMbps} Mbit/s down, ${w.slowLink.link.roundTripMs} ms round trip, empty browser cache (warm server cache)`,
          judged(ms(w.slowLink.firstChartMs), at(w.slowLink.firstChartMs, targets.firstChartSlowLinkMs, 'lower')),
          ms(w.slowLink.allChartsMs),
          int(w.slowLink.charts),
        ],
      ],
    ) +
    '\n\n' +
    `${redraw.changes} filter changes on the overview (year, province, programme in turn), each timed from the change to the frame in which every card is drawn again:\n\n` +
    table(
      ['Server', `p50 (ms, ≤ ${targets.redrawP50Ms})`, 'p95 (ms)', 'Slowest (ms)', 'API requests a change'],
      [
        pass('first time it meets each request (result cache cold for it)', redraw.firstPass, false),
        pass('warm (the same changes again, new browser context)', redraw.warm, true),
      ],
    ) +
    errors
  );
}

function profileSection(r: BenchResult): string {
  const profiled = r.queries.filter((q) => q.profile);
  if (profiled.length === 0) return 'Every query ran within its in-process budget.';
  return profiled
    .map((q) => `**${q.name}** (${q.variant}):\n\n\`\`\`\n${describeProfile({ ...q.profile!, top: q.profile!.top.slice(0, 5) })}\n\`\`\``)
    .join('\n\n');
}

/** The whole run as markdown: a summary line, then every figure beside its target, section by section. */
export function renderMarkdown(r: BenchResult): string {
  const all = checks(r);
  const met = all.filter((c) => c.met).length;
  const missed = all.filter((c) => c.met === false);
  const m = r.meta.machine;
  const rows = Object.entries(r.data.rows)
    .map(([t, n]) => `${t} ${int(n)}`)
    .join(', ');
  return [
    `## Scale ${r.meta.scale}: ${r.meta.startedAt.slice(0, 10)}`,
    '',
    `Data: ${rows} rows; snapshot ${int(r.data.snapshotMb)} MB. Run took ${num(r.meta.seconds / 60, 1)} min (1-minute load average ${num(r.meta.loadAverage.start, 1)} at the start, ${num(r.meta.loadAverage.end, 1)} at the end).`,
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGb} GB memory, ${m.os}; Node ${m.node}; DuckDB ${m.duckdb}.`,
    `Targets (stated for about 10 million training rows): **${met} of ${all.length} met**.${missed.length ? ` Not met: ${missed.map((c) => c.figure).join('; ')}.` : ''}`,
    '',
    `### Ingest of the training file (fastest of ${r.ingest[0]?.repeats ?? 0} alternating bare/ingest pairs)`,
    ingestSection(r),
    '',
    `### A ${r.correction?.rowsCorrected ?? 2}-row correction of training (ingest() end to end; the ingest keeps three snapshots)`,
    correctionSection(r),
    '',
    `### Catalog queries (ms; ${r.meta.settings.runs} runs each, interleaved; HTTP returns Arrow)`,
    querySection(r),
    '',
    `### Where the slow queries spend their time (EXPLAIN ANALYZE of each query over ${targets.queryInProcessP50Ms} ms p50 or ${targets.queryInProcessP95Ms} ms p95)`,
    profileSection(r),
    '',
    `### Concurrent load (autocannon, ${r.meta.settings.connections} connections, ${r.meta.settings.loadSeconds} s, loopback; mix of ${r.load[0]?.mix ?? 0} dashboard requests)`,
    loadSection(r),
    '',
    '### Exports of the training table (GET /api/datasets/training?limit=N&format=…)',
    exportSection(r),
    '',
    `### A dashboard request during ${r.exportLatency?.[0]?.exports ?? 10} concurrent JSON exports of ${int(r.exportLatency?.[0]?.rows ?? 0)} rows (cache off; sequential probes of annual-target-progress)`,
    exportLatencySection(r),
    '',
    '### Server memory',
    memorySection(r),
    '',
    '### Web app (headless Chromium, time from navigation)',
    webSection(r),
    '',
  ].join('\n');
}
