import type { Lang } from '../i18n/format.js';
import { h } from '../ui/dom.js';
import { lineChart, type LinePoint, type SeriesStyle } from './line-chart.js';

/** One panel: a title over yearly lines of the shared series. */
export interface LinePanel {
  title: string;
  points: readonly LinePoint[];
  format: (value: number) => string;
  /** Shown instead of the chart when no point has a value (else an empty chart is drawn). */
  empty?: string;
}

export interface LinePanelsOptions {
  width: number;
  lang: Lang;
  series: readonly SeriesStyle[];
  yLabel: string;
  /** A note under the panels (e.g. what is missing). */
  note?: string | null;
  height?: number;
}

/** How many panels side by side: two on a card wider than 640 px, else one. */
export const pairColumns = (width: number): number => (width > 640 ? 2 : 1);

/** Yearly line charts side by side sharing their series (one legend each), one under another on a phone. */
export function linePanels(panels: readonly LinePanel[], options: LinePanelsOptions): HTMLElement {
  const columns = pairColumns(options.width);
  const width = Math.floor((options.width - (columns - 1) * 16) / columns);
  const chart = (panel: LinePanel) =>
    panel.empty && !panel.points.some((p) => p.y !== null)
      ? h('p', { class: 'state state-empty' }, panel.empty)
      : lineChart(panel.points, {
          width,
          height: options.height ?? 240,
          lang: options.lang,
          x: 'year',
          series: options.series,
          yLabel: options.yLabel,
          format: panel.format,
          dots: true,
        });
  return h(
    'div',
    { class: 'small-multiples', style: `grid-template-columns: repeat(${columns}, 1fr)` },
    panels.map((panel) => h('div', { class: 'panel' }, h('h3', { class: 'panel-title' }, panel.title), chart(panel))),
    options.note ? h('p', { class: 'panel-note' }, options.note) : null,
  );
}
