// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { stackedBars, type Segment, type StackedRow } from '../../web/src/charts/stacked-bars.js';
import { medalColors } from '../../web/src/ui/theme.js';
import { legendLabels, plots, shapes, texts } from './chart-dom.js';

const segments: Segment[] = [
  { key: 'gold', label: 'Gold', color: medalColors.gold },
  { key: 'silver', label: 'Silver', color: medalColors.silver },
  { key: 'bronze', label: 'Bronze', color: medalColors.bronze },
];
const rows: StackedRow[] = [
  { label: 'Guangdong', values: { gold: 3, silver: 2, bronze: 1 } },
  { label: 'Beijing', values: { gold: 1 }, note: '1 medal' },
];
const options = { width: 600, lang: 'en' as const, xLabel: 'Medals', tick: (v: number) => String(v), format: (v: number) => String(v) };

describe('stacked bars', () => {
  const chart = stackedBars(rows, segments, options);
  const bars = shapes(chart, 'bar', 'rect');

  it('draws a segment per row and medal, coloured by medal', () => {
    expect(bars).toHaveLength(6);
    const fills = bars.map((b) => b.getAttribute('fill'));
    expect(fills.filter((f) => f === medalColors.gold)).toHaveLength(2);
    expect(fills.filter((f) => f === medalColors.silver)).toHaveLength(2);
    expect(fills.filter((f) => f === medalColors.bronze)).toHaveLength(2);
  });
  it('stacks gold, then silver, then bronze, each as long as its count', () => {
    // Guangdong is the first row: the top one.
    const y = (b: Element) => Number(b.getAttribute('y'));
    const guangdong = bars.filter((b) => y(b) === Math.min(...bars.map(y)));
    expect(guangdong).toHaveLength(3);
    const byColour = (c: string) => guangdong.find((b) => b.getAttribute('fill') === c)!;
    const [gold, silver, bronze] = [medalColors.gold, medalColors.silver, medalColors.bronze].map(byColour);
    const x = (b: Element) => Number(b.getAttribute('x'));
    const w = (b: Element) => Number(b.getAttribute('width'));
    expect(x(gold)).toBeLessThan(x(silver));
    expect(x(silver)).toBeLessThan(x(bronze));
    expect(w(gold) / w(bronze)).toBeCloseTo(3, 1);
    expect(w(silver) / w(bronze)).toBeCloseTo(2, 1);
  });
  it('writes the total after each bar, or the note when there is one', () => {
    expect(texts(chart, 'text')).toEqual(['6', '1 medal']);
    expect(texts(chart, 'y-axis tick label')).toEqual(['Guangdong', 'Beijing']);
  });
  it('has a legend of the segments and a height of 20 px a row plus 50 (at least 120)', () => {
    expect(legendLabels(chart)).toEqual(['Gold', 'Silver', 'Bronze']);
    expect(plots(chart)[0].getAttribute('height')).toBe('120');
    const many = Array.from({ length: 8 }, (_, i) => ({ label: `R${i}`, values: { gold: i } }));
    expect(plots(stackedBars(many, segments, options))[0].getAttribute('height')).toBe(String(8 * 20 + 50));
  });
});
