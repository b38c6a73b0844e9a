import { withLegend, swatchLegend } from './legend.js';
import { grid } from '../ui/theme.js';
import { base, Plot } from './plot-kit.js';
import { formatPercent } from '../i18n/format.js';

export interface BulletRow {
  label: string;
  /** Share of the target achieved (1 = 100%). */
  achieved: number;
  /** Share expected by now (a tick), when known. */
  expected: number | null;
  color: string;
  /** Written after the share (e.g. the status). */
  note: string;
  detail: string;
}

/** Everything a bullet chart draws but its width: the bars and the words of its legend and axis. */
export interface BulletSpec {
  rows: BulletRow[];
  labels: { achieved: string; expected: string; target: string };
  axis: string;
  /** The legend's swatch for the bars (their status colours vary). */
  achievedColor?: string;
}

/**
 * Progress towards targets: per target, its name above a bar of the share achieved, a tick at the share expected
 * by now and a line at 100%. Names sit above the bars, so long programme names never get cut.
 */
export function bulletChart(
  rows: readonly BulletRow[],
  options: { width: number; labels: { achieved: string; expected: string; target: string }; axis: string; achievedColor?: string },
): HTMLElement {
  const labels = rows.map((r) => r.label);
  const max = Math.max(1.1, ...rows.map((r) => Math.max(r.achieved, r.expected ?? 0) * 1.04));
  const textX = (d: BulletRow) => Math.max(d.achieved, d.expected ?? 0);
  const chart = Plot.plot({
    ...base(options.width, rows.length * 52 + 44),
    marginLeft: 8,
    marginRight: 130,
    marginTop: 16,
    marginBottom: 40,
    x: {
      domain: [0, max],
      label: options.axis,
      labelAnchor: 'right',
      labelArrow: 'none',
      tickFormat: ((d: number) => formatPercent(d, 0)) as (d: unknown) => string,
      grid: false,
    },
    fy: { domain: labels, label: null, axis: null, padding: 0 },
    y: { domain: [0, 1], axis: null },
    marks: [
      Plot.gridX({ stroke: grid, strokeOpacity: 1 }),
      Plot.text(rows, { fy: 'label', frameAnchor: 'top-left', text: 'label', dy: 2, fontSize: 12, fontWeight: 600, fill: '#323f4b' }),
      Plot.rectX(rows, { fy: 'label', x1: 0, x2: 'achieved', y1: 0.08, y2: 0.5, fill: 'color' }),
      Plot.ruleX(
        rows.filter((r) => r.expected !== null),
        { fy: 'label', x: 'expected', y1: 0.02, y2: 0.65, stroke: '#1f2933', strokeWidth: 2.5 },
      ),
      Plot.ruleX([1], { stroke: '#a61b29', strokeWidth: 1.5 }),
      Plot.text(rows, {
        fy: 'label',
        x: textX,
        y: 0.33,
        text: (d: BulletRow) => `${formatPercent(d.achieved, 1)} ${d.note}`,
        textAnchor: 'start',
        dx: 6,
        fontSize: 11,
        fill: '#323f4b',
      }),
      Plot.tip(rows, Plot.pointer({ fy: 'label', x: 'achieved', y: 0.33, title: (d: BulletRow) => `${d.label}\n${d.detail}` })),
    ],
    color: { type: 'identity' },
  });
  return withLegend(
    swatchLegend(
      [
        { label: options.labels.achieved, color: options.achievedColor ?? '#3d8ac4' },
        { label: options.labels.expected, color: '#1f2933', shape: 'line' },
        { label: options.labels.target, color: '#a61b29', shape: 'line' },
      ],
      options.width,
    ),
    chart,
  );
}

/** A bullet chart of a spec at a width. */
export function bulletSpecChart(spec: BulletSpec, width: number): HTMLElement {
  return bulletChart(spec.rows, { width, labels: spec.labels, axis: spec.axis, achievedColor: spec.achievedColor });
}
