import { colorScale, rampLegend, type ColorSpec } from './color-scale.js';
import { withLegend } from './legend.js';
import { noValueFill, secondaryText, textOn } from '../ui/theme.js';
import { base, labelMargin, Plot } from './plot-kit.js';

export interface HeatCell {
  x: string;
  y: string;
  value: number | null;
  /** Tooltip lines under the header. */
  detail: string;
}

export interface HeatmapOptions {
  width: number;
  color: ColorSpec;
  format: (value: number) => string;
  /** Order of the columns and rows. */
  xDomain: string[];
  yDomain: string[];
  xLabel?: string;
}

/** A matrix of cells (e.g. region × occupation group) with values written in each cell and a ramp legend. */
export function heatmap(cells: readonly HeatCell[], options: HeatmapOptions): HTMLElement {
  const fillOf = colorScale(options.color);
  const marginLeft = labelMargin(options.yDomain, 12, 160);
  const cellWidth = (options.width - marginLeft - 8) / Math.max(1, options.xDomain.length);
  const rowHeight = 22;
  const longest = Math.max(...options.xDomain.map((l) => [...l].length));
  const rotate = longest * 12 > cellWidth - 4;
  const marginTop = rotate ? Math.min(110, longest * 11 + 10) : 28;
  const chart = Plot.plot({
    ...base(options.width, options.yDomain.length * rowHeight + marginTop + 10),
    marginLeft,
    marginTop,
    marginRight: 8,
    marginBottom: 6,
    x: { domain: options.xDomain, axis: 'top', label: null, tickRotate: rotate ? -40 : 0, tickSize: 0 },
    y: { domain: options.yDomain, label: null, tickSize: 0 },
    color: { type: 'identity' },
    marks: [
      Plot.cell(cells, { x: 'x', y: 'y', fill: (d: HeatCell) => (d.value === null ? noValueFill : fillOf(d.value)), inset: 0.5 }),
      cellWidth >= 34
        ? Plot.text(cells, {
            x: 'x',
            y: 'y',
            text: (d: HeatCell) => (d.value === null ? '' : options.format(d.value)),
            fill: (d: HeatCell) => (d.value === null ? secondaryText : textOn(fillOf(d.value))),
            fontSize: 10.5,
          })
        : null,
      Plot.tip(cells, Plot.pointer({ x: 'x', y: 'y', title: (d: HeatCell) => `${d.y} · ${d.x}\n${d.detail}` })),
    ],
  });
  return withLegend(rampLegend(options.color, options.width), chart);
}
