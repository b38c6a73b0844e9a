import { pn } from '../i18n/format.js';
import type { Lang } from '../i18n/format.js';
import { swatchLegend, withLegend, type LegendItem } from './legend.js';
import { grid } from '../ui/theme.js';
import { base, countTick, monthTick, Plot } from './plot-kit.js';

/** One month of the path towards an annual target (annual-target-path). */
export interface PathMonth {
  month: number;
  actual: number | null;
  seasonal: number | null;
  linear: number | null;
  projected: number | null;
  low: number | null;
  high: number | null;
  target: number | null;
}

export interface TargetPathLabels {
  actual: string;
  seasonal: string;
  linear: string;
  projected: string;
  band: string;
  target: string;
  unit: string;
}

const colors = { actual: '#1d4e89', seasonal: '#e08a00', linear: '#7b8794', projected: '#3d8ac4', target: '#a61b29' };

/**
 * Cumulative volume against the expected seasonal path, the linear path and the target, with the projection to
 * December and its band. Months 1–12 on x.
 */
export function targetPathChart(
  months: readonly PathMonth[],
  options: { width: number; lang: Lang; labels: TargetPathLabels; format: (v: number) => string },
): HTMLElement {
  const { labels, lang } = options;
  const defined = (key: keyof PathMonth) => months.filter((m) => m[key] !== null && Number.isFinite(m[key] as number));
  const target = months.find((m) => m.target !== null)?.target ?? null;
  const band = months.filter((m) => m.low !== null && m.high !== null);
  const line = (key: keyof PathMonth, color: string, dash?: string, width = 2) =>
    Plot.line(defined(key), { x: 'month', y: key, stroke: color, strokeWidth: width, strokeDasharray: dash });
  const tipText = (m: PathMonth) =>
    [
      monthTick(lang)(m.month),
      m.actual !== null ? `${labels.actual}${pn(lang).colon}${options.format(m.actual)}` : null,
      m.seasonal !== null ? `${labels.seasonal}${pn(lang).colon}${options.format(m.seasonal)}` : null,
      m.linear !== null ? `${labels.linear}${pn(lang).colon}${options.format(m.linear)}` : null,
      m.projected !== null && m.actual === null ? `${labels.projected}${pn(lang).colon}${options.format(m.projected)}` : null,
      m.low !== null && m.high !== null && m.actual === null
        ? `${labels.band}${pn(lang).colon}${options.format(m.low)} – ${options.format(m.high)}`
        : null,
    ]
      .filter(Boolean)
      .join('\n');
  const tipY = (m: PathMonth) => m.actual ?? m.projected ?? m.seasonal ?? m.linear ?? 0;
  const chart = Plot.plot({
    ...base(options.width, 320),
    marginLeft: 56,
    marginTop: 30,
    marginRight: 24,
    // Every month where there is room; on a phone every third, so that the labels do not run together.
    x: {
      domain: [1, 12],
      ticks: options.width < 520 ? [1, 3, 6, 9, 12] : 12,
      tickFormat: monthTick(lang) as (d: unknown) => string,
      label: null,
    },
    y: {
      label: labels.unit,
      labelAnchor: 'top',
      labelArrow: 'none',
      tickFormat: countTick(lang) as (d: unknown) => string,
      zero: true,
      nice: true,
      grid: false,
    },
    marks: [
      Plot.gridY({ stroke: grid, strokeOpacity: 1 }),
      Plot.areaY(band, { x: 'month', y1: 'low', y2: 'high', fill: colors.projected, fillOpacity: 0.18 }),
      line('linear', colors.linear, '2,3', 1.5),
      line('seasonal', colors.seasonal, '6,4'),
      line('projected', colors.projected, '4,3'),
      line('actual', colors.actual, undefined, 3),
      Plot.dot(defined('actual'), { x: 'month', y: 'actual', fill: colors.actual, r: 3 }),
      target !== null ? Plot.ruleY([target], { stroke: colors.target, strokeWidth: 1.5 }) : null,
      target !== null
        ? Plot.text([target], {
            y: (d: number) => d,
            frameAnchor: 'left',
            text: () => `${labels.target} ${options.format(target)}`,
            dy: -8,
            dx: 4,
            textAnchor: 'start',
            fill: colors.target,
            fontSize: 12,
            fontWeight: 600,
          })
        : null,
      Plot.ruleX(months, Plot.pointerX({ x: 'month', stroke: '#9aa5b1' })),
      Plot.tip(months, Plot.pointerX({ x: 'month', y: tipY, title: tipText })),
    ],
  });
  const items: LegendItem[] = [
    { label: labels.actual, color: colors.actual, shape: 'line' },
    { label: labels.seasonal, color: colors.seasonal, shape: 'line', dash: '6,4' },
    { label: labels.linear, color: colors.linear, shape: 'line', dash: '2,3' },
    { label: labels.projected, color: colors.projected, shape: 'line', dash: '4,3' },
    { label: labels.band, color: colors.projected, shape: 'area' },
    { label: labels.target, color: colors.target, shape: 'line' },
  ];
  return withLegend(swatchLegend(items, options.width), chart);
}
