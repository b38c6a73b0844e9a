import type { QueryRows } from '../../../queries/contract.js';
import type { LinePoint, SeriesStyle } from '../charts/line-chart.js';
import type { Segment, StackedRow } from '../charts/stacked-bars.js';
import type { Code, Province } from '../data/references.js';
import type { ResultSet } from '../decode.js';
import { formatNumber, pn } from '../i18n/format.js';
import { nameOf } from '../i18n/index.js';
import { medalColors } from '../ui/theme.js';
import { num, provinceLabel, resultTable, type CardModel, type Locale } from './common.js';

export type Scope = 'year' | 'all_years';
export type Measure = 'medals' | 'entrants';

export interface CompetitionFilters {
  /** A competition's code, or '' for all of them. */
  competition: string;
  /** A year, or '' for the latest. */
  year: string;
  scope: Scope;
  /** A province's code, or '' for the nation. */
  region: string;
}

/** The cards' unit lines: which competition, which years or which province, and the unit. */
export function competitionHeadings(
  { competition, year, scope, region }: CompetitionFilters,
  { lang, t, competitions, provinces }: Locale & { competitions: readonly Code[]; provinces: readonly Province[] },
) {
  const named = (items: readonly { code: string }[], code: string) =>
    nameOf(items.find((c) => c.code === code) ?? { name_zh: code, name_en: code }, lang);
  const competitionName = competition ? named(competitions, competition) : t('allCompetitions');
  const scopeName = region ? named(provinces, region) : t('nation');
  return {
    competitionName,
    table: `${competitionName} · ${scope === 'all_years' ? t('scopeAllYears') : year || t('latestYear')} · ${t('medalsUnit')}`,
    medals: `${competitionName} · ${scopeName} · ${t('medalsUnit')}`,
    entrants: `${competitionName} · ${scopeName} · ${t('personsUnit')}`,
  };
}

export interface MedalTableModel extends CardModel {
  rows: StackedRow[];
  segments: Segment[];
  xLabel: string;
  tick: (value: number) => string;
  format: (value: number) => string;
}

/** The medal table: provinces with a medal or an entrant, in rank order, gold, silver and bronze stacked. */
export function medalTableModel(
  result: ResultSet<QueryRows['competition-results']>,
  { lang, t, competitionName }: Locale & { competitionName: string },
): MedalTableModel | null {
  const rows = result.rows.filter((r) => (num(r.medals) ?? 0) > 0 || (num(r.entrants) ?? 0) > 0);
  if (!rows.length) return null;
  const p = pn(lang);
  const first = rows[0];
  const period = first.year !== null ? String(first.year) : `${first.from_year}–${first.to_year}`;
  return {
    summary: t('medalTableSummary', {
      competition: competitionName,
      period,
      top: rows
        .slice(0, 3)
        .map((r) => `${provinceLabel(r, lang)}${p.open}${t('goldShort')}${r.gold}${p.close}`)
        .join(p.list),
    }),
    table: resultTable({ ...result, rows }),
    // The year shown (the latest, unless one was chosen) or the range of years, on the card's unit line.
    period: lang === 'zh' ? `${period}年` : period,
    rows: rows.map((r) => ({
      label: `${r.rank}. ${provinceLabel(r, lang)}`,
      values: { gold: num(r.gold) ?? 0, silver: num(r.silver) ?? 0, bronze: num(r.bronze) ?? 0 },
      note: `${num(r.medals) ?? 0}`,
      detail: `${t('excellence')}${p.colon}${r.excellence}\n${t('entrants')}${p.colon}${formatNumber(num(r.entrants), lang)}\n${t('score')}${p.colon}${r.score}`,
    })),
    segments: [
      { key: 'gold', label: t('gold'), color: medalColors.gold },
      { key: 'silver', label: t('silver'), color: medalColors.silver },
      { key: 'bronze', label: t('bronze'), color: medalColors.bronze },
    ],
    xLabel: `${t('medalsUnit')}${p.open}${period}${p.close}`,
    tick: (v) => String(v),
    format: (v) => String(v),
  };
}

export interface CompetitionTrendModel extends CardModel {
  points: LinePoint[];
  /** One line per competition, in the order they first appear. */
  series: SeriesStyle[];
  yLabel: string;
  format: (value: number) => string;
}

/** Medals or entrants per year, a line per competition. */
export function competitionTrendModel(
  result: ResultSet<QueryRows['competition-trend']>,
  { lang, t, competitions, measure }: Locale & { competitions: readonly Code[]; measure: Measure },
): CompetitionTrendModel | null {
  if (!result.rows.length) return null;
  const codes = [...new Set(result.rows.map((r) => String(r.competition_code)))];
  const points: LinePoint[] = result.rows.map((r) => ({ x: Number(r.year), y: num(r[measure]), series: String(r.competition_code) }));
  const series = codes.map((c) => ({ key: c, label: nameOf(competitions.find((x) => x.code === c) ?? { name_zh: c, name_en: c }, lang) }));
  const years = points.map((p) => Number(p.x));
  return {
    summary: t(measure === 'medals' ? 'medalTrendSummary' : 'entrantTrendSummary', {
      from: Math.min(...years),
      to: Math.max(...years),
      competitions: series.map((s) => s.label).join(pn(lang).list),
    }),
    table: resultTable(result, ['year', 'competition_code', 'name_zh', 'name_en', measure]),
    points,
    series,
    yLabel: measure === 'medals' ? t('medalsUnit') : t('personsUnit'),
    format: (v) => formatNumber(v, lang),
  };
}
