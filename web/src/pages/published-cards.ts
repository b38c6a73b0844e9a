import { query, type QueryRequest } from '../api.js';
import type { ResultSet } from '../decode.js';
import { lineChart } from '../charts/line-chart.js';
import type { Lang } from '../i18n/format.js';
import type { Translate } from '../i18n/index.js';
import { chartFrame, type ChartView, type Frame } from '../ui/card-frame.js';
import { h } from '../ui/dom.js';
import { publishedBadge, publishedFigure } from '../ui/published-figure.js';
import type { FigureGroup, PublishedRow, RatioModel, WorldSkillsModel } from '../view-models/published.js';
import type { PageContext } from './context.js';
import { viewOf } from './shared.js';

/**
 * A card of published (real) figures: its source line says so, never "synthetic sample", and its data version; its
 * unit line carries the "published · real" mark's words.
 */
export function publishedFrame(ctx: PageContext, options: { id: string; title: string; unit: string; span: 1 | 2 | 3 }): Frame {
  const { t, meta } = ctx;
  const frame = chartFrame({
    ...options,
    t,
    source: [t('publishedSourceLine'), t('dataVersion', { version: meta.snapshot })].join(' · '),
    snapshot: meta.snapshot,
  });
  frame.element.classList.add('published-card');
  return frame;
}

/** The published figures of one topic (all without one): the request a card shows and links to. */
export const publishedRequest = (topic?: string): QueryRequest<'published-figures'> => query('published-figures', topic ? { topic } : {});

/** China's WorldSkills results: an edition a row, each value a button revealing its source. */
export function worldSkillsView(model: WorldSkillsModel, t: Translate): HTMLElement {
  const panels = h('div', { class: 'published-panels' });
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, t('publishedEditionColumn')),
    ...model.measures.map((m) => h('th', { scope: 'col' }, m.label)),
  );
  const body = model.editions.map((edition) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, edition.label),
      ...model.measures.map((m) => {
        const figure = edition.cells[m.key];
        return h(
          'td',
          {},
          figure ? publishedFigure(figure, t, false, panels) : h('span', { class: 'published-period' }, t('publishedNotPublished')),
        );
      }),
    ),
  );
  return h(
    'div',
    { class: 'published-view', 'data-published': 'worldskills' },
    publishedBadge(t),
    h('div', { class: 'published-scroll' }, h('table', { class: 'published-table' }, h('thead', {}, head), h('tbody', {}, body))),
    panels,
  );
}

/** The published national ratio beside the sample's, and the published values one by one with their sources. */
export function ratioView(model: RatioModel, width: number, lang: Lang, t: Translate): HTMLElement {
  return h(
    'div',
    { class: 'published-view', 'data-published': 'vacancy-ratio' },
    publishedBadge(t),
    lineChart(model.points, { ...model, width, height: 240, lang, x: 'quarter', dots: true, zero: false }),
    h('p', { class: 'published-period' }, t('publishedRatioList')),
    h(
      'ul',
      { class: 'published-list published-grid' },
      model.figures.map((f) => h('li', {}, publishedFigure(f, t))),
    ),
  );
}

/** Groups of published figures (a programme's anchors, a competition's editions): a block a group, each figure with its period and source. */
export function figureGroupsView(groups: readonly FigureGroup[], t: Translate, name: string, chosen?: string): HTMLElement {
  return h(
    'div',
    { class: 'published-view', 'data-published': name },
    publishedBadge(t),
    h(
      'div',
      { class: 'published-programs' },
      groups.map((g) =>
        h(
          'section',
          { class: 'published-program', 'data-group': g.code },
          h('h3', {}, g.name, g.code === chosen ? h('span', { class: 'published-chosen' }, t('publishedChosenProgram')) : null),
          h(
            'ul',
            { class: 'published-list' },
            g.figures.map((f) => h('li', {}, h('span', { class: 'published-period' }, f.indicator), ' ', publishedFigure(f, t))),
          ),
        ),
      ),
    ),
  );
}

/** Shows a published card from its topic's rows (the card's API link is that request). */
export function showPublished<M extends { summary: string; table: ChartView['table'] }>(
  frame: Frame,
  key: string,
  topic: string | undefined,
  model: (result: ResultSet<PublishedRow>) => M | null,
  draw: (model: M, width: number) => Element,
): Promise<void> {
  return frame.show(key, publishedRequest(topic), (result) => viewOf(model(result), draw, true));
}
