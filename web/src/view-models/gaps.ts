import type { QueryRows } from '../../../queries/contract.js';
import type { Bar, BarChartOptions } from '../charts/bar-chart.js';
import type { ColorSpec } from '../charts/color-scale.js';
import type { HeatCell } from '../charts/heatmap.js';
import type { ResultSet } from '../decode.js';
import { formatNumber, formatPercent, formatQuarter, formatRatio, formatSignedInteger, pn } from '../i18n/format.js';
import { nameOf, type MessageKey } from '../i18n/index.js';
import { num, numberFormats, provinceLabel, resultTable, type CardModel, type Locale } from './common.js';

/** Short names of the eight major groups of the national occupational classification (GB/T 6565). */
export const groupShortKeys: Record<string, MessageKey> = {
  '1': 'group1',
  '2': 'group2',
  '3': 'group3',
  '4': 'group4',
  '5': 'group5',
  '6': 'group6',
  '7': 'group7',
  '8': 'group8',
};

/** The thresholds θ a user can choose for the zone panels, and the default. */
export const thetas = ['1.2', '1.5', '2'];
export const defaultTheta = '1.5';

export interface HeatmapModel extends CardModel {
  cells: HeatCell[];
  xDomain: string[];
  yDomain: string[];
  color: ColorSpec;
  format: (value: number) => string;
}

/** A bar chart's bars with its axis and formats. */
export interface BarsModel extends CardModel, Omit<BarChartOptions, 'width' | 'lang'> {
  bars: Bar[];
}

/** The ratio of vacancies to job seekers by region (rows) and occupation group (columns, in code order). */
export function talentGapModel(result: ResultSet<QueryRows['talent-gap']>, { lang, t }: Locale): HeatmapModel | null {
  const rows = result.rows;
  if (!rows.length) return null;
  const f = numberFormats(lang);
  const p = pn(lang);
  const groupName = (r: (typeof rows)[number]) => {
    const key = groupShortKeys[String(r.group_code)];
    return key ? t(key) : nameOf(r, lang, 'group_name');
  };
  const groupOf = new Map(
    [...new Map(rows.map((r) => [String(r.group_code), groupName(r)])).entries()].sort((a, b) => a[0].localeCompare(b[0])),
  );
  const cells: HeatCell[] = rows.map((r) => ({
    x: groupOf.get(String(r.group_code))!,
    y: provinceLabel(r, lang),
    value: num(r.ratio),
    detail: [
      `${t('ratioLabel')}${p.colon}${formatRatio(num(r.ratio))}`,
      `${t('vacancies')}${p.colon}${f.number(num(r.vacancies) ?? NaN)}`,
      `${t('jobSeekers')}${p.colon}${f.number(num(r.job_seekers) ?? NaN)}`,
      `${t('gapLabel')}${p.colon}${f.number(num(r.gap) ?? NaN)}`,
      `${t('changeOnQuarter')}${p.colon}${formatRatio(num(r.ratio_change_on_previous_quarter))}`,
    ].join('\n'),
  }));
  const ratios = cells.map((c) => c.value).filter((v): v is number => v !== null);
  const tightest = [...rows].sort((a, b) => (num(b.ratio) ?? 0) - (num(a.ratio) ?? 0))[0];
  return {
    summary: t('heatmapSummary', {
      quarter: formatQuarter(String(rows[0].quarter), lang),
      above: ratios.filter((r) => r > 1).length,
      total: ratios.length,
      region: provinceLabel(tightest, lang),
      group: groupOf.get(String(tightest.group_code)) ?? '',
      ratio: formatRatio(num(tightest.ratio)),
    }),
    table: resultTable(result),
    cells,
    xDomain: [...groupOf.values()],
    yDomain: [...new Map(rows.map((r) => [String(r.region_code), provinceLabel(r, lang)])).values()],
    color: {
      kind: 'diverging',
      pivot: 1,
      domain: [Math.min(...ratios), Math.max(...ratios)],
      label: t('ratioLegend'),
      tickFormat: (v) => formatRatio(v, 1),
    },
    format: (v) => formatRatio(v),
  };
}

/** A rank move: ▲3 up, ▼2 down, ＝ unchanged, or new. */
export const rankMove = (change: number | null, newText: string): string =>
  change === null ? newText : change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '＝';

/** The occupations most in shortage nationally, by shortage score, with their moves in rank. */
export function shortageModel(result: ResultSet<QueryRows['shortage-occupations']>, { lang, t }: Locale): BarsModel | null {
  if (!result.rows.length) return null;
  const f = numberFormats(lang);
  const p = pn(lang);
  const bars: Bar[] = result.rows.map((r) => {
    const change = num(r.rank_change);
    return {
      key: String(r.occupation_code),
      label: `${r.rank}. ${nameOf(r, lang)}`,
      value: num(r.score),
      note: rankMove(change, t('newEntry')),
      detail: [
        `${t('ratioLabel')}${p.colon}${formatRatio(num(r.ratio))}`,
        `${t('vacancies')} / ${t('jobSeekers')}${p.colon}${f.number(num(r.vacancies) ?? NaN)} / ${f.number(num(r.job_seekers) ?? NaN)}`,
        `${t('regionsWithGap')}${p.colon}${r.regions_with_gap}/${r.regions_reporting}`,
        `${t('rankChange')}${p.colon}${change === null ? t('newEntry') : formatSignedInteger(change)}`,
      ].join('\n'),
    };
  });
  return {
    summary: t('shortageSummary', {
      quarter: formatQuarter(String(result.rows[0].quarter), lang),
      items: bars
        .slice(0, 5)
        .map((b) => b.label)
        .join(p.list),
    }),
    table: resultTable(result),
    bars,
    xLabel: t('shortageScore'),
    format: f.compact,
  };
}

/** Each strategic zone's share of catalogue occupations above θ; the chosen zone stands out. */
export function zonePressureModel(
  result: ResultSet<QueryRows['zone-pressure']>,
  { lang, t, zone, theta }: Locale & { zone: string; theta: number },
): BarsModel | null {
  if (!result.rows.length) return null;
  const f = numberFormats(lang);
  const p = pn(lang);
  const bars: Bar[] = result.rows.map((r) => ({
    key: String(r.zone_code),
    label: nameOf(r, lang),
    value: num(r.share_over_theta),
    highlight: r.zone_code === zone,
    note: `${r.occupations_over_theta}/${r.occupations_reported}`,
    detail: [
      `${t('occupationsOverTheta', { theta })}${p.colon}${r.occupations_over_theta}/${r.occupations_reported}`,
      `${t('ratioAll')}${p.colon}${formatRatio(num(r.ratio))}`,
      `${t('ratioCatalogue')}${p.colon}${formatRatio(num(r.catalogue_ratio))}`,
      `${t('vacancies')}${p.colon}${f.number(num(r.vacancies) ?? NaN)}`,
    ].join('\n'),
  }));
  return {
    summary: t('zonePressureSummary', { theta, items: bars.map((b) => `${b.label} ${formatPercent(b.value)}`).join(p.semi) }),
    table: resultTable(result),
    bars,
    xLabel: t('shareOverTheta'),
    format: (v) => formatPercent(v, 0),
    tick: (v) => formatPercent(v, 0),
    barHeight: 30,
  };
}

/** A zone's tightest occupations by ratio, those above θ highlighted, θ drawn as a line. */
export function zoneTightestModel(
  result: ResultSet<QueryRows['zone-tightest-occupations']>,
  { lang, t, theta }: Locale & { theta: number },
): BarsModel | null {
  if (!result.rows.length) return null;
  const f = numberFormats(lang);
  const p = pn(lang);
  const bars: Bar[] = result.rows.map((r) => ({
    key: String(r.occupation_code),
    label: `${r.rank}. ${nameOf(r, lang)}`,
    value: num(r.ratio),
    highlight: (num(r.ratio) ?? 0) > theta,
    detail: [
      `${t('vacancies')}${p.colon}${f.number(num(r.vacancies) ?? NaN)}`,
      `${t('jobSeekers')}${p.colon}${f.number(num(r.job_seekers) ?? NaN)}`,
      `${t('gapLabel')}${p.colon}${formatNumber(num(r.gap), lang)}`,
    ].join('\n'),
  }));
  return {
    summary: t('zoneTightestSummary', {
      items: bars
        .slice(0, 5)
        .map((b) => `${b.label} ${formatRatio(b.value)}`)
        .join(p.list),
    }),
    table: resultTable(result),
    bars,
    xLabel: t('ratioLabel'),
    format: (v) => formatRatio(v),
    tick: (v) => formatRatio(v, 1),
    reference: { value: theta, label: `θ = ${theta}` },
  };
}
