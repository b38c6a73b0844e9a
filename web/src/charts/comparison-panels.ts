import type { Lang } from '../i18n/format.js';
import { categorical, grid, ink, referenceDash } from '../ui/theme.js';
import { swatchLegend, withLegend } from './legend.js';
import { base, Plot } from './plot-kit.js';
import { smallMultiples } from './small-multiples.js';

export interface ComparisonBar {
  /** The subject's label (one of the chart's `order`). */
  label: string;
  value: number | null;
  /** Written after the bar (value and rank). */
  text: string;
  tip: string;
}

/** One measure: a bar per subject, and a dashed reference line where there is one. */
export interface ComparisonPanel {
  title: string;
  unit: string;
  reference: number | null;
  tick: (value: number) => string;
  bars: ComparisonBar[];
}

export interface ComparisonOptions {
  width: number;
  lang: Lang;
  /** The subjects in order: each keeps its row and colour in every panel. */
  order: readonly string[];
  /** The name of the reference line in the legend. */
  reference: string;
}

/** Room for the subjects' labels: CJK characters about 13 px, Latin ones 7.5 px, at least 48 px. */
const labelRoom = (order: readonly string[], lang: Lang) =>
  Math.max(48, ...order.map((o) => [...o].length * (lang === 'zh' ? 13 : 7.5))) + 8;

/** Several subjects side by side on several measures: one small bar chart per measure, one colour per subject. */
export function comparisonPanels(panels: readonly ComparisonPanel[], options: ComparisonOptions): HTMLElement {
  const { order } = options;
  const color = (label: string) => categorical[order.indexOf(label) % categorical.length];
  const legend = swatchLegend(
    [
      ...order.map((label) => ({ label, color: color(label) })),
      { label: options.reference, color: ink, shape: 'line' as const, dash: referenceDash },
    ],
    options.width,
  );
  const panel = (p: ComparisonPanel, width: number) =>
    Plot.plot({
      ...base(width, order.length * 26 + 40),
      marginLeft: labelRoom(order, options.lang),
      marginRight: 64,
      marginBottom: 40,
      x: {
        label: p.unit,
        labelAnchor: 'right',
        labelArrow: 'none',
        tickFormat: p.tick as (d: unknown) => string,
        ticks: 4,
        nice: true,
        grid: false,
      },
      y: { domain: order, label: null, tickSize: 0, padding: 0.2 },
      marks: [
        Plot.gridX({ stroke: grid, strokeOpacity: 1, ticks: 4 }),
        Plot.barX(p.bars, { x: 'value', y: 'label', fill: (d: ComparisonBar) => color(d.label) }),
        Plot.text(p.bars, { x: 'value', y: 'label', text: 'text', textAnchor: 'start', dx: 4, fontSize: 12 }),
        p.reference === null ? null : Plot.ruleX([p.reference], { stroke: ink, strokeDasharray: referenceDash }),
        Plot.tip(p.bars, Plot.pointerY({ x: 'value', y: 'label', title: 'tip' })),
      ],
    });
  return withLegend(
    legend,
    smallMultiples(
      panels.map((p) => ({ title: p.title, draw: (width: number) => panel(p, width) })),
      options.width,
    ),
  );
}
