import { withLegend, swatchLegend } from './legend.js';
import { grid } from '../ui/theme.js';
import { base, Plot } from './plot-kit.js';
import { formatPercent, formatPercentFloor } from '../i18n/format.js';

export interface BulletRow {
  label: string;
  /** Share of the target achieved (1 = 100%). */
  achieved: number;
  /** Share expected by now (a tick), when known. */
  expected: number | null;
  color: string;
  /** Written after the share (e.g. the status). */
  note: string;
  /** Written after the bar instead of the share and note (e.g. when nothing was reported). */
  text?: string;
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

/** Rough width of a label at 12 px: CJK characters 12 px, others 6.8 px. */
const labelWidth = (text: string) => [...text].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 12 : 6.8), 0);

/**
 * A label broken into lines no wider than `room` pixels: between CJK characters or at spaces, never inside a
 * Latin word; brackets and punctuation stay with what they open or close.
 */
export function wrapLabel(text: string, room: number): string[] {
  const tokens = text.match(/[（(「『“]*(?:[\u2e80-\uffff]|[^\s\u2e80-\uffff（(「『“]+)[）)」』”、，。：；]*\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && labelWidth((line + token).trimEnd()) > room) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [text];
}

/** Height of one target's row when its name takes one line; each further line adds 15 px. */
const ROW = 52;

/**
 * Progress towards targets: per target, its name above a bar of the share achieved, a tick at the share expected
 * by now and a line at 100%. Names sit above the bars and wrap on a narrow card, so long programme names never get
 * cut; the share after each bar is rounded down.
 */
export function bulletChart(
  rows: readonly BulletRow[],
  options: { width: number; labels: { achieved: string; expected: string; target: string }; axis: string; achievedColor?: string },
): HTMLElement {
  const labels = rows.map((r) => r.label);
  const max = Math.max(1.1, ...rows.map((r) => Math.max(r.achieved, r.expected ?? 0) * 1.04));
  const textX = (d: BulletRow) => Math.max(d.achieved, d.expected ?? 0);
  const wrapped = new Map(rows.map((r) => [r.label, wrapLabel(r.label, options.width - 16)]));
  const lines = Math.max(1, ...[...wrapped.values()].map((l) => l.length));
  const rowHeight = ROW + (lines - 1) * 15;
  const chart = Plot.plot({
    ...base(options.width, rows.length * rowHeight + 44),
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
    // The bars keep their place at the foot of each row; a wrapped name takes the room added above them.
    y: { domain: [0, rowHeight / ROW], axis: null },
    marks: [
      Plot.gridX({ stroke: grid, strokeOpacity: 1 }),
      Plot.rectX(rows, { fy: 'label', x1: 0, x2: 'achieved', y1: 0.08, y2: 0.5, fill: 'color' }),
      Plot.ruleX(
        rows.filter((r) => r.expected !== null),
        { fy: 'label', x: 'expected', y1: 0.02, y2: 0.65, stroke: '#1f2933', strokeWidth: 2.5 },
      ),
      Plot.ruleX([1], { stroke: '#a61b29', strokeWidth: 1.5 }),
      Plot.text(rows, {
        fy: 'label',
        frameAnchor: 'top-left',
        lineAnchor: 'top',
        text: (d: BulletRow) => (wrapped.get(d.label) ?? [d.label]).join('\n'),
        dy: 2,
        fontSize: 12,
        fontWeight: 600,
        fill: '#323f4b',
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
      Plot.text(rows, {
        fy: 'label',
        x: textX,
        y: 0.33,
        // Rounded down: a share beside a status never reads as reaching a threshold it has not reached.
        text: (d: BulletRow) => d.text ?? `${formatPercentFloor(d.achieved, 1)} ${d.note}`,
        textAnchor: 'start',
        dx: 6,
        fontSize: 12,
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
