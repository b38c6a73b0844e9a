import { h } from '../ui/dom.js';
import { swatchLegend, withLegend } from './legend.js';
import { base, Plot } from './plot-kit.js';
import { baselineDash, categorical, context, grid, highlight, ink, secondaryText } from '../ui/theme.js';

/** One indicator of a profile: the subject's and a peer median's values as indices (reference = 100). */
export interface ProfileItem {
  /** The indicator's name (one facet per name). */
  label: string;
  /** Written above the bar (the name and rank). */
  heading: string;
  /** Written below the bar (the value in its unit). */
  note: string;
  value: number | null;
  median: number | null;
  tip: string;
}

export interface ProfileLegend {
  subject: string;
  median: string;
  baseline: string;
}

/** The index the chart is read against, drawn as a dashed line. */
export const BASELINE = 100;

/**
 * Indicators in different units made comparable: one row per indicator, a bar and a dot for the subject's index,
 * a ring for its peers' median, and a dashed line at 100 (the reference, e.g. the nation).
 */
export function indexProfileChart(
  items: readonly ProfileItem[],
  options: { width: number; legend: ProfileLegend; footnote?: string | null },
): HTMLElement {
  const max = Math.max(150, ...items.flatMap((d) => [d.value ?? 0, d.median ?? 0])) * 1.08;
  const chart = Plot.plot({
    ...base(options.width, items.length * 76 + 30),
    marginLeft: 10,
    marginRight: 10,
    x: { domain: [0, max], label: null, grid: false },
    fy: { domain: items.map((d) => d.label), label: null, axis: null },
    y: { axis: null, domain: [0, 1] },
    marks: [
      Plot.gridX({ stroke: grid, strokeOpacity: 1 }),
      Plot.text(items, { fy: 'label', frameAnchor: 'top-left', text: 'heading', dy: 2, fontWeight: 600, fontSize: 12 }),
      Plot.ruleX([BASELINE], { stroke: ink, strokeDasharray: baselineDash }),
      Plot.ruleY(items, { fy: 'label', x1: 0, x2: (d: ProfileItem) => d.value ?? 0, y: 0.2, stroke: context, strokeWidth: 6 }),
      Plot.dot(items, { fy: 'label', x: 'median', y: 0.2, r: 6, stroke: categorical[1], strokeWidth: 2.5, fill: 'white' }),
      Plot.dot(items, { fy: 'label', x: 'value', y: 0.2, r: 6.5, fill: highlight }),
      Plot.text(items, { fy: 'label', frameAnchor: 'top-left', text: 'note', dy: 19, fontSize: 12, fill: secondaryText }),
      Plot.tip(items, Plot.pointer({ fy: 'label', x: 'value', y: 0.2, title: 'tip' })),
    ],
  });
  const legend = swatchLegend(
    [
      { label: options.legend.subject, color: highlight },
      { label: options.legend.median, color: categorical[1], shape: 'line' },
      { label: options.legend.baseline, color: ink, shape: 'line', dash: baselineDash },
    ],
    options.width,
  );
  const box = withLegend(legend, chart);
  // How the reference is defined where it differs between indicators (e.g. a count's nation is the average province).
  if (options.footnote) box.append(h('p', { class: 'chart-footnote' }, options.footnote));
  return box;
}
