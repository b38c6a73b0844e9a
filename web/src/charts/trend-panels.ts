import type { Lang } from '../i18n/format.js';
import { highlight, reference, referenceDash } from '../ui/theme.js';
import { lineChart, type LinePoint } from './line-chart.js';
import { smallMultiples } from './small-multiples.js';

/** One panel: yearly points of the series 'subject' and 'reference'. */
export interface TrendPanel {
  title: string;
  yLabel: string;
  points: LinePoint[];
}

export interface TrendPanelsOptions {
  width: number;
  lang: Lang;
  /** The names of the two series (e.g. the province and the nation). */
  subject: string;
  reference: string;
  format: (value: number) => string;
}

/** Small multiples of yearly lines: the subject (highlighted) against its reference (dark grey, dashed). */
export function trendPanels(panels: readonly TrendPanel[], options: TrendPanelsOptions): HTMLElement {
  const series = [
    { key: 'subject', label: options.subject, color: highlight, strokeWidth: 2.5 },
    { key: 'reference', label: options.reference, color: reference, dash: referenceDash },
  ];
  return smallMultiples(
    panels.map((panel) => ({
      title: panel.title,
      draw: (width: number) =>
        lineChart(panel.points, {
          width,
          height: 200,
          lang: options.lang,
          x: 'year',
          series,
          yLabel: panel.yLabel,
          format: options.format,
        }),
    })),
    options.width,
  );
}
