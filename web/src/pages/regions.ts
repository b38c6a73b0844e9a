import { fetchRows, query, type Params } from '../api.js';
import { comparisonPanels } from '../charts/comparison-panels.js';
import { indexProfileChart } from '../charts/index-profile.js';
import { tileMap } from '../charts/tile-map.js';
import { trendPanels } from '../charts/trend-panels.js';
import { shortName } from '../data/references.js';
import { pn } from '../i18n/format.js';
import { listParam } from '../state.js';
import { chipsControl, selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { regionComparisonModel } from '../view-models/region-comparison.js';
import { regionProfileModel } from '../view-models/region-profile.js';
import { headlineProgram, regionTrendsModel, trendPrograms } from '../view-models/region-trends.js';
import {
  comparedRegions,
  defaultIndicator,
  indicatorLabel,
  indicators,
  isIndicator,
  provinceName,
  regionMapModel,
} from '../view-models/regions.js';
import { frameFor, param, type PageMount } from './context.js';
import { mainland, regionOptions, trainingYear, viewOf, yearOptions } from './shared.js';

const defaultRegion = '440000';

/** Regions: a tile map coloured by an indicator; a province's profile and trends; provinces side by side. */
export const mountRegions: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const map = frameFor(first, { id: 'regions-map', title: t('mapTitle'), kind: 'mixed', span: 2 });
  const profile = frameFor(first, { id: 'regions-profile', title: t('profileTitle'), kind: 'mixed', span: 1 });
  const trends = frameFor(first, { id: 'regions-trends', title: t('trendsTitle'), unit: t('trendsUnit'), kind: 'training', span: 3 });
  const compareControls = h('div');
  const comparison = frameFor(first, {
    id: 'regions-comparison',
    title: t('comparisonTitle'),
    unit: t('comparisonUnit'),
    kind: 'mixed',
    span: 3,
  });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageRegions')), h('p', {}, t('regionsIntro'))),
    controls,
    h(
      'div',
      { class: 'cards' },
      map.element,
      profile.element,
      trends.element,
      h('div', { class: 'span-3 compare-box' }, compareControls),
      comparison.element,
    ),
  );
  let lastRegion: string | null = null;

  return {
    update(ctx) {
      const { lang, refs } = ctx;
      const chosen = param(ctx, 'indicator');
      const indicator = isIndicator(chosen) ? chosen : defaultIndicator;
      const year = param(ctx, 'year');
      const region = param(ctx, 'region', defaultRegion);
      const compared = comparedRegions(listParam(ctx.state.params.compare), mainland(ctx), region);
      const selectRegion = (code: string) => ctx.set({ region: code === defaultRegion ? null : code });
      replace(
        controls,
        toolbar(
          selectControl(
            'indicator',
            t('indicatorLabel'),
            indicators.map((i) => ({ value: i, label: indicatorLabel(i, t) })),
            indicator,
            (v) => ctx.set({ indicator: v === defaultIndicator ? null : v }),
          ),
          selectControl('region', t('provinceLabel'), regionOptions(ctx), region, selectRegion),
          selectControl('year', t('yearLabel'), yearOptions(2015, trainingYear(ctx), t('latestYear')), year, (v) => ctx.set({ year: v })),
        ),
      );
      replace(
        compareControls,
        chipsControl(
          'compare',
          t('compareLabel'),
          mainland(ctx).map((p) => ({ value: p.code, label: shortName(p.name_zh, p.name_en, lang) })),
          compared,
          (values) => ctx.set({ compare: values }),
        ),
      );

      const yearParam: Params = { year: year || null };
      // Give the new province's tile the focus when it was chosen with the keyboard on the map.
      const focus = lastRegion !== null && lastRegion !== region && document.activeElement?.closest('g.tile') ? region : null;
      lastRegion = region;
      map.setHeading(`${t('mapTitle')}${pn(lang).colon}${indicatorLabel(indicator, t)}`);
      void map.show(`${indicator}|${year}|${region}|${lang}`, query('region-comparison', yearParam), (result) =>
        viewOf(
          regionMapModel(result, { lang, t, provinces: refs.provinces, indicator }),
          (model, width) => tileMap(model.tiles, { ...model, width, lang, selected: region, focus, onSelect: selectRegion }),
          true,
        ),
      );

      const name = provinceName(refs.provinces, region, lang);
      profile.setHeading(`${t('profileTitle')}${pn(lang).colon}${name}`, t('profileUnit'));
      void profile.show(`${region}|${year}|${lang}`, query('region-profile', { region, ...yearParam }), (result) =>
        viewOf(regionProfileModel(result, ctx), (model, width) =>
          indexProfileChart(model.items, { width, legend: model.legend, footnote: model.footnote }),
        ),
      );

      trends.setHeading(`${t('trendsTitle')}${pn(lang).colon}${name}`, t('trendsUnit'));
      trends.setApi(query('training-trend', { grain: 'year', program: headlineProgram, region }));
      void trends.load(`${region}|${lang}`, async () => {
        const programs = trendPrograms(refs.programs);
        const results = await Promise.all(
          programs.map((p) => fetchRows(query('training-trend', { grain: 'year', program: p.code, region }))),
        );
        const trainingThrough = ctx.meta.freshness.training_through;
        return viewOf(
          regionTrendsModel(results, { lang, t, programs, provinces: refs.provinces, region, trainingThrough }),
          (model, width) => trendPanels(model.panels, { ...model, width, lang }),
        );
      });

      void comparison.show(
        `${compared.join(',')}|${year}|${lang}`,
        query('region-comparison', { regions: compared, ...yearParam }),
        (result) =>
          viewOf(regionComparisonModel(result, { lang, t, provinces: refs.provinces, regions: compared }), (model, width) =>
            comparisonPanels(model.panels, { ...model, width, lang }),
          ),
      );
    },
  };
};
