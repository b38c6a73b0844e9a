// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { targetPathChart, type PathMonth } from '../../web/src/charts/target-path.js';
import { legendLabels, plots, shapes, styleOf, texts } from './chart-dom.js';

const labels = {
  actual: 'Cumulative actual',
  seasonal: 'Expected (seasonal)',
  linear: 'Expected (linear)',
  projected: 'Projection',
  band: 'Projection band',
  target: 'Target',
  unit: 'person-times',
};
/** Three months done (100 a month), then the projection with its band; the target 1,500. */
const months: PathMonth[] = Array.from({ length: 12 }, (_, i) => {
  const m = i + 1;
  const past = m <= 3;
  return {
    month: m,
    actual: past ? 100 * m : null,
    seasonal: 90 * m,
    linear: 100 * m,
    projected: past ? null : 100 * m + 20,
    low: past ? null : 100 * m - 50,
    high: past ? null : 100 * m + 50,
    target: 1_500,
  };
});
const format = (v: number) => v.toLocaleString('en-US');

describe('target path chart', () => {
  const chart = targetPathChart(months, { width: 640, lang: 'en', labels, format });

  it('draws the linear, seasonal, projected and actual lines, each in its colour and dash', () => {
    const lines = shapes(chart, 'line', 'path');
    expect(lines.map((l) => [styleOf(l, 'stroke'), styleOf(l, 'stroke-dasharray'), styleOf(l, 'stroke-width')])).toEqual([
      ['#7b8794', '2,3', '1.5'],
      ['#e08a00', '6,4', '2'],
      ['#3d8ac4', '4,3', '2'],
      ['#1d4e89', null, '3'],
    ]);
  });
  it('puts a dot on each month done, and one band under the projection', () => {
    expect(shapes(chart, 'dot', 'circle')).toHaveLength(3);
    expect(shapes(chart, 'area', 'path')).toHaveLength(1);
  });
  it('draws the target as a red line with its value written on it', () => {
    const rules = shapes(chart, 'rule', 'line').filter((l) => styleOf(l, 'stroke') === '#a61b29');
    expect(rules).toHaveLength(1);
    expect(texts(chart, 'text')).toEqual(['Target 1,500']);
  });
  it('labels twelve months on x and the unit on y, 320 px high, with a legend of six entries', () => {
    expect(texts(chart, 'x-axis tick label')).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(texts(chart, 'y-axis label')).toEqual(['person-times']);
    expect(plots(chart)[0].getAttribute('height')).toBe('320');
    expect(legendLabels(chart)).toEqual([
      'Cumulative actual',
      'Expected (seasonal)',
      'Expected (linear)',
      'Projection',
      'Projection band',
      'Target',
    ]);
  });
  it('has no target line without a target', () => {
    const open = targetPathChart(
      months.map((m) => ({ ...m, target: null })),
      { width: 640, lang: 'zh', labels, format },
    );
    expect(shapes(open, 'rule', 'line').filter((l) => styleOf(l, 'stroke') === '#a61b29')).toHaveLength(0);
    expect(texts(open, 'text')).toEqual([]);
    expect(texts(open, 'x-axis tick label')[0]).toBe('1月');
  });

  it('labels every month on a wide chart and every third on a phone, so that the labels never run together', () => {
    expect(texts(chart, 'x-axis tick label')).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    const phone = targetPathChart(months, { width: 340, lang: 'zh', labels, format });
    expect(texts(phone, 'x-axis tick label')).toEqual(['1月', '3月', '6月', '9月', '12月']);
  });
});
