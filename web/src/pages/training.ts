import { query, queryRows, type Params } from '../api.js';
import { barChart } from '../charts/bar-chart.js';
import { lineChart, type XKind } from '../charts/line-chart.js';
import { linePanels } from '../charts/line-panels.js';
import { formatNumber, pn, type Lang } from '../i18n/format.js';
import { nameOf } from '../i18n/index.js';
import { selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { scopeNames } from '../view-models/scope.js';
import { byRegionModel, povertyModel } from '../view-models/training-regions.js';
import { povertyPrefecturesModel } from '../view-models/province-local.js';
import { povertyCountiesModel } from '../view-models/poverty-counties.js';
import { rankTable } from '../charts/rank-table.js';
import { byFieldModel, byProgramModel, lastFullYear, seasonalModel, trainingHeadings, type LinesModel } from '../view-models/training.js';
import { frameFor, param, type PageMount } from './context.js';
import { messageView, programOptions, resultTable, trainingYear, viewOf, yearOptions } from './shared.js';

/** Draws a lines model: its points and series, at a width. */
const lines = (lang: Lang, x: XKind, dots?: boolean) => (model: LinesModel, width: number) =>
  lineChart(model.points, { width, lang, x, series: model.series, yLabel: model.yLabel, format: (v) => formatNumber(v, lang), dots });

/** Training: volume by programme and field over time, the seasonal profile, rates by region, the poverty areas. */
export const mountTraining: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const byProgram = frameFor(first, { id: 'training-by-program', title: t('byProgramTitle'), kind: 'training', span: 2 });
  const byField = frameFor(first, { id: 'training-by-field', title: t('byFieldTitle'), kind: 'training', span: 1 });
  const seasonal = frameFor(first, { id: 'training-seasonal', title: t('seasonalTitle'), kind: 'training', span: 1 });
  const byRegion = frameFor(first, { id: 'training-by-region', title: t('byRegionTitle'), kind: 'training', span: 2 });
  const poverty = frameFor(first, { id: 'training-poverty', title: t('povertyTitle'), unit: t('povertyUnit'), kind: 'mixed', span: 2 });
  const povertyPrefectures = frameFor(first, {
    id: 'training-poverty-prefectures',
    title: t('povertyPrefTitle'),
    kind: 'training',
    span: 1,
  });
  const povertyCounties = frameFor(first, { id: 'training-poverty-counties', title: t('countiesTitle'), kind: 'mixed', span: 2 });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageTraining')), h('p', {}, t('trainingIntro'))),
    controls,
    h(
      'div',
      { class: 'cards' },
      byProgram.element,
      byField.element,
      seasonal.element,
      byRegion.element,
      poverty.element,
      povertyPrefectures.element,
      povertyCounties.element,
    ),
  );
  return {
    update(ctx) {
      const { lang, refs } = ctx;
      const program = param(ctx, 'program', 'vocational_training');
      const field = param(ctx, 'field');
      const region = param(ctx, 'province');
      const year = param(ctx, 'year');
      const fieldOptions = [{ value: '', label: t('allFields') }, ...refs.fields.map((f) => ({ value: f.code, label: nameOf(f, lang) }))];
      replace(
        controls,
        toolbar(
          selectControl('program', t('programLabel'), programOptions(ctx, 'training'), program, (v) =>
            ctx.set({ program: v === 'vocational_training' ? null : v }),
          ),
          selectControl('field', t('fieldLabel'), fieldOptions, field, (v) => ctx.set({ field: v })),
          selectControl('year', t('yearLabel'), yearOptions(2015, trainingYear(ctx), t('latestYear')), year, (v) => ctx.set({ year: v })),
        ),
      );
      const names = scopeNames(refs, { program, region, field }, ctx);
      const lastFull = lastFullYear(ctx.meta.freshness.training_through);
      const headings = trainingHeadings(names, ctx);
      const yearly = (params: Params) => queryRows('training-trend', { grain: 'year', ...params });

      const common: Params = { region: region || null, field: field || null };
      const programs = refs.programs.filter((p) => p.factTable === 'training' && p.metric === 'person_times');
      byProgram.setHeading(t('byProgramTitle'), headings.byProgram);
      byProgram.setApi(query('training-trend', { grain: 'year', program, ...common }));
      void byProgram.load(`${region}|${field}|${lang}`, async () => {
        const results = await Promise.all(programs.map((p) => yearly({ program: p.code, ...common })));
        return viewOf(byProgramModel(programs, results, lastFull, ctx), lines(lang, 'year', true));
      });

      byField.setHeading(t('byFieldTitle'), headings.byField);
      byField.setApi(query('training-trend', { grain: 'year', program, region: region || null }));
      void byField.load(`${program}|${region}|${lang}`, async () => {
        const results = await Promise.all(refs.fields.map((f) => yearly({ program, region: region || null, field: f.code })));
        return viewOf(byFieldModel(refs.fields, results, lastFull, names.unit, ctx), lines(lang, 'year'));
      });

      const monthly = query('training-trend', { grain: 'month', program, ...common, from: trainingYear(ctx) - 3 });
      seasonal.setHeading(t('seasonalTitle'), headings.seasonal);
      void seasonal.show(`${program}|${region}|${field}|${lang}`, monthly, (result) =>
        viewOf(seasonalModel(result, names.unit, ctx), lines(lang, 'monthOfYear', true)),
      );

      const regional = query('training-by-region', { program, year: year || null, field: field || null });
      byRegion.setHeading(t('byRegionTitle'), headings.byRegion);
      void byRegion.show(`${program}|${year}|${field}|${region}|${lang}`, regional, (result) =>
        viewOf(byRegionModel(result, region, names.unit, ctx), (model, width) =>
          barChart(model.bars, {
            width,
            lang,
            xLabel: model.xLabel,
            format: (v) => formatNumber(v, lang, 1),
            barHeight: 18,
            reference: model.reference,
          }),
        ),
      );

      poverty.setHeading(t('povertyTitle'), headings.poverty);
      void poverty.show(`${program}|${lang}`, query('poverty-areas', { program }), (result) =>
        viewOf(povertyModel(result, lastFull, ctx), (model, width) =>
          linePanels(model.panels, { width, lang, series: model.series, yLabel: model.yLabel, note: model.note }),
        ),
      );

      // The designated poverty-area prefectures one by one (the chosen province's only), with the group totals.
      const povertyRequest = query('poverty-prefectures', { program, year: year || null, province: region || null });
      const programName = nameOf(refs.programs.find((x) => x.code === program) ?? { name_zh: program, name_en: program }, lang);
      const placeName = region
        ? nameOf(refs.provinces.find((x) => x.code === region) ?? { name_zh: region, name_en: region }, lang)
        : t('nation');
      povertyPrefectures.setHeading(
        `${t('povertyPrefTitle')}${pn(lang).colon}${placeName}`,
        `${t('per10kAxis')}${pn(lang).open}${programName}${pn(lang).close}`,
      );
      void povertyPrefectures.show(`${program}|${year}|${region}|${lang}`, povertyRequest, (result) => {
        const model = povertyPrefecturesModel(result, ctx);
        if (!model) return messageView(t('povertyPrefNone'), resultTable(result));
        return viewOf(model, (m) => rankTable(m.rows, { columns: m.columns, nameColumn: 0, caption: t('povertyPrefTitle') }));
      });

      // The 52 uncapped poverty counties (the chosen province's only), ranked, as bars and as a table.
      const countiesRequest = query('poverty-counties', { program, year: year || null, province: region || null });
      povertyCounties.setHeading(
        `${t('countiesTitle')}${pn(lang).colon}${placeName}`,
        `${t('countiesUnit')}${pn(lang).open}${programName}${pn(lang).close}`,
      );
      void povertyCounties.show(`${program}|${year}|${region}|${lang}`, countiesRequest, (result) => {
        const model = povertyCountiesModel(result, ctx);
        if (!model) return messageView(t('countiesNone'), resultTable(result));
        return viewOf(model, (m, width) =>
          h(
            'div',
            { class: 'chart-with-table' },
            barChart(m.bars, {
              width,
              lang,
              xLabel: m.xLabel,
              format: (v) => formatNumber(v, lang, 1),
              barHeight: 16,
              reference: m.reference,
            }),
            rankTable(m.rows, { columns: m.columns, nameColumn: 1, caption: t('countiesTitle') }),
          ),
        );
      });
    },
  };
};
