import { pn } from '../i18n/format.js';
import type { Lang } from '../i18n/format.js';
import { withLegend } from './legend.js';
import { categorical, grid, highlight as highlightColor } from '../ui/theme.js';
import { base, countTick, fitText, labelMargin, Plot } from './plot-kit.js';

export interface Bar {
  key: string;
  label: string;
  value: number | null;
  /** Extra lines for the tooltip (e.g. rank change). */
  detail?: string;
  /** Text written after the bar's end (e.g. '▲3'). */
  note?: string;
  highlight?: boolean;
  color?: string;
}

export interface BarChartOptions {
  width: number;
  lang: Lang;
  /** Label of the value axis (unit). */
  xLabel: string;
  format: (value: number) => string;
  tick?: (value: number) => string;
  barHeight?: number;
  /** Draw a reference line (e.g. the national value, or 1 for ratios). */
  reference?: { value: number; label: string };
}

/** Horizontal bars in the order given (rank order), labelled with their values; highlighted bars stand out. */
export function barChart(bars: readonly Bar[], options: BarChartOptions): HTMLElement {
  const { lang } = options;
  const data = bars.filter((b) => b.value !== null && Number.isFinite(b.value));
  const barHeight = options.barHeight ?? 22;
  const labels = data.map((d) => d.label);
  const values = data.map((d) => d.value as number);
  const hasNegative = values.some((v) => v < 0);
  const marginLeft = labelMargin(labels, 12, Math.max(120, Math.min(360, options.width * 0.42)));
  const fill = (d: Bar) => d.color ?? (d.highlight ? highlightColor : categorical[0]);
  const chart = Plot.plot({
    ...base(options.width, Math.max(120, data.length * barHeight + 50)),
    marginLeft,
    marginRight: 72,
    marginBottom: 44,
    x: {
      label: options.xLabel,
      labelAnchor: 'right',
      labelArrow: 'none',
      tickFormat: (options.tick ?? countTick(options.lang)) as (d: unknown) => string,
      grid: false,
      nice: true,
      ...(hasNegative ? {} : { domain: [0, Math.max(...values, options.reference?.value ?? 0) * 1.05 || 1] }),
    },
    y: { label: null, domain: labels, tickSize: 0, padding: 0.2, tickFormat: (l: string) => fitText(l, marginLeft - 10) },
    marks: [
      Plot.gridX({ stroke: grid, strokeOpacity: 1 }),
      Plot.barX(data, { x: 'value', y: 'label', fill, tip: false }),
      Plot.ruleX([0], { stroke: '#9aa5b1' }),
      Plot.text(data, {
        x: 'value',
        y: 'label',
        text: (d: Bar) => `${options.format(d.value as number)}${d.note ? `  ${d.note}` : ''}`,
        textAnchor: hasNegative ? undefined : 'start',
        dx: 4,
        fill: '#323f4b',
        fontSize: 12,
      }),
      options.reference ? Plot.ruleX([options.reference.value], { stroke: '#1f2933', strokeDasharray: '4,3' }) : null,
      options.reference
        ? Plot.text([options.reference.value], {
            x: (d: number) => d,
            frameAnchor: 'top',
            text: () => options.reference!.label,
            dy: -10,
            fill: '#1f2933',
            fontSize: 12,
          })
        : null,
      Plot.tip(
        data,
        Plot.pointerY({
          x: 'value',
          y: 'label',
          title: (d: Bar) =>
            `${d.label}\n${options.xLabel}${pn(lang).colon}${options.format(d.value as number)}${d.detail ? `\n${d.detail}` : ''}`,
        }),
      ),
    ],
  });
  return withLegend(null, chart);
}
