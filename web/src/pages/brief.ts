import { query } from '../api.js';
import { barChart } from '../charts/bar-chart.js';
import { progressPanel } from '../charts/progress-panel.js';
import { rankTable } from '../charts/rank-table.js';
import { pn } from '../i18n/format.js';
import { h, replace } from '../ui/dom.js';
import { briefRankModel, briefShortageCount, briefShortageModel } from '../view-models/brief.js';
import { progressModel } from '../view-models/overview.js';
import { prefectureMapModel } from '../view-models/prefectures.js';
import { provinceName } from '../view-models/regions.js';
import { frameFor, param, type PageMount } from './context.js';
import { messageView, nameIn, viewOf } from './shared.js';

/** The programme the brief follows: knowledge renewal, the annual target every province has. */
const program = 'knowledge_renewal';

/**
 * Province brief: one printable page for the chosen province: its progress against its own annual target, its place
 * among the provinces, its prefectures ranked and its top local shortage occupations. Without a province it asks
 * for one.
 */
export const mountBrief: PageMount = (root, first) => {
  const { t } = first;
  const head = h('div', { class: 'page-head' });
  const choose = frameFor(first, { id: 'brief-choose', title: t('pageBrief'), kind: 'reference', span: 3 });
  const progress = frameFor(first, { id: 'brief-progress', title: t('briefProgressTitle'), kind: 'training', span: 2 });
  const rank = frameFor(first, { id: 'brief-rank', title: t('briefRankTitle'), kind: 'training', span: 1 });
  const prefectures = frameFor(first, { id: 'brief-prefectures', title: t('briefPrefecturesTitle'), kind: 'training', span: 2 });
  const shortages = frameFor(first, {
    id: 'brief-shortages',
    title: t('briefShortageTitle'),
    unit: t('shortageUnit'),
    kind: 'labor',
    span: 1,
  });
  const cards = h('div', { class: 'cards brief' });
  root.append(head, cards);

  return {
    update(ctx) {
      const { lang, refs } = ctx;
      const p = pn(lang);
      const province = param(ctx, 'province');
      if (!province) {
        replace(head, h('h1', {}, t('pageBrief')), h('p', {}, t('briefIntro')));
        if (!choose.element.isConnected) replace(cards, choose.element);
        const message = t('briefChooseProvince');
        void choose.load(`none|${lang}`, () => Promise.resolve(messageView(message, { columns: [], rows: [] })));
        return;
      }
      const name = provinceName(refs.provinces, province, lang);
      replace(head, h('h1', {}, `${t('pageBrief')}${p.colon}${name}`), h('p', {}, t('briefIntro')));
      if (!progress.element.isConnected) replace(cards, progress.element, rank.element, prefectures.element, shortages.element);
      const programName = nameIn(refs.programs.find((x) => x.code === program) ?? { name_zh: program, name_en: program }, lang);
      const key = `${province}|${lang}`;

      progress.setHeading(`${t('briefProgressTitle')}${p.colon}${name}`);
      void progress.show(key, query('annual-target-progress', { program, region: province }), (result) =>
        viewOf(progressModel(result, ctx), (model, width) => progressPanel(model, { width, t })),
      );

      rank.setHeading(t('briefRankTitle'), programName);
      void rank.show(key, query('province-target-league', { program }), (result) =>
        viewOf(briefRankModel(result, province, ctx), (model, width) => progressPanel(model, { width, t })),
      );

      const unit = `${t('per10kAxis')}${p.open}${programName}${p.close}`;
      prefectures.setHeading(`${t('briefPrefecturesTitle')}${p.colon}${name}`, unit);
      void prefectures.show(key, query('training-by-region', { level: 'prefecture', province, program }), (result) =>
        viewOf(prefectureMapModel(result, { lang, t, provinceName: name }), (model) =>
          rankTable(model.rows, { columns: model.columns, nameColumn: 1, caption: `${t('briefPrefecturesTitle')}${p.colon}${name}` }),
        ),
      );

      shortages.setHeading(`${t('briefShortageTitle')}${p.colon}${name}`, t('shortageUnit'));
      void shortages.show(key, query('shortage-occupations', { province, limit: briefShortageCount }), (result) =>
        viewOf(briefShortageModel(result, ctx), (model, width) => barChart(model.bars, { ...model, width, lang })),
      );
    },
  };
};
