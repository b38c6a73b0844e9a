// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bulletChart, bulletSpecChart, wrapLabel, type BulletRow, type BulletSpec } from '../../web/src/charts/bullet.js';
import { ink, noStatus, statusStyles } from '../../web/src/ui/theme.js';
import { legendLabels, marks, plots, shapes, styleOf, texts } from './chart-dom.js';

const rows: BulletRow[] = [
  { label: 'Vocational (2021–2025)', achieved: 0.5, expected: 0.6, color: '#111111', note: '● On track', detail: '' },
  { label: 'Stations (2021–2025)', achieved: 1.2, expected: null, color: '#222222', note: '✔ Achieved', detail: '' },
];
const labels = { achieved: 'Share achieved', expected: 'Expected by now', target: 'Target' };

describe('bullet chart', () => {
  // x runs from 0 to max(110%, 120% × 1.04) = 124.8% over 600 − 8 − 130 = 462 px, starting at 8 px.
  const x = (share: number) => 8 + (share / 1.248) * 462;
  const chart = bulletChart(rows, { width: 600, labels, axis: 'Share of target' });

  it('draws one bar per target, its length the share achieved, in its own colour', () => {
    const bars = shapes(chart, 'rect', 'rect');
    expect(bars).toHaveLength(2);
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual(['#111111', '#222222']);
    expect(Number(bars[0].getAttribute('width'))).toBeCloseTo(x(0.5) - 8, 3);
    expect(Number(bars[1].getAttribute('width'))).toBeCloseTo(x(1.2) - 8, 3);
  });
  it('marks the share expected by now where it is known, and 100% on every row', () => {
    const lines = shapes(chart, 'rule', 'line');
    const expected = lines.filter((l) => styleOf(l, 'stroke') === ink);
    const target = lines.filter((l) => styleOf(l, 'stroke') === statusStyles.falling_behind.color);
    expect(expected).toHaveLength(1);
    expect(Number(expected[0].getAttribute('x1'))).toBeCloseTo(x(0.6), 3);
    expect(target).toHaveLength(2);
    expect(Number(target[0].getAttribute('x1'))).toBeCloseTo(x(1), 3);
  });
  it('writes each name above its bar and the share with its note after it', () => {
    expect(texts(chart, 'text')).toEqual(['Vocational (2021–2025)', 'Stations (2021–2025)', '50.0% ● On track', '120.0% ✔ Achieved']);
    expect(texts(chart, 'x-axis label')).toEqual(['Share of target']);
  });
  it('is 52 px a row plus 44, with a legend of the bar, the expected tick and the target', () => {
    expect(plots(chart)[0].getAttribute('height')).toBe(String(2 * 52 + 44));
    expect(legendLabels(chart)).toEqual(['Share achieved', 'Expected by now', 'Target']);
    expect(chart.querySelector('svg.legend rect')?.getAttribute('fill')).toBe(noStatus);
  });
  it('draws a spec as the chart of its rows, with the legend swatch it names', () => {
    const spec: BulletSpec = { rows: rows.slice(0, 1), labels, axis: 'Axis', achievedColor: '#333333' };
    const drawn = bulletSpecChart(spec, 500);
    expect(marks(drawn, 'rect')).toHaveLength(1);
    expect(drawn.querySelector('svg.legend rect')?.getAttribute('fill')).toBe('#333333');
    expect(plots(drawn)[0].getAttribute('width')).toBe('500');
  });

  it('rounds the share after a bar down, so that it never reads as a threshold not reached, and writes a given text instead', () => {
    const close = bulletChart(
      [
        { label: 'A', achieved: 0.99996, expected: null, color: '#111111', note: '■ Missed', detail: '' },
        { label: 'B', achieved: 0, expected: null, color: '#222222', note: '', text: '— no data reported', detail: '' },
      ],
      { width: 600, labels, axis: 'Share of target' },
    );
    expect(texts(close, 'text').slice(2)).toEqual(['99.9% ■ Missed', '— no data reported']);
  });
  it('wraps a long name on a narrow chart and makes every row taller by 15 px a line', () => {
    const long = '农民工职业技能培训（补贴性职业技能培训中）（2021–2025年）';
    // 300 − 16 = 284 px: the 21 characters up to the first closing bracket take 252 px, the rest does not fit.
    const narrow = bulletChart([{ ...rows[0], label: long }], { width: 300, labels, axis: 'Share' });
    expect(plots(narrow)[0].getAttribute('height')).toBe(String(52 + 15 + 44));
    expect(shapes(narrow, 'text', 'tspan').map((t) => t.textContent)).toEqual([
      '农民工职业技能培训（补贴性职业技能培训中）',
      '（2021–2025年）',
    ]);
  });
});

describe('wrapping a label', () => {
  it('breaks between CJK characters, keeping brackets with what they open or close', () => {
    // 12 px a CJK character: 5 of them in 60 px.
    expect(wrapLabel('职业技能等级证书', 60)).toEqual(['职业技能等', '级证书']);
    expect(wrapLabel('公共实训基地（当年新建）', 72)).toEqual(['公共实训基地', '（当年新建）']);
    expect(wrapLabel('培训（2021–2025年）', 40)).toEqual(['培训', '（2021–2025', '年）']);
  });
  it('breaks Latin text at spaces only, and leaves a label that fits alone', () => {
    // 6.8 px a Latin character: 'Vocational skills' is 17 × 6.8 = 115.6 px, 'training (2021–2025)' 136 px.
    expect(wrapLabel('Vocational skills training (2021–2025)', 140)).toEqual(['Vocational skills', 'training (2021–2025)']);
    expect(wrapLabel('Stations', 600)).toEqual(['Stations']);
  });
});
