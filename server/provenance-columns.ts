import type { Bilingual } from '../core/bilingual.js';
import type { ColumnKind, OutputColumn } from '../queries/lib/define.js';
import type { Lang } from './format.js';

/**
 * Text columns that name a period: stored as the period's first day (a DATE) in Parquet, where tools then read
 * them as dates; every other format keeps the text the wire contract declares ('2024-03', '2024Q2').
 */
export const periodColumns: Record<string, { text: string; sql: (ref: string) => string; note: Bilingual }> = {
  month: {
    text: 'YYYY-MM',
    sql: (ref) => `strptime(${ref} || '-01', '%Y-%m-%d')::DATE`,
    note: { zh: '文本为 YYYY-MM；Parquet 中为该月第一天（DATE）', en: 'text YYYY-MM; in Parquet the first day of the month (DATE)' },
  },
  quarter: {
    text: 'YYYYQn',
    sql: (ref) => `make_date(left(${ref}, 4)::INTEGER, (right(${ref}, 1)::INTEGER - 1) * 3 + 1, 1)`,
    note: {
      zh: '文本为 YYYYQn（如 2024Q2）；Parquet 中为该季度第一天（DATE）',
      en: 'text YYYYQn (e.g. 2024Q2); in Parquet the first day of the quarter (DATE)',
    },
  },
};

/** The period a declared column holds, if it is one of the period columns (a text column named month or quarter). */
export function periodOf(column: { name: string; type: ColumnKind }): keyof typeof periodColumns | null {
  return column.type === 'string' && column.name in periodColumns ? column.name : null;
}

/** What a few columns mean beyond their label. */
const notes: Record<string, Bilingual> = {
  source: {
    zh: "'synthetic' 表示合成样例数据（CC0，非真实数据）；其余为该行数据的公开来源",
    en: "'synthetic' marks the synthetic sample (CC0, not real figures); any other value names the published source of the row",
  },
};

/** A column described in both languages: its label, its unit when it has one, and what its values are. */
export function describeColumn(column: OutputColumn): Bilingual {
  const period = periodOf(column);
  const extra = period ? periodColumns[period].note : notes[column.name];
  const zh = [column.label.zh, column.unit ? `单位：${column.unit.zh}` : '', extra?.zh ?? ''].filter(Boolean).join('；');
  const en = [column.label.en, column.unit ? `unit: ${column.unit.en}` : '', extra?.en ?? ''].filter(Boolean).join('; ');
  return { zh, en };
}

/** A CSV header in a language: the label with its unit, 培训人次（人次） / Person-times (person-times). */
function header(column: OutputColumn, lang: Lang): string {
  const label = column.label[lang];
  if (!column.unit) return label;
  return lang === 'zh' ? `${label}（${column.unit.zh}）` : `${label} (${column.unit.en})`;
}

/**
 * The CSV header of each column: its machine name without a language, else the label and unit in it. A header
 * that would repeat an earlier one is followed by the machine name in brackets, so headers stay unique.
 */
export function csvHeaders(names: readonly string[], declared: readonly OutputColumn[] | undefined, lang: Lang | null): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const column = declared?.find((c) => c.name === name);
    let text = lang && column ? header(column, lang) : name;
    if (seen.has(text)) text = `${text} [${name}]`;
    seen.add(text);
    return text;
  });
}
