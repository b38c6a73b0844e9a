import type { QueryRows } from '../../../queries/contract.js';
import type { Bar } from '../charts/bar-chart.js';
import type { LinePanel } from '../charts/line-panels.js';
import type { LinePoint, SeriesStyle } from '../charts/line-chart.js';
import type { ResultSet } from '../decode.js';
import { formatChange, formatNumber, formatPercent, formatRatio, pn } from '../i18n/format.js';
import { formatPeriod } from '../i18n/period.js';
import { highlight, reference, referenceDash } from '../ui/theme.js';
import { denominatorFootnote, num, numberFormats, provinceLabel, resultTable, type CardModel, type Locale } from './common.js';

export interface ByRegionModel extends CardModel {
  bars: Bar[];
  /** The mainland's rate: all person-times over all working-age people (for the same months). */
  reference: { value: number; label: string } | undefined;
  /** The x axis: per 10,000 working-age people, year to date for a part year. */
  xLabel: string;
}

/** The period a training-by-region result covers: its first and last month ('2026-01'–'2026-10'), else its year. */
function regionPeriod(row: QueryRows['training-by-region']): string | { start: string; end: string } {
  const start = typeof row.period_start === 'string' ? row.period_start : null;
  const end = typeof row.period_end === 'string' ? row.period_end : null;
  return start && end ? { start, end } : String(row.year ?? '');
}

/**
 * Person-times per 10,000 working-age people by province, ranked by the rate (highest first), the chosen province
 * highlighted. A year still being reported is year to date and compared with the same months of the year before.
 */
export function byRegionModel(
  result: ResultSet<QueryRows['training-by-region']>,
  region: string,
  unit: string,
  { lang, t }: Locale,
): ByRegionModel | null {
  const rows = result.rows;
  if (!rows.length) return null;
  const f = numberFormats(lang);
  const p = pn(lang);
  const first = rows[0];
  const partYear = first.period_complete === false;
  const previous = Number(first.year) - 1;
  const period = formatPeriod(regionPeriod(first), lang);
  const totalPersonTimes = rows.reduce((s, r) => s + (num(r.person_times) ?? 0), 0);
  const totalAge = rows.reduce((s, r) => s + (num(r.working_age) ?? 0), 0);
  const national = totalAge ? (totalPersonTimes / totalAge) * 1e4 : null;
  const rate = (r: QueryRows['training-by-region']) => num(r.per_10k);
  const sorted = [...rows].sort((a, b) => (rate(b) ?? -Infinity) - (rate(a) ?? -Infinity));
  const changeLabel = partYear ? t('changeOnSameMonths', { year: previous }) : t('changeOnYear');
  const bars: Bar[] = sorted.map((r) => ({
    key: String(r.region_code),
    label: provinceLabel(r, lang),
    value: rate(r),
    highlight: r.region_code === region,
    detail: [
      partYear
        ? t('per10kYtdValue', { value: formatNumber(rate(r), lang, 1), annualised: formatNumber(num(r.per_10k_annualised), lang, 1) })
        : t('per10kValue', { value: formatNumber(rate(r), lang, 1) }),
      `${t('personTimes')}${p.colon}${formatNumber(num(r.person_times), lang)} ${unit}`,
      `${t('shareOfNational')}${p.colon}${formatPercent(num(r.share_of_national))}`,
      `${changeLabel}${p.colon}${formatChange(num(r.change_on_previous_year))}`,
      `${t('rankLabel')}${p.colon}${r.rank}`,
    ].join('\n'),
  }));
  return {
    summary: t('byRegionSummary', {
      period,
      top: bars
        .slice(0, 3)
        .map((b) => `${b.label} ${f.decimal(b.value ?? 0)}`)
        .join(p.list),
      national: national === null ? '–' : f.decimal(national),
    }),
    table: resultTable(result),
    period,
    bars,
    reference: national === null ? undefined : { value: national, label: `${t('nation')} ${f.decimal(national)}` },
    xLabel: partYear ? t('per10kAxisYtd') : t('per10kAxis'),
    sourceNote: denominatorFootnote(rows, lang),
  };
}

export interface PovertyModel extends CardModel {
  panels: LinePanel[];
  series: SeriesStyle[];
  yLabel: string;
  /** Said when the placements are known for the nation only. */
  note: string | null;
}

/** The former poverty areas against the nation, per 10,000 working-age people: training, and Three Supports placements. */
export function povertyModel(result: ResultSet<QueryRows['poverty-areas']>, lastFull: number, { lang, t }: Locale): PovertyModel | null {
  const rows = result.rows;
  if (!rows.length) return null;
  const full = rows.filter((r) => Number(r.year) <= lastFull);
  const pair = (area: (r: (typeof rows)[number]) => unknown, nation: (r: (typeof rows)[number]) => unknown): LinePoint[] =>
    full.flatMap((r) => [
      { x: Number(r.year), y: num(area(r)), series: 'areas' },
      { x: Number(r.year), y: num(nation(r)), series: 'nation' },
    ]);
  const training = pair(
    (r) => r.area_per_10k,
    (r) => r.national_per_10k,
  );
  const placements = pair(
    (r) => r.area_placements_per_10k,
    (r) => r.national_placements_per_10k,
  );
  const hasPlacements = placements.some((d) => d.y !== null);
  const latest = full.at(-1);
  const years = full.map((r) => Number(r.year)).filter(Number.isFinite);
  return {
    ...(years.length ? { period: formatPeriod(`${Math.min(...years)}/${Math.max(...years)}`, lang) } : {}),
    summary: t('povertySummary', {
      year: String(latest?.year ?? '–'),
      ratio: formatRatio(num(latest?.ratio_to_national)),
      areas: formatNumber(num(latest?.area_per_10k), lang, 1),
      nation: formatNumber(num(latest?.national_per_10k), lang, 1),
    }),
    table: resultTable(result),
    panels: [
      { title: t('povertyTrainingPanel'), points: training, format: (v) => formatNumber(v, lang, 1) },
      { title: t('povertyPlacementsPanel'), points: placements, format: (v) => formatNumber(v, lang, 2), empty: t('emptyState') },
    ],
    series: [
      { key: 'areas', label: t('povertyAreas'), color: highlight, strokeWidth: 2.5 },
      { key: 'nation', label: t('nation'), color: reference, dash: referenceDash },
    ],
    yLabel: t('per10kAxis'),
    note: hasPlacements && !placements.some((d) => d.series === 'areas' && d.y !== null) ? t('povertyAreasMissing') : null,
  };
}
