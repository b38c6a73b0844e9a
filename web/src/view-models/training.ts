import type { QueryRows } from '../../../queries/contract.js';
import type { LinePoint, SeriesStyle } from '../charts/line-chart.js';
import type { Code, Program } from '../data/references.js';
import type { ResultSet, Row } from '../decode.js';
import { formatNumber, pn, type Lang } from '../i18n/format.js';
import { formatPeriod } from '../i18n/period.js';
import { nameOf } from '../i18n/index.js';
import { categorical, highlight, pastYears } from '../ui/theme.js';
import { num, resultTable, rowsTable, type CardModel, type Locale } from './common.js';
import type { ScopeNames } from './scope.js';

/** The last year whose twelve months are all in the data: '2026-10' → 2025, '2026-12' → 2026. */
export function lastFullYear(trainingThrough: string | null): number {
  const through = trainingThrough ?? '';
  return Number(through.slice(5, 7)) === 12 ? Number(through.slice(0, 4)) : Number(through.slice(0, 4)) - 1;
}

/** The unit lines of the training cards, naming the filters each card follows. */
export function trainingHeadings(names: ScopeNames, { t }: Locale) {
  return {
    byProgram: t('byProgramUnit', { scope: names.region, field: names.field }),
    byField: `${names.program} · ${names.region} · ${names.unit}`,
    seasonal: `${names.program} · ${names.region} · ${names.field} · ${names.unit}`,
    byRegion: t('byRegionUnit', { program: names.program, field: names.field, unit: names.unit }),
    poverty: t('povertyUnit', { program: names.program }),
  };
}

/** The years a set of yearly points covers, in words ('2015–2025年' / '2015–2025'); undefined without points. */
export function yearsPeriod(years: readonly number[], lang: Lang): string | undefined {
  const known = years.filter((y) => Number.isFinite(y));
  if (!known.length) return undefined;
  return formatPeriod(`${Math.min(...known)}/${Math.max(...known)}`, lang);
}

/** Lines with their series' styles and the y axis's label. */
export interface LinesModel extends CardModel {
  points: LinePoint[];
  series: SeriesStyle[];
  yLabel: string;
}

type TrendResult = ResultSet<QueryRows['training-trend']>;

/** Yearly rows of several trend results (one per item) as points of one series per item, complete years only. */
function yearlyPoints<I extends { code: string }>(items: readonly I[], results: readonly TrendResult[], lastFull: number) {
  return items.flatMap((item, i) =>
    (results[i]?.rows ?? []).filter((r) => !(Number(r.period) > lastFull)).map((row) => ({ item, row, year: Number(row.period) })),
  );
}

/** Person-times of each programme counted in person-times, by year: the trend of the whole training effort. */
export function byProgramModel(programs: readonly Program[], results: readonly TrendResult[], lastFull: number, { lang, t }: Locale) {
  const yearly = yearlyPoints(programs, results, lastFull);
  if (!yearly.length) return null;
  const points: LinePoint[] = yearly.map(({ item, row, year }) => ({ x: year, y: num(row.person_times), series: item.code }));
  const table: Row[] = yearly.map(({ item, row, year }) => ({ program_code: item.code, year, person_times: num(row.person_times) }));
  const latest = programs
    .map((p) => ({ p, v: points.filter((d) => d.series === p.code).at(-1)?.y ?? null }))
    .sort((a, b) => (b.v ?? 0) - (a.v ?? 0));
  return {
    summary: t('byProgramSummary', {
      year: lastFull,
      items: latest.map((l) => `${nameOf(l.p, lang)} ${formatNumber(l.v, lang)}`).join(pn(lang).semi),
    }),
    table: rowsTable(table),
    period: yearsPeriod(
      yearly.map((d) => d.year),
      lang,
    ),
    points,
    series: programs.map((p, i) => ({ key: p.code, label: nameOf(p, lang), color: categorical[i % 10] })),
    yLabel: t('personTimes'),
  } satisfies LinesModel;
}

/** A programme's person-times in each field, by year; only fields with some volume get a line. */
export function byFieldModel(
  fields: readonly Code[],
  results: readonly TrendResult[],
  lastFull: number,
  unit: string,
  { lang, t }: Locale,
) {
  const yearly = yearlyPoints(fields, results, lastFull);
  if (!yearly.length) return null;
  const points: LinePoint[] = yearly.map(({ item, row, year }) => ({ x: year, y: num(row.person_times), series: item.code }));
  const table: Row[] = yearly.map(({ item, row, year }) => ({
    field_code: item.code,
    year,
    person_times: num(row.person_times),
    participants: num(row.participants),
    certificates: num(row.certificates),
  }));
  const present = fields.filter((f) => points.some((p) => p.series === f.code && (p.y ?? 0) > 0));
  return {
    summary: t('byFieldSummary', { fields: present.map((f) => nameOf(f, lang)).join(pn(lang).list), year: lastFull }),
    table: rowsTable(table),
    period: yearsPeriod(
      yearly.map((d) => d.year),
      lang,
    ),
    points,
    series: present.map((f, i) => ({ key: f.code, label: nameOf(f, lang), color: categorical[i % 10] })),
    yLabel: unit,
  } satisfies LinesModel;
}

/** The last four years month by month, the current year highlighted: when in the year training happens. */
export function seasonalModel(result: TrendResult, unit: string, { lang, t }: Locale): LinesModel | null {
  const rows = result.rows.filter((r) => /^\d{4}-\d{2}/.test(String(r.period)));
  if (!rows.length) return null;
  const yearOf = (r: QueryRows['training-trend']) => String(r.period).slice(0, 4);
  const years = [...new Set(rows.map(yearOf))].sort().slice(-4);
  const points: LinePoint[] = rows
    .filter((r) => years.includes(yearOf(r)))
    .map((r) => ({ x: Number(String(r.period).slice(5, 7)), y: num(r.person_times), series: yearOf(r) }));
  const current = years.length - 1;
  const series = years.map((y, i) => ({
    key: y,
    label: y,
    color: i === current ? highlight : (pastYears[i] ?? categorical[i]),
    strokeWidth: i === current ? 3 : 2,
  }));
  const peak = [...points].filter((p) => p.series === years.at(-2)).sort((a, b) => (b.y ?? 0) - (a.y ?? 0))[0];
  const shown = rows.filter((r) => years.includes(yearOf(r))).map((r) => String(r.period).slice(0, 7));
  return {
    period: formatPeriod({ start: shown.reduce((a, b) => (a < b ? a : b)), end: shown.reduce((a, b) => (a > b ? a : b)) }, lang),
    summary: t('seasonalSummary', { years: years.join(pn(lang).list), month: peak ? String(peak.x) : '–' }),
    table: resultTable(result),
    points,
    series,
    yLabel: unit,
  };
}
