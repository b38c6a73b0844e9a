import { fetchRows, query, type Params } from '../api.js';
import { barChart } from '../charts/bar-chart.js';
import { heatmap } from '../charts/heatmap.js';
import { formatQuarter, pn, type Lang } from '../i18n/format.js';
import { selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import type { BarsModel } from '../view-models/gaps.js';
import { defaultTheta, shortageModel, talentGapModel, thetas, zonePressureModel, zoneTightestModel } from '../view-models/gaps.js';
import { frameFor, param, type PageMount } from './context.js';
import { messageView, nameIn, quarterList, viewOf } from './shared.js';
import { nameOf } from '../i18n/index.js';
import { rankTable } from '../charts/rank-table.js';
import { catalogueModel } from '../view-models/province-local.js';
import { sampleNationalRatio, vacancyRatioModel } from '../view-models/published.js';
import { publishedFrame, publishedRequest, ratioView } from './published-cards.js';

const defaultZone = 'gba';

/** Talent gaps: region × occupation-group heatmap, the shortage ranking, the strategic-zone panel. */
export const mountGaps: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const heat = frameFor(first, { id: 'gaps-heatmap', title: t('heatmapTitle'), unit: t('heatmapUnit'), kind: 'labor', span: 2 });
  const ranking = frameFor(first, { id: 'gaps-shortage', title: t('shortageTitle'), unit: t('shortageUnit'), kind: 'labor', span: 1 });
  const pressure = frameFor(first, { id: 'gaps-zone-pressure', title: t('zonePressureTitle'), kind: 'labor', span: 1 });
  const tightest = frameFor(first, { id: 'gaps-zone-tightest', title: t('zoneTightestTitle'), kind: 'labor', span: 3 });
  const catalogue = frameFor(first, { id: 'gaps-catalogue', title: t('catalogueTitle'), kind: 'labor', span: 3 });
  const ratio = publishedFrame(first, {
    id: 'gaps-published-ratio',
    title: t('publishedRatioTitle'),
    unit: t('publishedRatioUnit'),
    span: 3,
  });
  const cards = h(
    'div',
    { class: 'cards' },
    heat.element,
    h('div', { class: 'stack' }, ranking.element, pressure.element),
    tightest.element,
    ratio.element,
  );
  root.append(h('div', { class: 'page-head' }, h('h1', {}, t('pageGaps')), h('p', {}, t('gapsIntro'))), controls, cards);
  const bars = (lang: Lang) => (model: BarsModel, width: number) => barChart(model.bars, { ...model, width, lang });

  return {
    update(ctx) {
      const { lang, refs } = ctx;
      const quarters = quarterList(ctx.meta.freshness.labor_market_through, 12);
      const quarter = param(ctx, 'quarter');
      const zone = param(ctx, 'zone', refs.zones.find((z) => z.code === defaultZone)?.code ?? refs.zones[0]?.code ?? defaultZone);
      const theta = thetas.includes(param(ctx, 'theta')) ? param(ctx, 'theta') : defaultTheta;
      replace(
        controls,
        toolbar(
          selectControl(
            'quarter',
            t('quarterLabel'),
            [{ value: '', label: t('latestQuarter') }, ...quarters.map((q) => ({ value: q, label: formatQuarter(q, lang) }))],
            quarter,
            (v) => ctx.set({ quarter: v }),
          ),
          selectControl(
            'zone',
            t('zoneLabel'),
            refs.zones.map((z) => ({ value: z.code, label: nameIn(z, lang) })),
            zone,
            (v) => ctx.set({ zone: v === defaultZone ? null : v }),
          ),
          selectControl(
            'theta',
            t('thetaLabel'),
            thetas.map((v) => ({ value: v, label: `θ = ${v}` })),
            theta,
            (v) => ctx.set({ theta: v === defaultTheta ? null : v }),
          ),
        ),
      );
      const q: Params = { quarter: quarter || null };
      // A province chosen: its prefectures in the heatmap, its shortage ranking, and its zone's catalogue here.
      const province = param(ctx, 'province');
      const provinceName = province
        ? nameOf(refs.provinces.find((x) => x.code === province) ?? { name_zh: province, name_en: province }, lang)
        : '';
      const gapParams: Params = province ? { ...q, level: 'prefecture', province } : q;
      const within = province ? `${pn(lang).colon}${provinceName}` : '';
      heat.setHeading(`${t('heatmapTitle')}${within}`, t('heatmapUnit'));
      ranking.setHeading(`${t('shortageTitle')}${within}`, t('shortageUnit'));
      if (province && !catalogue.element.isConnected) cards.insertBefore(catalogue.element, cards.firstChild);
      if (!province && catalogue.element.isConnected) catalogue.element.remove();
      if (province) {
        catalogue.setHeading(`${t('catalogueTitle')}${within}`, t('catalogueUnit', { theta }));
        const request = query('catalogue-in-province', { ...q, province, theta });
        catalogue.setApi(request);
        // load, not show: a province in no zone has no rows, and the card says why rather than just "no data".
        void catalogue.load(`${province}|${quarter}|${theta}|${lang}`, async () => {
          const result = await fetchRows(request);
          const model = catalogueModel(result, { lang, t, provinceName });
          if (model.message) return messageView(model.message, model.table);
          return viewOf(model, (m) => rankTable(m.rows, { columns: m.columns, nameColumn: 0, caption: t('catalogueTitle') }));
        });
      }
      const zoneName = nameIn(refs.zones.find((z) => z.code === zone) ?? { name_zh: zone, name_en: zone }, lang);
      void heat.show(`${quarter}|${province}|${lang}`, query('talent-gap', gapParams), (result) =>
        viewOf(talentGapModel(result, ctx), (model, width) => heatmap(model.cells, { ...model, width })),
      );
      void ranking.show(
        `${quarter}|${province}|${lang}`,
        query('shortage-occupations', { ...q, province: province || null, limit: 15 }),
        (result) => viewOf(shortageModel(result, ctx), bars(lang)),
      );
      pressure.setHeading(t('zonePressureTitle'), t('zonePressureUnit', { theta }));
      void pressure.show(`${quarter}|${theta}|${zone}|${lang}`, query('zone-pressure', { ...q, theta }), (result) =>
        viewOf(zonePressureModel(result, { lang, t, zone, theta: Number(theta) }), bars(lang)),
      );
      tightest.setHeading(`${t('zoneTightestTitle')}${pn(lang).colon}${zoneName}`, t('zoneTightestUnit', { theta }));
      void tightest.show(`${quarter}|${zone}|${theta}|${lang}`, query('zone-tightest-occupations', { ...q, zone, limit: 15 }), (result) =>
        viewOf(zoneTightestModel(result, { lang, t, theta: Number(theta) }), bars(lang)),
      );
      // The published (real) national ratio beside the sample's national ratio of the quarters the page offers.
      const published = publishedRequest('labour_market');
      ratio.setApi(published);
      void ratio.load(`${quarters.join(',')}|${lang}`, async () => {
        const [result, ...samples] = await Promise.all([
          fetchRows(published),
          ...quarters.map((qq) => fetchRows(query('talent-gap', { quarter: qq })).catch(() => null)),
        ]);
        const sample = samples.map((s) => sampleNationalRatio(s?.rows ?? [])).filter((s) => s !== null);
        return viewOf(vacancyRatioModel(result, sample, { lang, t }), (model, width) => ratioView(model, width, lang, t), true);
      });
    },
  };
};
