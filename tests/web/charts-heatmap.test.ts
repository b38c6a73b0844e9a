// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ColorSpec } from '../../web/src/charts/color-scale.js';
import { heatmap, type HeatCell } from '../../web/src/charts/heatmap.js';
import { noValueFill } from '../../web/src/ui/theme.js';
import { stubCanvas } from './canvas-stub.js';

stubCanvas();

const color: ColorSpec = { kind: 'diverging', pivot: 1, domain: [0.5, 1.5], label: 'Vacancies per job seeker' };
const cells: HeatCell[] = [
  { x: 'A', y: 'R1', value: 1.5, detail: 'd1' },
  { x: 'B', y: 'R1', value: null, detail: 'd2' },
  { x: 'A', y: 'R2', value: 0.5, detail: 'd3' },
];
const draw = (width: number, xDomain = ['A', 'B']) =>
  heatmap(cells, { width, xDomain, yDomain: ['R1', 'R2'], format: (v) => v.toFixed(1), color });
const marks = (element: HTMLElement, label: string) => element.querySelectorAll(`g[aria-label="${label}"] > *`);

describe('the heatmap', () => {
  it('draws a cell per value under its ramp legend, a missing value light grey', () => {
    const element = draw(300);
    const [legend, chart] = element.querySelectorAll('svg');
    expect(legend.textContent).toContain('Vacancies per job seeker');
    const rects = [...marks(element, 'cell')];
    expect(rects).toHaveLength(3);
    expect(rects[1].getAttribute('fill')).toBe(noValueFill);
    // Two rows of 22 px, 28 px on top for the group names and 10 below.
    expect(chart.getAttribute('height')).toBe(String(2 * 22 + 28 + 10));
    expect([...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent)).toEqual(['R1', 'R2']);
  });

  it('writes the values in cells at least 34 px wide, in black or white to read on their fill', () => {
    // Left margin for 'R1': ⌈2 × 12 × 0.58⌉ + 12 = 26 px; each column (300 − 26 − 8) / 2 = 133 px.
    const texts = [...marks(draw(300), 'text')];
    expect(texts.map((t) => t.textContent)).toEqual(['1.5', '0.5']);
    expect(texts.every((t) => ['#ffffff', '#1f2933'].includes(t.getAttribute('fill')!))).toBe(true);
    // (100 − 26 − 8) / 2 = 33 px: no values.
    expect(marks(draw(100), 'text')).toHaveLength(0);
  });

  it('turns long column names and makes room for them above', () => {
    // 'Professional workers' (20 characters × 12 px = 240 px) does not fit a 133 px column: turned, min(110, 20 × 11 + 10) px on top.
    const chart = draw(300, ['Professional workers', 'B']).querySelectorAll('svg')[1];
    expect(chart.getAttribute('height')).toBe(String(2 * 22 + 110 + 10));
    expect(chart.querySelector('g[aria-label="x-axis tick label"] text')!.getAttribute('transform')).toContain('rotate(-40)');
  });
});
