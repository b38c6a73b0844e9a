import { query, type Params, type RowsOf } from '../api.js';
import { lineChart } from '../charts/line-chart.js';
import { stackedBars } from '../charts/stacked-bars.js';
import type { ResultSet } from '../decode.js';
import { selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { competitionHeadings, competitionTrendModel, medalTableModel, type Measure } from '../view-models/competitions.js';
import { nationalCompetitionModel, worldSkillsModel } from '../view-models/published.js';
import { frameFor, param, type PageMount } from './context.js';
import { figureGroupsView, publishedFrame, showPublished, worldSkillsView } from './published-cards.js';
import { nameIn, viewOf, yearOptions } from './shared.js';

/** Competitions: the medal table by province and the trend of medals and entrants. */
export const mountCompetitions: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const table = frameFor(first, { id: 'competitions-medals', title: t('medalTableTitle'), kind: 'competition', span: 2 });
  const medals = frameFor(first, { id: 'competitions-medal-trend', title: t('medalTrendTitle'), kind: 'competition', span: 1 });
  const entrants = frameFor(first, { id: 'competitions-entrant-trend', title: t('entrantTrendTitle'), kind: 'competition', span: 1 });
  const worldSkills = publishedFrame(first, {
    id: 'competitions-published-worldskills',
    title: t('publishedWorldSkillsTitle'),
    unit: t('publishedWorldSkillsUnit'),
    span: 3,
  });
  const national = publishedFrame(first, {
    id: 'competitions-published-national',
    title: t('publishedNationalTitle'),
    unit: t('publishedNationalUnit'),
    span: 3,
  });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageCompetitions')), h('p', {}, t('competitionsIntro'))),
    controls,
    h(
      'div',
      { class: 'cards' },
      table.element,
      h('div', { class: 'stack' }, medals.element, entrants.element),
      worldSkills.element,
      national.element,
    ),
  );
  return {
    update(ctx) {
      const { lang, refs } = ctx;
      const competition = param(ctx, 'competition');
      const year = param(ctx, 'year');
      const scope = param(ctx, 'scope') === 'all_years' ? 'all_years' : 'year';
      const region = param(ctx, 'province');
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
        ),
      );
      const headings = competitionHeadings(
        { competition, year, scope, region },
        { lang, t, competitions: refs.competitions, provinces: refs.provinces },
      );
      const resultsParams: Params = { competition: competition || null, year: scope === 'year' ? year || null : null, scope };
      table.setHeading(t('medalTableTitle'), headings.table);
      void table.show(JSON.stringify(resultsParams) + lang, query('competition-results', resultsParams), (result) =>
        viewOf(medalTableModel(result, { lang, t, competitionName: headings.competitionName }), (model, width) =>
          stackedBars(model.rows, model.segments, { ...model, width, lang }),
        ),
      );

      const trendParams: Params = { competition: competition || null, region: region || null };
      const trend = query('competition-trend', trendParams);
      const key = JSON.stringify(trendParams) + lang;
      const trendView = (measure: Measure) => (result: ResultSet<RowsOf<typeof trend>>) =>
        viewOf(competitionTrendModel(result, { lang, t, competitions: refs.competitions, measure }), (model, width) =>
          lineChart(model.points, { ...model, width, height: 240, lang, x: 'year', dots: true }),
        );
      medals.setHeading(t('medalTrendTitle'), headings.medals);
      entrants.setHeading(t('entrantTrendTitle'), headings.entrants);
      // Both cards read the same request: the client fetches it once.
      void medals.show(key, trend, trendView('medals'));
      void entrants.show(key, trend, trendView('entrants'));
      // Real figures, national, beside the sample: China's team at WorldSkills as published, each value with its source.
      void showPublished(
        worldSkills,
        lang,
        'worldskills',
        (result) => worldSkillsModel(result, { lang, t }),
        (model) => worldSkillsView(model, t),
      );
      void showPublished(
        national,
        lang,
        'national_competition',
        (result) => nationalCompetitionModel(result, { lang, t }),
        (model) => figureGroupsView(model.editions, t, 'national-competition'),
      );
    },
  };
};
