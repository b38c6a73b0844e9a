import { formatMonth, formatQuarter, type Lang, pn } from '../i18n/format.js';
import { swatchLegend, withLegend } from './legend.js';
import { base, colorFor, countTick, monthDate, monthTick, Plot, quarterDate, timeTick, yearTick } from './plot-kit.js';
import { grid } from '../ui/theme.js';

/**
 * The years labelled on an axis: every one while there is room (about 36 px a label), else every second, third…
 * counted back from the last, so that the labels never run together on a phone.
 */
export function yearTicks(years: readonly number[], width: number): number[] {
  const room = Math.max(2, Math.floor((width - 72) / 36));
  if (years.length <= room) return [...years];
  const step = Math.ceil(years.length / room);
  const last = years[years.length - 1];
  return years.filter((y) => (last - y) % step === 0);
}

export type XKind = 'year' | 'month' | 'quarter' | 'monthOfYear';

export interface LinePoint {
  /** A year (number), a month 'YYYY-MM', a quarter 'YYYYQn' or a month of the year 1–12. */
  x: number | string;
  y: number | null;
  series: string;
}

export interface SeriesStyle {
  key: string;
  label: string;
  color?: string;
  dash?: string;
  strokeWidth?: number;
}

export interface LineChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  x: XKind;
  series: readonly SeriesStyle[];
  /** Label of the y axis (unit). */
  yLabel: string;
  /** Formats a value in the tooltip. */
  format: (value: number) => string;
  yTick?: (value: number) => string;
  /** Start the y axis at zero (counts). */
  zero?: boolean;
  dots?: boolean;
}

function xValue(kind: XKind, x: number | string): number | Date {
  if (kind === 'month') return monthDate(String(x));
  if (kind === 'quarter') return quarterDate(String(x));
  return Number(x);
}

export function xText(kind: XKind, x: number | string, lang: Lang): string {
  if (kind === 'month') return formatMonth(String(x), lang);
  if (kind === 'quarter') return formatQuarter(String(x), lang);
  if (kind === 'monthOfYear') return monthTick(lang)(Number(x));
  return String(x);
}

/** Lines over time, one per series, with a legend above and a tooltip naming the series, period and value. */
export function lineChart(points: readonly LinePoint[], options: LineChartOptions): HTMLElement {
  const { lang, x: kind } = options;
  const styles = new Map(options.series.map((s) => [s.key, s]));
  const color = colorFor(options.series.map((s) => s.key));
  const data = points
    .filter((p) => p.y !== null && Number.isFinite(p.y) && styles.has(p.series))
    .map((p) => ({ ...p, xv: xValue(kind, p.x), label: styles.get(p.series)!.label }));
  const xs = data.map((d) => d.xv);
  const tick =
    kind === 'year'
      ? yearTick
      : kind === 'monthOfYear'
        ? monthTick(lang)
        : timeTick(
            lang,
            xs.filter((v): v is Date => v instanceof Date),
          );
  const lines = options.series.map((s) =>
    Plot.line(
      data.filter((d) => d.series === s.key),
      { x: 'xv', y: 'y', stroke: s.color ?? color(s.key), strokeWidth: s.strokeWidth ?? 2, strokeDasharray: s.dash, curve: 'monotone-x' },
    ),
  );
  const years = kind === 'year' ? [...new Set(data.map((d) => Number(d.xv)))].sort((a, b) => a - b) : [];
  const chart = Plot.plot({
    ...base(options.width, options.height ?? 300),
    marginLeft: 56,
    marginTop: 30,
    marginRight: 16,
    x: {
      label: null,
      tickFormat: tick as (d: unknown) => string,
      ...(kind === 'year' ? { ticks: yearTicks(years, options.width) } : {}),
      ...(kind === 'monthOfYear' ? { domain: [1, 12], ticks: options.width < 520 ? [1, 3, 6, 9, 12] : 12 } : {}),
    },
    y: {
      label: options.yLabel,
      labelAnchor: 'top',
      labelArrow: 'none',
      tickFormat: (options.yTick ?? countTick(lang)) as (d: unknown) => string,
      zero: options.zero ?? true,
      grid: false,
      nice: true,
    },
    marks: [
      Plot.gridY({ stroke: grid, strokeOpacity: 1 }),
      options.zero === false ? null : Plot.ruleY([0], { stroke: '#9aa5b1' }),
      ...lines,
      options.dots
        ? Plot.dot(data, { x: 'xv', y: 'y', fill: (d: { series: string }) => styles.get(d.series)?.color ?? color(d.series), r: 2.5 })
        : null,
      Plot.dot(
        data,
        Plot.pointer({
          x: 'xv',
          y: 'y',
          r: 4,
          fill: (d: { series: string }) => styles.get(d.series)?.color ?? color(d.series),
          stroke: 'white',
        }),
      ),
      Plot.tip(
        data,
        Plot.pointer({
          x: 'xv',
          y: 'y',
          title: (d: (typeof data)[number]) => `${d.label}\n${xText(kind, d.x, lang)}${pn(lang).colon}${options.format(d.y as number)}`,
        }),
      ),
    ],
  });
  const legend =
    options.series.length > 1
      ? swatchLegend(
          options.series.map((s) => ({ label: s.label, color: s.color ?? color(s.key), shape: 'line' as const, dash: s.dash })),
          options.width,
        )
      : null;
  return withLegend(legend, chart);
}
