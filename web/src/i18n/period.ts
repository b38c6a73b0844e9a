import { formatQuarter, type Lang } from './format.js';

/**
 * The period a figure covers, in words: every card says its period with this one helper, so that a part year
 * never reads as a whole one. The analytics name periods as '2025' (a whole year), '2026-01/2026-10' (months of a
 * year still being reported), '2026Q3' (a quarter); a span of months can also be given as its first and last month.
 */
export interface MonthSpan {
  /** First month, 'YYYY-MM'. */
  start: string;
  /** Last month, 'YYYY-MM' (inclusive). */
  end: string;
}

export type PeriodInput = string | MonthSpan | null | undefined;

/** A period as months (from year-month to year-month) or as a quarter. */
export type ParsedPeriod =
  | { kind: 'months'; startYear: number; startMonth: number; endYear: number; endMonth: number }
  | { kind: 'quarter'; year: number; quarter: number };

/** 'span': what the figure covers ('2026年1–10月'); 'through': a year to date as its last month ('截至2026年10月'). */
export type PeriodStyle = 'span' | 'through';

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function month(text: string): [number, number] | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const m = Number(match[2]);
  return m >= 1 && m <= 12 ? [Number(match[1]), m] : null;
}

function months(start: [number, number] | null, end: [number, number] | null): ParsedPeriod | null {
  if (!start || !end || end[0] * 12 + end[1] < start[0] * 12 + start[1]) return null;
  return { kind: 'months', startYear: start[0], startMonth: start[1], endYear: end[0], endMonth: end[1] };
}

/**
 * Reads a period: 'YYYY' (a whole year), 'YYYY/YYYY' (whole years), 'YYYY-MM' (a month), 'YYYY-MM/YYYY-MM'
 * (months), 'YYYYQn' (a quarter), or {start, end} months. Anything else is null.
 */
export function parsePeriod(input: PeriodInput): ParsedPeriod | null {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') return months(month(input.start), month(input.end));
  const text = input.trim();
  const quarter = /^(\d{4})Q([1-4])$/.exec(text);
  if (quarter) return { kind: 'quarter', year: Number(quarter[1]), quarter: Number(quarter[2]) };
  const years = /^(\d{4})(?:\/(\d{4}))?$/.exec(text);
  if (years) return months([Number(years[1]), 1], [Number(years[2] ?? years[1]), 12]);
  const [from, to = from] = text.split('/');
  return months(month(from), month(to));
}

/** True when a period is whole calendar years (January to December). */
export function isWholeYears(period: ParsedPeriod | null): boolean {
  return period?.kind === 'months' && period.startMonth === 1 && period.endMonth === 12;
}

const zhMonth = (y: number, m: number) => `${y}年${m}月`;
const enMonth = (y: number, m: number) => `${monthsEn[m - 1]} ${y}`;

/**
 * A period in words. Whole year: '2025年全年' / '2025 (full year)'; whole years: '2021–2025年' / '2021–2025';
 * months of one year: '2026年1–10月' / 'Jan–Oct 2026' (or, in the 'through' style for January to a month,
 * '截至2026年10月' / 'through Oct 2026'); one month: '2026年3月' / 'Mar 2026'; across years:
 * '2025年11月–2026年2月' / 'Nov 2025 – Feb 2026'; a quarter: '2026年第3季度' / '2026 Q3'. What cannot be
 * read is given back as it is ('–' for nothing).
 */
export function formatPeriod(input: PeriodInput, lang: Lang, style: PeriodStyle = 'span'): string {
  const period = parsePeriod(input);
  if (!period) return typeof input === 'string' && input ? input : input && typeof input === 'object' ? `${input.start}/${input.end}` : '–';
  if (period.kind === 'quarter') return formatQuarter(`${period.year}Q${period.quarter}`, lang);
  const { startYear: sy, startMonth: sm, endYear: ey, endMonth: em } = period;
  const zh = lang === 'zh';
  if (isWholeYears(period)) {
    if (sy === ey) return zh ? `${sy}年全年` : `${sy} (full year)`;
    return zh ? `${sy}–${ey}年` : `${sy}–${ey}`;
  }
  if (sy === ey && sm === em) return zh ? zhMonth(sy, sm) : enMonth(sy, sm);
  if (style === 'through' && sy === ey && sm === 1) return zh ? `截至${zhMonth(ey, em)}` : `through ${enMonth(ey, em)}`;
  if (sy === ey) return zh ? `${sy}年${sm}–${em}月` : `${monthsEn[sm - 1]}–${monthsEn[em - 1]} ${sy}`;
  return zh ? `${zhMonth(sy, sm)}–${zhMonth(ey, em)}` : `${enMonth(sy, sm)} – ${enMonth(ey, em)}`;
}

/** Several periods in words, each once, in the order first met (a card whose indicators have different periods). */
export function formatPeriods(inputs: readonly PeriodInput[], lang: Lang): string {
  const texts = inputs.map((p) => formatPeriod(p, lang)).filter((text) => text !== '–');
  return [...new Set(texts)].join(lang === 'zh' ? '、' : ', ');
}

/** The months from January of a year to a month as a period ('2026-01/2026-10'), or the whole year ('2025'). */
export function yearToDate(year: number, through: string | null | undefined): string {
  const last = month(through ?? '');
  if (!last || last[0] !== year || last[1] === 12) return String(year);
  return `${year}-01/${through}`;
}
