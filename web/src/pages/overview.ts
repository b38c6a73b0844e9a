import './overview.css';
import { fetchRows, query, queryRows, type Params, type QueryRequest } from '../api.js';
import { actionCards } from '../charts/action-cards.js';
import { bulletSpecChart } from '../charts/bullet.js';
import { leagueChart } from '../charts/league.js';
import { progressPanel } from '../charts/progress-panel.js';
import { targetPathChart } from '../charts/target-path.js';
import { formatNumber } from '../i18n/format.js';
import { selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { pathModel, progressModel, targetHeadings } from '../view-models/overview.js';
import { actionsModel, headlineOf, multiYearModel } from '../view-models/overview-actions.js';
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
      void league.show(`${program}|${year}|${region}|${lang}`, leagueRequest, (result) =>
        viewOf(
          leagueModel(result, { lang, t, provinces: ctx.refs.provinces }),
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
        ),
      );

      const multi = query('multi-year-target-progress', { region: region || null, as_of_year: year || null });
      const headlines = query('programme-headlines', { region: region || null, year: year || null });
      actions.setApi(headlines);
      void actions.load(`${region}|${year}|${lang}`, () => actionsView(ctx, headlines, multi));
      void multiYear.show(`${region}|${year}|${lang}`, multi, (result) => viewOf(multiYearModel(result, ctx), bulletSpecChart));
    },
  };
};

/**
 * The actions card: every programme's figure for the chosen year (its cumulative volume in the year, or the year's
 * flow or level) beside the same period of the previous year, in one request (programme-headlines); the annual
 * status of each programme with an annual target in the scope (annual-target-progress, the same request as the
 * progress card's for the chosen programme); and each multi-year target as of that year.
 */
async function actionsView(
  ctx: PageContext,
  request: QueryRequest<'programme-headlines'>,
  multi: QueryRequest<'multi-year-target-progress'>,
) {
  const { t, refs } = ctx;
  const [headlines, multiYear] = await Promise.all([fetchRows(request), fetchRows(multi).catch(() => null)]);
  const rows = new Map(headlines.rows.map((r) => [String(r.program_code), r]));
  const withTarget = headlines.rows.filter((r) => r.annual_target !== null && r.measure === 'cumulative');
  const statuses = new Map(
    await Promise.all(
      withTarget.map(async (r) => {
        const progress = await queryRows('annual-target-progress', { ...request.params, program: r.program_code }).catch(() => null);
        return [String(r.program_code), progress?.rows[0]?.status ?? null] as const;
      }),
    ),
  );
  const model = actionsModel(
    refs.actions,
    refs.programs.map((program) => headlineOf(program, rows.get(program.code), statuses.get(program.code) ?? null, ctx)),
    multiYear?.rows ?? [],
    ctx,
  );
  return viewOf(model, (m) => actionCards(m.actions, { t, empty: t('noProgrammes') }));
}
