import type { ExportFigures } from './exports.js';
import type { BenchResult } from './result.js';
import { targets } from './targets.js';

/** One figure against its target. */
export interface Check {
  section: string;
  figure: string;
  value: number;
  target: string;
  met: boolean;
}

export const at = (value: number, limit: number, better: 'lower' | 'higher'): boolean =>
  Number.isFinite(value) && (better === 'lower' ? value <= limit : value >= limit);

/** An export's size against the JSON export of the same rows (NaN without one). */
export const bytesOfJson = (exports: readonly ExportFigures[], e: ExportFigures): number =>
  e.bytes / (exports.find((x) => x.rows === e.rows && x.format === 'json')?.bytes ?? NaN);

/** Every targeted figure of a run, met or not. */
export function checks(result: BenchResult): Check[] {
  const list: Check[] = [];
  const add = (section: string, figure: string, value: number, target: string, met: boolean) =>
    list.push({ section, figure, value, target, met });
  const atMost = (section: string, figure: string, value: number, limit: number) =>
    add(section, figure, value, `≤ ${limit}`, at(value, limit, 'lower'));
  const atLeast = (section: string, figure: string, value: number, limit: number) =>
    add(section, figure, value, `≥ ${limit}`, at(value, limit, 'higher'));
  for (const i of result.ingest) {
    const limit = i.format === 'csv' ? targets.ingestCsvRatio : targets.ingestParquetRatio;
    atLeast('ingest', `${i.format} ingest ÷ bare load (file load)`, i.ratio.fileLoad, limit);
    atLeast('ingest', `${i.format} ingest ÷ bare load (end to end)`, i.ratio.endToEnd, limit);
  }
  const c = result.correction;
  if (c) {
    atMost('ingest', 'two-row correction, benchmark ÷ default snapshot', c.ratio, targets.correctionRatio);
    const disk = c.large.disk.ratio;
    atMost('ingest', `${c.large.disk.snapshots} retained snapshots ÷ one (disk)`, disk, targets.retainedDiskRatio);
  }
  for (const q of result.queries) {
    const name = `${q.name} (${q.variant})`;
    atMost('queries', `${name} in-process p50 ms`, q.inProcess.p50, targets.queryInProcessP50Ms);
    atMost('queries', `${name} in-process p95 ms`, q.inProcess.p95, targets.queryInProcessP95Ms);
    atMost('queries', `${name} HTTP (no cache) p50 ms`, q.httpUncached.p50, targets.queryHttpP50Ms);
  }
  const cached = result.load.find((l) => l.cache === 'on');
  if (cached) {
    atLeast('load', 'cached dashboard requests/s', cached.requestsPerSecond, targets.cachedRequestsPerSecond);
    atMost('load', 'cached dashboard p99 ms', cached.latencyMs.p99, targets.cachedP99Ms);
  }
  for (const e of result.exports) {
    if (e.format === 'csv' && e.rows === Math.max(...result.exports.map((x) => x.rows))) {
      add(
        'exports',
        `${e.rows.toLocaleString('en-US')}-row CSV export RSS growth MB`,
        e.rssGrowthMb,
        `< ${targets.csvExportRssGrowthMb}`,
        e.rssGrowthMb < targets.csvExportRssGrowthMb,
      );
    }
    if (e.format === 'arrow' || e.format === 'parquet') {
      const limit = e.format === 'arrow' ? targets.arrowSpeedupOverJson : targets.parquetSpeedupOverJson;
      add(
        'exports',
        `${e.rows.toLocaleString('en-US')}-row ${e.format} speed-up over JSON`,
        e.speedupOverJson,
        `≥ ${limit}×`,
        at(e.speedupOverJson, limit, 'higher'),
      );
    }
    if (e.format === 'arrow') {
      const share = bytesOfJson(result.exports, e);
      atMost('exports', `${e.rows.toLocaleString('en-US')}-row arrow bytes ÷ JSON's`, share, targets.arrowBytesOfJson);
    }
  }
  if (!('skipped' in result.web)) {
    atMost('web', 'first chart ms (warm server cache)', result.web.warm.firstChartMs, targets.firstChartMs);
    atMost('web', 'first chart ms (cold server)', result.web.cold.firstChartMs, targets.firstChartMs);
    atMost(
      'web',
      'first chart ms (1.6 Mbit/s, 150 ms round trip, empty browser cache)',
      result.web.slowLink.firstChartMs,
      targets.firstChartSlowLinkMs,
    );
    atMost('web', 'overview API requests (second visit)', result.web.warm.apiRequests, targets.overviewApiRequests);
    atMost('web', 'overview redraw after a filter change p50 ms (warm server)', result.web.redraw.warm.p50Ms, targets.redrawP50Ms);
  }
  return list;
}
