import { pn, type Lang } from '../i18n/format.js';
import { swatchLegend, withLegend } from './legend.js';
import { grid } from '../ui/theme.js';
import { base, fitText, labelMargin, Plot } from './plot-kit.js';

export interface Segment {
  key: string;
  label: string;
  color: string;
}

export interface StackedRow {
  label: string;
  values: Record<string, number>;
  /** Written after the bar (e.g. the total). */
  note?: string;
  detail?: string;
}

/** Horizontal bars split into segments (e.g. gold, silver, bronze), in the order given. */
export function stackedBars(
  rows: readonly StackedRow[],
  segments: readonly Segment[],
  options: { width: number; lang: Lang; xLabel: string; tick: (v: number) => string; format: (v: number) => string },
): HTMLElement {
  const { lang } = options;
  const long = rows.flatMap((r) =>
    segments.map((s) => ({ label: r.label, segment: s.label, key: s.key, value: r.values[s.key] ?? 0, row: r })),
  );
  const colors = new Map(segments.map((s) => [s.key, s.color]));
  const labels = rows.map((r) => r.label);
  const marginLeft = labelMargin(labels, 12, Math.max(120, Math.min(300, options.width * 0.4)));
  const totals = rows.map((r) => ({
    label: r.label,
    total: segments.reduce((sum, s) => sum + (r.values[s.key] ?? 0), 0),
    note: r.note ?? '',
  }));
  const chart = Plot.plot({
    ...base(options.width, Math.max(120, rows.length * 20 + 50)),
    marginLeft,
    marginRight: 48,
    marginBottom: 44,
    x: {
      label: options.xLabel,
      labelAnchor: 'right',
      labelArrow: 'none',
      tickFormat: options.tick as (d: unknown) => string,
      grid: false,
      nice: true,
    },
    y: { domain: labels, label: null, tickSize: 0, padding: 0.18, tickFormat: (l: string) => fitText(l, marginLeft - 10) },
    marks: [
      Plot.gridX({ stroke: grid, strokeOpacity: 1 }),
      Plot.barX(
        long,
        Plot.stackX({
          x: 'value',
          y: 'label',
          fill: (d: { key: string }) => colors.get(d.key),
          order: segments.map((s) => s.key),
          z: 'key',
        }),
      ),
      Plot.text(totals, {
        x: 'total',
        y: 'label',
        text: (d: { total: number; note: string }) => d.note || options.format(d.total),
        textAnchor: 'start',
        dx: 4,
        fontSize: 12,
        fill: '#323f4b',
      }),
      Plot.tip(
        totals,
        Plot.pointerY({
          x: 'total',
          y: 'label',
          title: (d: { label: string }) => {
            const row = rows.find((r) => r.label === d.label)!;
            return [
              d.label,
              ...segments.map((s) => `${s.label}${pn(lang).colon}${options.format(row.values[s.key] ?? 0)}`),
              row.detail ?? '',
            ]
              .filter(Boolean)
              .join('\n');
          },
        }),
      ),
    ],
  });
  return withLegend(
    swatchLegend(
      segments.map((s) => ({ label: s.label, color: s.color })),
      options.width,
    ),
    chart,
  );
}
