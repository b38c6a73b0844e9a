import * as Plot from '@observablehq/plot';
import { formatCompact, formatMonthOfYear, type Lang } from '../i18n/format.js';
import { FONT_STACK } from './download.js';
import { categorical, grid, ink } from '../ui/theme.js';

export type PlotOptions = Plot.PlotOptions;

/** Options every Plot chart shares: the width it is given, CJK-capable fonts, readable sizes. */
export function base(width: number, height: number): PlotOptions {
  return {
    width,
    height,
    marginTop: 16,
    style: { fontFamily: FONT_STACK, fontSize: '12px', color: ink, background: 'transparent', overflow: 'visible' },
  };
}

/** Tick labels for counts: 50万 / 500K. */
export const countTick = (lang: Lang) => (d: number) => formatCompact(d, lang);

/** Tick labels for years: never '2,015'. */
export const yearTick = (d: number) => String(Math.round(d));

export const monthTick = (lang: Lang) => (d: number) => formatMonthOfYear(d, lang);

/** A month 'YYYY-MM' or 'YYYY-MM-DD' as a UTC date for a time axis. */
export const monthDate = (month: string): Date => new Date(`${month.slice(0, 7)}-01T00:00:00Z`);

export const quarterDate = (quarter: string): Date =>
  new Date(Date.UTC(Number(quarter.slice(0, 4)), (Number(quarter.slice(-1)) - 1) * 3, 1));

/** Ticks on a monthly time axis: years when it spans years, months otherwise. */
export function timeTick(lang: Lang, dates: Date[]) {
  const span = dates.length ? (Math.max(...dates.map(Number)) - Math.min(...dates.map(Number))) / 86_400_000 : 0;
  if (span > 500) return (d: Date) => String(d.getUTCFullYear());
  return (d: Date) =>
    lang === 'zh'
      ? `${d.getUTCFullYear() % 100}年${d.getUTCMonth() + 1}月`
      : `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]} ${String(d.getUTCFullYear()).slice(2)}`;
}

export const gridRule = Plot.gridY({ stroke: grid, strokeOpacity: 1 });

/** A categorical colour for each key, stable for a given key order. */
export function colorFor(keys: readonly string[]): (key: string) => string {
  const index = new Map(keys.map((k, i) => [k, i]));
  return (key) => categorical[(index.get(key) ?? 0) % categorical.length];
}

/** Estimated width of a label in pixels (CJK characters are about one em wide, Latin about 0.58 em). */
export function textWidth(text: string, fontSize = 12): number {
  return [...text].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.58), 0);
}

/** Room on the left for the longest of some labels, at most `max` pixels. */
export function labelMargin(labels: readonly string[], fontSize = 12, max = 220): number {
  return Math.min(max, Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, fontSize)))) + 12);
}

/** A label cut with an ellipsis to fit a width (the tooltip still gives it whole). */
export function fitText(text: string, maxWidth: number, fontSize = 12): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, fontSize) > maxWidth) break;
    out += ch;
  }
  return `${out}…`;
}

export { Plot };
