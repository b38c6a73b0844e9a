import type { QueryRows } from '../../../queries/contract.js';
import type { ColorSpec } from '../charts/color-scale.js';
import type { Tile } from '../charts/tile-map.js';
import { shortName, type Province } from '../data/references.js';
import type { ResultSet } from '../decode.js';
import { formatNumber, formatRatio, pn, type Lang } from '../i18n/format.js';
import { nameOf, unitOf, type MessageKey, type Translate } from '../i18n/index.js';
import { formatPeriod } from '../i18n/period.js';
import { num, numberFormats, resultTable, type CardModel, type Locale } from './common.js';

/** The indicators of region-profile and region-comparison, in their order. */
export const indicators = [
  'training_per_10k',
  'knowledge_renewal_per_10k',
  'certificates_per_10k',
  'vacancy_seeker_ratio',
  'competition_medals',
  'platforms_per_million',
] as const;
export type Indicator = (typeof indicators)[number];
export const defaultIndicator: Indicator = 'vacancy_seeker_ratio';

/** The dataset an indicator is read from, whose date the map's source line must name. */
export function indicatorDataset(indicator: Indicator): 'training' | 'labor' | 'competition' | 'talent' {
  switch (indicator) {
    case 'vacancy_seeker_ratio':
      return 'labor';
    case 'competition_medals':
      return 'competition';
    case 'platforms_per_million':
      return 'talent';
    default:
      return 'training';
  }
}

const indicatorKeys: Record<Indicator, MessageKey> = {
  training_per_10k: 'indTraining',
  knowledge_renewal_per_10k: 'indKnowledgeRenewal',
  certificates_per_10k: 'indCertificates',
  vacancy_seeker_ratio: 'indGapRatio',
  competition_medals: 'indMedals',
  platforms_per_million: 'indPlatforms',
};

export const isIndicator = (value: string): value is Indicator => (indicators as readonly string[]).includes(value);

/** An indicator's name (an unknown code reads as the first indicator, as the server never sends one). */
export const indicatorLabel = (indicator: string | null, t: Translate): string => t(indicatorKeys[indicator as Indicator] ?? 'indTraining');

export const isRatio = (indicator: string | null): boolean => indicator === 'vacancy_seeker_ratio';

/** A value as a reader sees it: ratios with two decimals, small values with one, large ones whole. */
export const formatValue = (indicator: string | null, value: number, lang: Lang): string =>
  isRatio(indicator) ? formatRatio(value) : formatNumber(value, lang, value < 100 ? 1 : 0);

/** The period of an indicator's value in words ('2026年1–10月', '2026 Q3'), or '' when the row does not say. */
export function indicatorPeriod(row: { period?: unknown; year?: unknown; indicator?: unknown }, lang: Lang): string {
  const period = row.period ?? row.year;
  if (period === null || period === undefined || period === '') return '';
  // Medals and platforms are counted by year, whatever months have passed: '2026年', not '2026年全年', which would
  // claim a whole year of a year still in progress.
  if ((row.indicator === 'competition_medals' || row.indicator === 'platforms_per_million') && /^\d{4}$/.test(String(period))) {
    return lang === 'zh' ? `${String(period)}年` : String(period);
  }
  return formatPeriod(String(period), lang);
}

/** The periods of several indicators' values in words, each once, in the order first met. */
export function indicatorPeriods(rows: readonly { period?: unknown; year?: unknown; indicator?: unknown }[], lang: Lang): string {
  const texts = rows.map((row) => indicatorPeriod(row, lang)).filter(Boolean);
  return [...new Set(texts)].join(lang === 'zh' ? '、' : ', ');
}

/** '–' for a missing value. */
export const valueText = (indicator: string | null, value: number | null, lang: Lang): string =>
  value === null ? '–' : formatValue(indicator, value, lang);

/** The ranks are among the 31 mainland provinces. */
export const rankText = (rank: number | null, t: Translate): string => t('rankOf', { rank: rank ?? '–', total: 31 });

/** The label of a province in dense charts and chips (广东 / Guangdong), or its code when unknown. */
export function provinceShort(provinces: readonly Province[], code: string, lang: Lang): string {
  const p = provinces.find((x) => x.code === code);
  return p ? shortName(p.name_zh, p.name_en, lang) : code;
}

/** A province's full name, or its code when unknown. */
export function provinceName(provinces: readonly Province[], code: string, lang: Lang): string {
  const p = provinces.find((x) => x.code === code);
  return p ? nameOf(p, lang) : code;
}

/** How many provinces the comparison shows by default (the selected one and its nearest macro-region peers). */
export const defaultComparedCount = 5;

/**
 * The provinces compared: those chosen (mainland only); else the selected one with the other provinces of its
 * macro-region (in code order, up to five in all); else, for a province without one, Beijing and Shanghai.
 */
export function comparedRegions(chosen: readonly string[], mainland: readonly Province[], region: string): string[] {
  const valid = chosen.filter((c) => mainland.some((p) => p.code === c));
  if (valid.length) return valid;
  const macro = mainland.find((p) => p.code === region)?.macroRegion ?? null;
  const peers = macro ? mainland.filter((p) => p.macroRegion === macro && p.code !== region).map((p) => p.code) : [];
  const others = peers.length ? peers : ['110000', '310000'];
  return [region, ...others].filter((c, i, all) => all.indexOf(c) === i).slice(0, peers.length ? defaultComparedCount : 3);
}

/** A tile per province at its grid position (short Chinese names, or English abbreviations); outside the mainland greyed. */
export function provinceTiles(provinces: readonly Province[], lang: Lang): Tile[] {
  return provinces.map((p) => ({
    code: p.code,
    short: lang === 'zh' ? shortName(p.name_zh, p.name_en, 'zh') : p.abbr || p.name_en.slice(0, 2),
    name: nameOf(p, lang),
    row: p.row,
    col: p.col,
    outside: !p.inMainland,
  }));
}

export interface RegionMapModel extends CardModel {
  tiles: Tile[];
  values: Map<string, number | null>;
  color: ColorSpec;
  /** A value with its unit (tooltips, spoken labels) and in short (on the tiles). */
  format: (value: number) => string;
  compact: (value: number) => string;
  outsideText: string;
  noValueText: string;
}

/** The tile map of one indicator: a tile per province (the mainland coloured), its legend and the extremes. */
export function regionMapModel(
  result: ResultSet<QueryRows['region-comparison']>,
  { lang, t, provinces, indicator }: Locale & { provinces: readonly Province[]; indicator: Indicator },
): RegionMapModel | null {
  const rows = result.rows.filter((r) => r.indicator === indicator);
  if (!rows.length) return null;
  const values = new Map(rows.map((r) => [String(r.region_code), num(r.value)]));
  const numbers = [...values.values()].filter((v): v is number => v !== null);
  const tiles = provinceTiles(provinces, lang);
  const p = pn(lang);
  const unit = unitOf(rows[0], lang);
  const period = indicatorPeriod(rows[0], lang);
  const name = indicatorLabel(indicator, t);
  const label = `${name}${p.open}${[unit, period].filter(Boolean).join(p.comma)}${p.close}`;
  const sorted = rows.filter((r) => num(r.value) !== null).sort((a, b) => (num(b.value) ?? 0) - (num(a.value) ?? 0));
  const item = (r: (typeof rows)[number]) => `${nameOf(r, lang)} ${formatValue(indicator, num(r.value)!, lang)}`;
  const domain: [number, number] = [Math.min(...numbers), Math.max(...numbers)];
  const compact = numberFormats(lang).compact;
  return {
    summary: t('mapSummary', {
      indicator: name,
      period,
      top: sorted.slice(0, 3).map(item).join(p.list),
      bottom: sorted.slice(-3).map(item).join(p.list),
    }),
    table: resultTable({ ...result, rows }),
    period,
    tiles,
    values,
    color: isRatio(indicator)
      ? { kind: 'diverging', pivot: 1, domain, label, tickFormat: (v) => formatRatio(v) }
      : { kind: 'sequential', domain, label, tickFormat: compact },
    format: (v) => `${formatValue(indicator, v, lang)} ${unit}`,
    compact: (v) => (isRatio(indicator) ? formatRatio(v) : compact(v)),
    outsideText: t('outsideMainland'),
    noValueText: t('noValue'),
  };
}
