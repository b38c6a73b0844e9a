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

/** A cell as a number, or null when it is missing or not a finite number. */
export const num = (v: unknown): number | null =>
  v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);

/** A province's short label for dense charts (广东 / Guangdong). */
export function provinceLabel(row: { name_zh?: unknown; name_en?: unknown }, lang: Lang): string {
  return shortName(String(row.name_zh ?? ''), String(row.name_en ?? ''), lang);
}
