import { query, queryRows, type Params } from '../api.js';
import type { ChartView } from '../ui/card-frame.js';
import { lineChart, type LinePoint } from '../charts/line-chart.js';
import { categorical, medalColors } from '../ui/theme.js';
import { stackedBars, type StackedRow } from '../charts/stacked-bars.js';
import type { ResultSet } from '../decode.js';
import { formatNumber, pn } from '../i18n/format.js';
import { selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { frameFor, param, type PageContext, type PageMount } from './context.js';
import { nameIn, num, provinceLabel, regionOptions, resultTable, yearOptions } from './shared.js';

/** Competitions: the medal table by province and the trend of medals and entrants. */
export const mountCompetitions: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const table = frameFor(first, { id: 'competitions-medals', title: t('medalTableTitle'), kind: 'competition', span: 2 });
  const medals = frameFor(first, { id: 'competitions-medal-trend', title: t('medalTrendTitle'), kind: 'competition', span: 1 });
  const entrants = frameFor(first, { id: 'competitions-entrant-trend', title: t('entrantTrendTitle'), kind: 'competition', span: 1 });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageCompetitions')), h('p', {}, t('competitionsIntro'))),
    controls,
    h('div', { class: 'cards' }, table.element, h('div', { class: 'stack' }, medals.element, entrants.element)),
  );
  return {
    update(ctx) {
      const { lang, refs } = ctx;
      const competition = param(ctx, 'competition');
      const year = param(ctx, 'year');
      const scope = param(ctx, 'scope') === 'all_years' ? 'all_years' : 'year';
      const region = param(ctx, 'region');
      const latest = ctx.meta.freshness.competition_through ?? new Date().getFullYear();
      replace(
        controls,
        toolbar(
          selectControl(
            'competition',
            t('competitionLabel'),
            [{ value: '', label: t('allCompetitions') }, ...refs.competitions.map((c) => ({ value: c.code, label: nameIn(c, lang) }))],
            competition,
            (v) => ctx.set({ competition: v }),
          ),
          selectControl(
            'scope',
            t('scopeLabel'),
            [
              { value: 'year', label: t('scopeYear') },
              { value: 'all_years', label: t('scopeAllYears') },
            ],
            scope,
            (v) => ctx.set({ scope: v === 'year' ? null : v }),
          ),
          scope === 'year'
            ? selectControl('year', t('yearLabel'), yearOptions(2010, Number(latest), t('latestYear')), year, (v) => ctx.set({ year: v }))
            : null,
          selectControl('region', t('trendRegionLabel'), regionOptions(ctx, t('nation')), region, (v) => ctx.set({ region: v })),
        ),
      );
      const resultsParams: Params = { competition: competition || null, year: scope === 'year' ? year || null : null, scope };
      const competitionName = competition
        ? nameIn(refs.competitions.find((c) => c.code === competition) ?? { name_zh: competition, name_en: competition }, lang)
        : t('allCompetitions');
      table.setHeading(
        t('medalTableTitle'),
        `${competitionName} · ${scope === 'all_years' ? t('scopeAllYears') : year || t('latestYear')} · ${t('medalsUnit')}`,
      );
      table.setApi(query('competition-results', resultsParams));
      void table.load(JSON.stringify(resultsParams) + lang, async () =>
        medalTableView(await queryRows('competition-results', resultsParams), ctx, competitionName),
      );
      const trendParams: Params = { competition: competition || null, region: region || null };
      const scopeName = region
        ? nameIn(refs.provinces.find((p) => p.code === region) ?? { name_zh: region, name_en: region }, lang)
        : t('nation');
      medals.setHeading(t('medalTrendTitle'), `${competitionName} · ${scopeName} · ${t('medalsUnit')}`);
      entrants.setHeading(t('entrantTrendTitle'), `${competitionName} · ${scopeName} · ${t('personsUnit')}`);
      medals.setApi(query('competition-trend', trendParams));
      entrants.setApi(query('competition-trend', trendParams));
      const key = JSON.stringify(trendParams) + lang;
      const trend = queryRows('competition-trend', trendParams);
      void medals.load(key, async () => trendView(await trend, ctx, 'medals'));
      void entrants.load(key, async () => trendView(await trend, ctx, 'entrants'));
    },
  };
};

function medalTableView(result: ResultSet, ctx: PageContext, competitionName: string): ChartView | null {
  const { t, lang } = ctx;
  const rows = result.rows.filter((r) => (num(r.medals) ?? 0) > 0 || (num(r.entrants) ?? 0) > 0);
  if (!rows.length) return null;
  const first = rows[0];
  const period = first.year !== null ? String(first.year) : `${first.from_year}–${first.to_year}`;
  const stacked: StackedRow[] = rows.map((r) => ({
    label: `${r.rank}. ${provinceLabel(r, lang)}`,
    values: { gold: num(r.gold) ?? 0, silver: num(r.silver) ?? 0, bronze: num(r.bronze) ?? 0 },
    note: `${num(r.medals) ?? 0}`,
    detail: `${t('excellence')}${pn(lang).colon}${r.excellence}\n${t('entrants')}${pn(lang).colon}${formatNumber(num(r.entrants), lang)}\n${t('score')}${pn(lang).colon}${r.score}`,
  }));
  return {
    summary: t('medalTableSummary', {
      competition: competitionName,
      period,
      top: rows
        .slice(0, 3)
        .map((r) => `${provinceLabel(r, lang)}${pn(lang).open}${t('goldShort')}${r.gold}${pn(lang).close}`)
        .join(pn(lang).list),
    }),
    table: resultTable({ ...result, rows }),
    draw: (width) =>
      stackedBars(
        stacked,
        [
          { key: 'gold', label: t('gold'), color: medalColors.gold },
          { key: 'silver', label: t('silver'), color: medalColors.silver },
          { key: 'bronze', label: t('bronze'), color: medalColors.bronze },
        ],
        {
          width,
          lang,
          xLabel: `${t('medalsUnit')}${pn(lang).open}${period}${pn(lang).close}`,
          tick: (v) => String(v),
          format: (v) => String(v),
        },
      ),
  };
}

function trendView(result: ResultSet, ctx: PageContext, measure: 'medals' | 'entrants'): ChartView | null {
  const { t, lang, refs } = ctx;
  if (!result.rows.length) return null;
  const codes = [...new Set(result.rows.map((r) => String(r.competition_code)))];
  const points: LinePoint[] = result.rows.map((r) => ({ x: Number(r.year), y: num(r[measure]), series: String(r.competition_code) }));
  const series = codes.map((c, i) => ({
    key: c,
    label: nameIn(refs.competitions.find((x) => x.code === c) ?? { name_zh: c, name_en: c }, lang),
    color: categorical[i % 10],
  }));
  const years = points.map((p) => Number(p.x));
  return {
    summary: t(measure === 'medals' ? 'medalTrendSummary' : 'entrantTrendSummary', {
      from: Math.min(...years),
      to: Math.max(...years),
      competitions: series.map((s) => s.label).join(pn(lang).list),
    }),
    table: resultTable(result, ['year', 'competition_code', 'name_zh', 'name_en', measure]),
    draw: (width) =>
      lineChart(points, {
        width,
        height: 240,
        lang,
        x: 'year',
        series,
        yLabel: measure === 'medals' ? t('medalsUnit') : t('personsUnit'),
        format: (v) => formatNumber(v, lang),
        dots: true,
      }),
  };
}
