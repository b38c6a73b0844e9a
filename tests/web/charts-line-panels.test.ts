// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { linePanels, pairColumns, type LinePanel } from '../../web/src/charts/line-panels.js';
import { yearTicks, type SeriesStyle } from '../../web/src/charts/line-chart.js';
import { shapes } from './chart-dom.js';

const series: SeriesStyle[] = [
  { key: 'areas', label: 'Poverty areas', color: '#c2410c' },
  { key: 'nation', label: 'National', color: '#52606d', dash: '4,3' },
];
const points = [2023, 2024].flatMap((x) => [
  { x, y: 10, series: 'areas' },
  { x, y: 12, series: 'nation' },
]);
const blank = points.map((p) => ({ ...p, y: null }));
const format = (v: number) => String(v);
const panels: LinePanel[] = [
  { title: 'Training', points, format },
  { title: 'Placements', points: blank, format, empty: 'No data' },
];

describe('line panels', () => {
  it('puts two panels side by side on a card wider than 640 px, one under another otherwise', () => {
    expect([pairColumns(641), pairColumns(640), pairColumns(390)]).toEqual([2, 1, 1]);
    const wide = linePanels(panels, { width: 700, lang: 'en', series, yLabel: 'per 10k' });
    expect(wide.getAttribute('style')).toBe('grid-template-columns: repeat(2, 1fr)');
    // (700 − 16) / 2
    expect(wide.querySelector('svg:not(.legend)')?.getAttribute('width')).toBe('342');
    const narrow = linePanels(panels, { width: 600, lang: 'en', series, yLabel: 'per 10k' });
    expect(narrow.getAttribute('style')).toBe('grid-template-columns: repeat(1, 1fr)');
    expect(narrow.querySelector('svg:not(.legend)')?.getAttribute('width')).toBe('600');
  });
  it('titles each panel and draws a line per series, 240 px high', () => {
    const drawn = linePanels(panels, { width: 700, lang: 'en', series, yLabel: 'per 10k' });
    expect([...drawn.querySelectorAll('.panel > h3.panel-title')].map((h) => h.textContent)).toEqual(['Training', 'Placements']);
    expect(shapes(drawn, 'line', 'path')).toHaveLength(2);
    expect(drawn.querySelector('svg:not(.legend)')?.getAttribute('height')).toBe('240');
  });
  it('shows the empty message in a panel without values that has one, and the note under the panels', () => {
    const drawn = linePanels(panels, { width: 700, lang: 'en', series, yLabel: 'per 10k', note: 'Areas missing' });
    const second = drawn.querySelectorAll('.panel')[1];
    expect(second.querySelector('svg')).toBeNull();
    expect(second.querySelector('p.state.state-empty')?.textContent).toBe('No data');
    expect(drawn.querySelector(':scope > p.panel-note')?.textContent).toBe('Areas missing');
    const noNote = linePanels([{ ...panels[1], empty: undefined }], { width: 700, lang: 'en', series, yLabel: 'y' });
    expect(noNote.querySelector('.panel svg')).not.toBeNull();
    expect(noNote.querySelector('.panel-note')).toBeNull();
  });
});

describe('the years labelled on a line chart', () => {
  const years = Array.from({ length: 11 }, (_, i) => 2015 + i);
  it('labels every year while there is room, else every second or third counted back from the last', () => {
    // 36 px a label: (600 − 72) / 36 = 14 fit; (300 − 72) / 36 = 6 do not hold 11, so every second.
    expect(yearTicks(years, 600)).toEqual(years);
    expect(yearTicks(years, 300)).toEqual([2015, 2017, 2019, 2021, 2023, 2025]);
    // (200 − 72) / 36 = 3: every fourth.
    expect(yearTicks(years, 200)).toEqual([2017, 2021, 2025]);
    expect(yearTicks([], 300)).toEqual([]);
  });
});
