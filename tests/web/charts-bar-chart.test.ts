// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { barChart, type Bar } from '../../web/src/charts/bar-chart.js';
import { categorical, highlight } from '../../web/src/ui/theme.js';
import { plots, shapes, styleOf, texts } from './chart-dom.js';

const bars: Bar[] = [
  { key: 'a', label: 'Alpha', value: 30 },
  { key: 'b', label: 'Beta', value: 20, highlight: true },
  { key: 'c', label: 'Gamma', value: null },
  { key: 'd', label: 'Delta', value: 10, color: '#123456', note: '▲3' },
];
const options = { width: 600, lang: 'en' as const, xLabel: 'per 10,000', format: (v: number) => v.toFixed(1) };

describe('bar chart', () => {
  const chart = barChart(bars, { ...options, reference: { value: 19, label: 'National 19' } });

  it('draws a bar per value in the order given, dropping missing values', () => {
    const drawn = shapes(chart, 'bar', 'rect');
    expect(drawn).toHaveLength(3);
    expect(texts(chart, 'y-axis tick label')).toEqual(['Alpha', 'Beta', 'Delta']);
  });
  it('colours bars blue, a highlighted one orange, and a bar with its own colour in that colour', () => {
    expect(shapes(chart, 'bar', 'rect').map((r) => r.getAttribute('fill'))).toEqual([categorical[0], highlight, '#123456']);
  });
  it('makes bar lengths proportional to the values from zero', () => {
    const [alpha, beta, delta] = shapes(chart, 'bar', 'rect').map((r) => Number(r.getAttribute('width')));
    expect(alpha / beta).toBeCloseTo(30 / 20, 6);
    expect(alpha / delta).toBeCloseTo(30 / 10, 6);
    const x = shapes(chart, 'bar', 'rect').map((r) => r.getAttribute('x'));
    expect(new Set(x).size).toBe(1);
  });
  it('writes each value (and its note) after its bar, and the reference line with its label', () => {
    expect(texts(chart, 'text')).toEqual(['30.0', '20.0', '10.0  ▲3', 'National 19']);
    const dashed = shapes(chart, 'rule', 'line').filter((l) => styleOf(l, 'stroke-dasharray') === '4,3');
    expect(dashed).toHaveLength(1);
    expect(texts(chart, 'x-axis label')).toEqual(['per 10,000']);
  });
  it('is at least 120 px high, else a bar height per bar plus 50', () => {
    expect(plots(chart)[0].getAttribute('height')).toBe('120');
    const many = Array.from({ length: 10 }, (_, i) => ({ key: String(i), label: `P${i}`, value: i + 1 }));
    expect(plots(barChart(many, { ...options, barHeight: 18 }))[0].getAttribute('height')).toBe(String(10 * 18 + 50));
  });
  it('has no legend and no reference line unless asked', () => {
    const plain = barChart(bars, options);
    expect(plain.querySelector('svg.legend')).toBeNull();
    expect(shapes(plain, 'rule', 'line').filter((l) => styleOf(l, 'stroke-dasharray') === '4,3')).toHaveLength(0);
  });
});
