import type { TableColumn, ChartTable } from '../charts/csv.js';
import type { Program, Province } from '../data/references.js';
import { shortName } from '../data/references.js';
import type { ResultSet } from '../decode.js';
import { formatCompact, formatNumber, formatPercent, formatRatio, type Lang } from '../i18n/format.js';
import type { Option } from '../ui/controls.js';
import type { PageContext } from './context.js';

/** The data of a query result as a download gives it: every column, under its API name. */
export function resultTable(result: ResultSet, only?: readonly string[]): ChartTable {
  const columns: TableColumn[] = result.columns.filter((c) => !only || only.includes(c.name)).map((c) => ({ key: c.name, label: c.name }));
  return { columns, rows: result.rows };
}

export function numberFormats(lang: Lang) {
  return {
    number: (v: number) => formatNumber(v, lang),
    decimal: (v: number) => formatNumber(v, lang, 1),
    compact: (v: number) => formatCompact(v, lang),
    percent: (v: number) => formatPercent(v),
    ratio: (v: number) => formatRatio(v),
  };
}

export const nameIn = (item: { name_zh: string; name_en: string }, lang: Lang): string => (lang === 'zh' ? item.name_zh : item.name_en);

export function unitOf(program: Program | undefined, lang: Lang): string {
  if (!program) return '';
  return lang === 'zh' ? program.unit_zh : program.unit_en;
}

export function programOptions(ctx: PageContext, factTable: string): Option[] {
  return ctx.refs.programs.filter((p) => p.factTable === factTable).map((p) => ({ value: p.code, label: nameIn(p, ctx.lang) }));
}

export const mainland = (ctx: PageContext): Province[] => ctx.refs.provinces.filter((p) => p.inMainland);

/** The nation (empty value) and the 31 mainland provinces. */
export function regionOptions(ctx: PageContext, nationLabel?: string): Option[] {
  const provinces = mainland(ctx).map((p) => ({ value: p.code, label: nameIn(p, ctx.lang) }));
  return nationLabel === undefined ? provinces : [{ value: '', label: nationLabel }, ...provinces];
}

/** Years from `from` to `to`, newest first, after a "latest" choice. */
export function yearOptions(from: number, to: number, latestLabel: string): Option[] {
  const years: Option[] = [];
  for (let y = to; y >= from; y--) years.push({ value: String(y), label: String(y) });
  return [{ value: '', label: latestLabel }, ...years];
}

/** Quarters back from the latest ('2026Q3'), newest first. */
export function quarterList(latest: string | null, count: number): string[] {
  const match = /^(\d{4})Q([1-4])$/.exec(latest ?? '');
  if (!match) return [];
  let year = Number(match[1]);
  let quarter = Number(match[2]);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

/** A province's short label for dense charts (广东 / Guangdong). */
export function provinceLabel(row: { name_zh?: unknown; name_en?: unknown }, lang: Lang): string {
  return shortName(String(row.name_zh ?? ''), String(row.name_en ?? ''), lang);
}

export const num = (v: unknown): number | null =>
  v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);

/** The latest year with data in the training facts ('2026-10' → 2026). */
export const trainingYear = (ctx: PageContext): number => Number((ctx.meta.freshness.training_through ?? '2025').slice(0, 4));
