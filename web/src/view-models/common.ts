import type { ChartTable, TableColumn } from '../charts/csv.js';
import { shortName } from '../data/references.js';
import type { ResultSet, Row } from '../decode.js';
import { formatCompact, formatNumber, formatPercent, formatRatio, type Lang } from '../i18n/format.js';
import type { Translate } from '../i18n/index.js';

/** What every view model is given besides its rows: the language and its messages. */
export interface Locale {
  lang: Lang;
  t: Translate;
}

/** What a card shows besides the chart: its one-or-two-sentence summary and the data behind it. */
export interface CardModel {
  summary: string;
  table: ChartTable;
  /** The period the figures cover, in words ('2026年1–10月', '2025 (full year)'): the card's unit line ends with it. */
  period?: string;
  /** Added to the card's source line (e.g. where the targets come from). */
  sourceNote?: string | null;
}

/**
 * The footnote for rates over census denominators known to be incomplete (the queries' denominator_note_zh/en):
 * each noted region once, with its note, in the language; null when no row carries one.
 */
export function denominatorFootnote(
  rows: readonly { name_zh?: unknown; name_en?: unknown; denominator_note_zh?: unknown; denominator_note_en?: unknown }[],
  lang: Lang,
): string | null {
  const notes = new Map<string, string>();
  for (const row of rows) {
    const note = lang === 'zh' ? row.denominator_note_zh : row.denominator_note_en;
    const name = lang === 'zh' ? row.name_zh : row.name_en;
    if (typeof note === 'string' && note && !notes.has(String(name))) notes.set(String(name), note);
  }
  if (!notes.size) return null;
  const separator = lang === 'zh' ? '：' : ': ';
  return [...notes].map(([name, note]) => `${name}${separator}${note}`).join(lang === 'zh' ? '；' : '; ');
}

/** The data of a query result as a download gives it: every column, under its API name. */
export function resultTable<R extends Row>(result: ResultSet<R>, only?: readonly string[]): ChartTable {
  const columns: TableColumn[] = result.columns.filter((c) => !only || only.includes(c.name)).map((c) => ({ key: c.name, label: c.name }));
  return { columns, rows: result.rows };
}

/** A table of rows built in the browser: its columns are the first row's keys. */
export function rowsTable(rows: Row[]): ChartTable {
  return { columns: Object.keys(rows[0] ?? {}).map((k) => ({ key: k, label: k })), rows };
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

/** The period a row of the annual-target analytics covers: its `period`, else January to its as-of month. */
export function periodOf(row: { period?: unknown; year?: unknown; as_of?: unknown; months_elapsed?: unknown }): string {
  if (typeof row.period === 'string' && row.period) return row.period;
  if (Number(row.months_elapsed) === 12 || !row.as_of) return String(row.year ?? '');
  return `${String(row.year)}-01/${String(row.as_of).slice(0, 7)}`;
}

/** A cell as a number, or null when it is missing or not a finite number. */
export const num = (v: unknown): number | null =>
  v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);

/** A province's short label for dense charts (广东 / Guangdong). */
export function provinceLabel(row: { name_zh?: unknown; name_en?: unknown }, lang: Lang): string {
  return shortName(String(row.name_zh ?? ''), String(row.name_en ?? ''), lang);
}
