import { httpGet } from './http-client.js';
import { readRssMb, sampleRss } from './server-process.js';
import { summarize } from './stats.js';

export type ExportFormat = 'json' | 'csv' | 'arrow' | 'parquet';
export const exportFormats: readonly ExportFormat[] = ['json', 'csv', 'arrow', 'parquet'];

export interface ExportFigures {
  rows: number;
  format: ExportFormat;
  /** Medians of the repeats: to the response headers and to the last byte. */
  ttfbMs: number;
  lastByteMs: number;
  bytes: number;
  /** The server's RSS just before the export and its peak during it (worst repeat). */
  rssBeforeMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  /** JSON's time to last byte ÷ this format's (for json itself, 1). */
  speedupOverJson: number;
}

export interface ExportOptions {
  url: string;
  pid: number;
  sizes: readonly number[];
  repeats: number;
  log: (line: string) => void;
}

const exportUrl = (base: string, rows: number, format: ExportFormat): string =>
  `${base}/api/datasets/training?limit=${rows}&format=${format}`;

/**
 * Large exports of the training table in every format: time to last byte, size, and how much the server's
 * memory grows while it streams. A Parquet export of the same rows runs first, untimed, so that every format
 * finds DuckDB's buffers equally warm; repeats run round-robin over the formats, each repeat starting one format further on. Times are
 * medians of the repeats; memory is the worst repeat's.
 */
export async function measureExports(options: ExportOptions): Promise<ExportFigures[]> {
  const figures: ExportFigures[] = [];
  for (const rows of options.sizes) {
    await httpGet(exportUrl(options.url, rows, 'parquet'));
    const samples = new Map<ExportFormat, { ttfbMs: number[]; lastByteMs: number[] }>();
    const worst = new Map<ExportFormat, Pick<ExportFigures, 'bytes' | 'rssBeforeMb' | 'rssPeakMb' | 'rssGrowthMb'>>();
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      // Each repeat starts one format further on, so no format always follows the same one.
      for (const format of [
        ...exportFormats.slice(repeat % exportFormats.length),
        ...exportFormats.slice(0, repeat % exportFormats.length),
      ]) {
        const rssBeforeMb = readRssMb(options.pid);
        const sampler = sampleRss(options.pid);
        const response = await httpGet(exportUrl(options.url, rows, format));
        const { peakMb } = sampler.stop();
        if (response.status !== 200) throw new Error(`export of ${rows} rows as ${format} answered ${response.status}`);
        const times = samples.get(format) ?? { ttfbMs: [], lastByteMs: [] };
        times.ttfbMs.push(response.ttfbMs);
        times.lastByteMs.push(response.totalMs);
        samples.set(format, times);
        const growth = peakMb - rssBeforeMb;
        const previous = worst.get(format);
        if (!previous || growth > previous.rssGrowthMb) {
          worst.set(format, { bytes: response.bytes, rssBeforeMb, rssPeakMb: peakMb, rssGrowthMb: growth });
        }
      }
    }
    const best = new Map<ExportFormat, Omit<ExportFigures, 'speedupOverJson'>>(
      exportFormats.map((format) => {
        const times = samples.get(format)!;
        const figures = { rows, format, ttfbMs: summarize(times.ttfbMs).p50, lastByteMs: summarize(times.lastByteMs).p50 };
        return [format, { ...figures, ...worst.get(format)! }];
      }),
    );
    const jsonMs = best.get('json')!.lastByteMs;
    for (const format of exportFormats) {
      const f = best.get(format)!;
      figures.push({ ...f, speedupOverJson: jsonMs / f.lastByteMs });
      options.log(
        `  ${rows.toLocaleString('en-US')} rows ${format}: ${f.lastByteMs.toFixed(0)} ms, ${(f.bytes / 1e6).toFixed(1)} MB, RSS +${f.rssGrowthMb.toFixed(0)} MB`,
      );
    }
  }
  return figures;
}
