import { fetchRows, getShapes, query, type Params } from '../api.js';
import { linePanels } from '../charts/line-panels.js';
import { prefectureMap, prefectureShapes } from '../charts/prefecture-map.js';
import { rankTable } from '../charts/rank-table.js';
import { prefectureMapModel, prefectureTrendModel } from '../view-models/prefectures.js';
import { comparisonPanels } from '../charts/comparison-panels.js';
import { indexProfileChart } from '../charts/index-profile.js';
import { tileMap } from '../charts/tile-map.js';
import { trendPanels } from '../charts/trend-panels.js';
import { shortName } from '../data/references.js';
import { pn } from '../i18n/format.js';
import { nameOf } from '../i18n/index.js';
import { formatState, listParam } from '../state.js';
import { chipsControl, selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { regionComparisonModel } from '../view-models/region-comparison.js';
import { regionProfileModel } from '../view-models/region-profile.js';
import { headlineProgram, regionTrendsModel, trendPrograms } from '../view-models/region-trends.js';
import {
  comparedRegions,
  defaultIndicator,
  indicatorDataset,
  indicatorLabel,
  indicators,
  isIndicator,
  provinceName,
  regionMapModel,
} from '../view-models/regions.js';
import { frameFor, param, sourceLine, type PageMount } from './context.js';
import { mainland, nameIn, trainingYear, viewOf, yearOptions } from './shared.js';

const defaultRegion = '440000';

/** Regions: a tile map coloured by an indicator; a province's profile and trends; provinces side by side. */
export const mountRegions: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const map = frameFor(first, { id: 'regions-map', title: t('mapTitle'), kind: 'mixed', span: 2 });
  const profile = frameFor(first, { id: 'regions-profile', title: t('profileTitle'), kind: 'mixed', span: 1 });
  const trends = frameFor(first, { id: 'regions-trends', title: t('trendsTitle'), unit: t('trendsUnit'), kind: 'training', span: 3 });
  const prefMap = frameFor(first, { id: 'regions-prefecture-map', title: t('prefMapTitle'), kind: 'training', span: 2 });
  const prefRank = frameFor(first, { id: 'regions-prefecture-rank', title: t('prefRankTitle'), kind: 'training', span: 1 });
  const prefTrend = frameFor(first, { id: 'regions-prefecture-trend', title: t('prefTrendTitle'), kind: 'training', span: 3 });
  const compareControls = h('div');
  const comparison = frameFor(first, {
    id: 'regions-comparison',
    title: t('comparisonTitle'),
    unit: t('comparisonUnit'),
    kind: 'mixed',
    span: 3,
  });
  const cards = h(
    'div',
    { class: 'cards' },
    map.element,
    profile.element,
    trends.element,
    h('div', { class: 'span-3 compare-box' }, compareControls),
    comparison.element,
  );
  /** With a province chosen: a link to its printable brief. */
  const briefLink = h('p', { class: 'brief-link-box' });
  root.append(h('div', { class: 'page-head' }, h('h1', {}, t('pageRegions')), h('p', {}, t('regionsIntro')), briefLink), controls, cards);
  /** The prefecture cards are on the page only while a province is chosen (the nation has no prefecture map). */
  const showPrefectureCards = (on: boolean) => {
    if (on && !prefMap.element.isConnected)
      cards.insertBefore(h('div', { class: 'contents' }, prefMap.element, prefRank.element, prefTrend.element), trends.element);
    if (!on && prefMap.element.isConnected) prefMap.element.parentElement?.remove();
  };
  let lastRegion: string | null = null;
  let lastPrefecture: string | null = null;

  return {
    update(ctx) {
      const { lang, refs } = ctx;
      const chosen = param(ctx, 'indicator');
      const indicator = isIndicator(chosen) ? chosen : defaultIndicator;
      const year = param(ctx, 'year');
      const province = param(ctx, 'province');
      const region = province || defaultRegion;
      const compared = comparedRegions(listParam(ctx.state.params.compare), mainland(ctx), region);
      const selectRegion = (code: string) => ctx.set({ province: code, prefecture: null, compare: null });
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
      map.setSource(sourceLine(ctx, indicatorDataset(indicator)));
      void map.show(`${indicator}|${year}|${region}|${lang}`, query('region-comparison', yearParam), (result) =>
        viewOf(
          regionMapModel(result, { lang, t, provinces: refs.provinces, indicator }),
          (model, width) => tileMap(model.tiles, { ...model, width, lang, selected: region, focus, onSelect: selectRegion }),
          true,
        ),
      );

      const name = provinceName(refs.provinces, region, lang);

      showPrefectureCards(province !== '');
      replace(
        briefLink,
        province
          ? h(
              'a',
              {
                class: 'brief-link',
                href: formatState({ page: 'brief', lang, params: { province } }),
                'data-action': 'open-brief',
                onclick: (event: MouseEvent) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  ctx.navigate('brief');
                },
              },
              `${t('briefLink')}${pn(lang).colon}${name}`,
            )
          : null,
      );
      if (province) {
        const program = indicator === 'knowledge_renewal_per_10k' ? 'knowledge_renewal' : 'vocational_training';
        const programName = nameIn(refs.programs.find((x) => x.code === program) ?? { name_zh: program, name_en: program }, lang);
        const byPrefecture = query('training-by-region', { level: 'prefecture', province, program, year: year || null });
        const chosenPrefecture = param(ctx, 'prefecture');
        const selectPrefecture = (code: string) => ctx.set({ prefecture: code });
        const focusPrefecture =
          lastPrefecture !== chosenPrefecture && document.activeElement?.closest('path.prefecture') ? chosenPrefecture : null;
        lastPrefecture = chosenPrefecture;
        const unit = `${t('per10kAxis')}${pn(lang).open}${programName}${pn(lang).close}`;
        prefMap.setHeading(`${t('prefMapTitle')}${pn(lang).colon}${name}`, unit);
        prefMap.setApi(byPrefecture);
        void prefMap.load(`${province}|${program}|${year}|${chosenPrefecture}|${lang}`, async () => {
          const [topology, result] = await Promise.all([getShapes(province), fetchRows(byPrefecture)]);
          const shapes = prefectureShapes(topology);
          return viewOf(
            prefectureMapModel(result, { lang, t, provinceName: name }),
            (model, width) =>
              prefectureMap(shapes, {
                ...model,
                width,
                lang,
                selected: chosenPrefecture || null,
                focus: focusPrefecture,
                onSelect: selectPrefecture,
              }),
            true,
          );
        });
        prefRank.setHeading(`${t('prefRankTitle')}${pn(lang).colon}${name}`, unit);
        void prefRank.show(`${province}|${program}|${year}|${chosenPrefecture}|${lang}`, byPrefecture, (result) =>
          viewOf(
            prefectureMapModel(result, { lang, t, provinceName: name }),
            (model) =>
              rankTable(model.rows, {
                columns: model.columns,
                nameColumn: 1,
                selected: chosenPrefecture || null,
                onSelect: selectPrefecture,
                caption: `${t('prefRankTitle')}${pn(lang).colon}${name}`,
              }),
            true,
          ),
        );
        void prefTrend.load(`${province}|${program}|${chosenPrefecture}|${lang}`, async () => {
          // Without a choice: the first prefecture by code (the provincial capital in GB/T 2260 order).
          const list = (await fetchRows(byPrefecture)).rows.map((r) => String(r.region_code)).sort();
          const prefecture = list.includes(chosenPrefecture) ? chosenPrefecture : (list[0] ?? '');
          if (!prefecture) return null;
          const request = query('prefecture-trend', { prefecture, program, grain: 'year' });
          prefTrend.setApi(request);
          const result = await fetchRows(request);
          const prefName = result.rows[0] ? nameOf(result.rows[0], lang) : prefecture;
          prefTrend.setHeading(
            `${t('prefTrendTitle')}${pn(lang).colon}${prefName}`,
            `${programName}${pn(lang).comma}${t('prefTrendUnit')}`,
          );
          return viewOf(prefectureTrendModel(result, { lang, t }), (model, width) => linePanels(model.panels, { ...model, width, lang }));
        });
      }
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
