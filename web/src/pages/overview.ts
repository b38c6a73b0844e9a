import { datasetRows, fetchRows, query, queryRows, type Params } from '../api.js';
import { actionCards } from '../charts/action-cards.js';
import { bulletSpecChart } from '../charts/bullet.js';
import { leagueChart } from '../charts/league.js';
import { progressPanel } from '../charts/progress-panel.js';
import { targetPathChart } from '../charts/target-path.js';
import type { Program } from '../data/references.js';
import { formatNumber } from '../i18n/format.js';
import type { ChartView } from '../ui/card-frame.js';
import { selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { pathModel, progressModel, targetHeadings } from '../view-models/overview.js';
import { actionsModel, annualHeadline, annualTargetCodes, levelHeadline, multiYearModel } from '../view-models/overview-actions.js';
import { leagueModel } from '../view-models/overview-league.js';
import { scopeNames } from '../view-models/scope.js';
import { anchorsModel } from '../view-models/published.js';
import { frameFor, param, type PageContext, type PageMount } from './context.js';
import { figureGroupsView, publishedFrame, showPublished } from './published-cards.js';
import { programOptions, trainingYear, viewOf, yearOptions } from './shared.js';

/**
 * Overview: the annual target's progress and path, the provinces against their own targets, the eight actions
 * with their status, the multi-year targets. The year chosen drives every card; each card says its period.
 */
export const mountOverview: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const progress = frameFor(first, { id: 'overview-progress', title: t('progressTitle'), kind: 'training', span: 1 });
  const path = frameFor(first, { id: 'overview-path', title: t('pathTitle'), kind: 'training', span: 2 });
  const league = frameFor(first, { id: 'overview-league', title: t('leagueTitle'), kind: 'training', span: 3 });
  const anchors = publishedFrame(first, {
    id: 'overview-published',
    title: t('publishedAnchorsTitle'),
    unit: t('publishedAnchorsUnit'),
    span: 3,
  });
  const actions = frameFor(first, { id: 'overview-actions', title: t('actionsTitle'), unit: t('actionsUnit'), kind: 'mixed', span: 3 });
  const multiYear = frameFor(first, {
    id: 'overview-multi-year',
    title: t('multiYearTitle'),
    unit: t('multiYearUnit'),
    kind: 'mixed',
    span: 3,
  });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageOverview')), h('p', {}, t('overviewIntro'))),
    controls,
    h('div', { class: 'cards' }, progress.element, path.element, anchors.element, league.element, actions.element, multiYear.element),
  );

  return {
    update(ctx) {
      const { lang } = ctx;
      const program = param(ctx, 'program', 'knowledge_renewal');
      const region = param(ctx, 'province');
      const year = param(ctx, 'year');
      replace(
        controls,
        toolbar(
          selectControl('program', t('programLabel'), programOptions(ctx, 'training'), program, (v) =>
            ctx.set({ program: v === 'knowledge_renewal' ? null : v }),
          ),
          selectControl('year', t('yearLabel'), yearOptions(2015, trainingYear(ctx), t('latestYear')), year, (v) => ctx.set({ year: v })),
        ),
      );
      const names = scopeNames(ctx.refs, { program, region }, ctx);
      const headings = targetHeadings(names, ctx);
      progress.setHeading(t('progressTitle'), headings.progress);
      path.setHeading(t('pathTitle'), headings.path);

      const params: Params = { program, region: region || null, year: year || null };
      const key = JSON.stringify(params) + lang;
      void progress.show(key, query('annual-target-progress', params), (result) =>
        viewOf(progressModel(result, ctx), (model, width) => progressPanel(model, { width, t })),
      );
      void path.show(key, query('annual-target-path', params), (result) =>
        viewOf(pathModel(result, names.unit, ctx), (model, width) =>
          targetPathChart(model.months, { width, lang, labels: model.labels, format: (v) => formatNumber(v, lang) }),
        ),
      );

      // Real published figures that measure a programme's own metric, the chosen programme first.
      void showPublished(
        anchors,
        `${program}|${lang}`,
        undefined,
        (result) => anchorsModel(result, ctx.refs.programs, program, ctx),
        (model) => figureGroupsView(model.programs, t, 'anchors', program),
      );

      league.setHeading(t('leagueTitle'), t('leagueUnit', { program: names.program, unit: names.unit }));
      const leagueRequest = query('province-target-league', { program, year: year || null });
      league.setApi(leagueRequest);
      void league.load(`${program}|${year}|${region}|${lang}`, async () => {
        const [result, targets] = await Promise.all([fetchRows(leagueRequest), datasetRows('target').catch(() => null)]);
        return viewOf(
          leagueModel(result, targets?.rows ?? [], { lang, t, provinces: ctx.refs.provinces }),
          (model, width) =>
            leagueChart(model, {
              width,
              lang,
              t,
              selected: region || null,
              onSelect: (code) => ctx.set({ province: code }),
              tableLabel: t('leagueTableLabel'),
            }),
          true,
        );
      });

      const multi = query('multi-year-target-progress', { region: region || null, as_of_year: year || null });
      actions.setApi(multi);
      void actions.load(`${region}|${year}|${lang}`, () => actionsView(ctx, region, year));
      void multiYear.show(`${region}|${year}|${lang}`, multi, (result) => viewOf(multiYearModel(result, ctx), bulletSpecChart));
    },
  };
};

/**
 * The actions card: each programme's figure for the chosen year (its cumulative volume in the year, or the year's
 * level) with its annual status, and its multi-year target as of that year.
 */
async function actionsView(ctx: PageContext, region: string, year: string): Promise<ChartView | null> {
  const { t, refs } = ctx;
  const scope: Params = { region: region || null };
  const [multi, targets] = await Promise.all([
    queryRows('multi-year-target-progress', { ...scope, as_of_year: year || null }).catch(() => null),
    datasetRows('target').catch(() => null),
  ]);
  const annualTargets = annualTargetCodes(targets?.rows ?? [], region, year ? Number(year) : trainingYear(ctx));
  const headline = async (program: Program) => {
    if (program.factTable === 'training') {
      const progress = await queryRows('annual-target-progress', { program: program.code, ...scope, year: year || null }).catch(() => null);
      return annualHeadline(program, progress?.rows[0], annualTargets, ctx);
    }
    const levels = await queryRows('talent-stock', { indicator: program.code, year: year || null }).catch(() => null);
    return levelHeadline(program, levels?.rows ?? [], region, ctx);
  };
  const headlines = await Promise.all(refs.programs.map(headline));
  const model = actionsModel(refs.actions, headlines, multi?.rows ?? [], ctx);
  return viewOf(model, (m) => actionCards(m.actions, { t, empty: t('noProgrammes') }));
}
