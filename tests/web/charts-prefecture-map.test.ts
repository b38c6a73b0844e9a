// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { colorScale, type ColorSpec } from '../../web/src/charts/color-scale.js';
import { prefectureMap, prefectureShapes, type PrefectureMapOptions } from '../../web/src/charts/prefecture-map.js';
import { rankTable } from '../../web/src/charts/rank-table.js';
import { ink, outside } from '../../web/src/ui/theme.js';
import { stubCanvas } from './canvas-stub.js';

stubCanvas();

/** Three one-degree squares side by side (clockwise rings, as d3-geo wants them), one arc each, no quantisation. */
const square = (x: number) => [
  [x, 35],
  [x, 36],
  [x + 1, 36],
  [x + 1, 35],
  [x, 35],
];
const topology = {
  type: 'Topology',
  arcs: [square(100), square(101), square(102)],
  objects: {
    prefectures: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[1]], properties: { code: '620200' } },
        { type: 'Polygon', arcs: [[0]], properties: { code: '620100' } },
        { type: 'Polygon', arcs: [[2]], properties: { code: '620300' } },
      ],
    },
  },
} as unknown as Topology;

const color: ColorSpec = { kind: 'sequential', domain: [100, 200], label: 'per 10,000' };

function draw(options: Partial<PrefectureMapOptions> = {}) {
  const selected: string[] = [];
  const element = prefectureMap(prefectureShapes(topology), {
    width: 400,
    lang: 'en',
    color,
    values: new Map([
      ['620100', 200],
      ['620200', 100],
      ['620300', null],
    ]),
    names: new Map([
      ['620100', 'Lanzhou'],
      ['620200', 'Jiayuguan'],
      ['620300', 'Jinchang'],
    ]),
    format: (v) => `${v.toFixed(1)} per 10,000`,
    selected: '620200',
    onSelect: (code) => selected.push(code),
    noValueText: 'no data',
    ...options,
  });
  const path = (code: string) => element.querySelector<SVGPathElement>(`path.prefecture[data-code="${code}"]`)!;
  return { element, path, selected };
}

describe('the prefecture map', () => {
  it('decodes the TopoJSON into one shape per prefecture, in code order', () => {
    expect(prefectureShapes(topology).map((s) => s.code)).toEqual(['620100', '620200', '620300']);
    expect(prefectureShapes(topology, 'counties')).toEqual([]);
  });

  it('draws a path per prefecture, filled on the scale, grey without a value', () => {
    const { element, path } = draw();
    expect(element.querySelectorAll('path.prefecture')).toHaveLength(3);
    const fill = colorScale(color);
    expect(path('620100').getAttribute('fill')).toBe(fill(200));
    expect(path('620200').getAttribute('fill')).toBe(fill(100));
    expect(path('620300').getAttribute('fill')).toBe(outside);
    // Three squares side by side: every path is a closed ring with a real extent.
    for (const code of ['620100', '620200', '620300']) expect(path(code).getAttribute('d')).toMatch(/^M[\d.,-]+L.*Z$/);
    // The legend is above the map.
    expect(element.firstElementChild?.tagName.toLowerCase()).toBe('svg');
  });

  it('names every prefecture with its value for screen readers, and writes the names on the map', () => {
    const { element, path } = draw();
    expect(path('620100').getAttribute('aria-label')).toBe('Lanzhou: 200.0 per 10,000');
    expect(path('620300').getAttribute('aria-label')).toBe('Jinchang: no data');
    expect(path('620100').getAttribute('role')).toBe('button');
    expect(path('620100').getAttribute('tabindex')).toBe('0');
    expect([...element.querySelectorAll('.prefecture-labels text')].map((t) => t.textContent)).toEqual([
      'Lanzhou',
      'Jiayuguan',
      'Jinchang',
    ]);
    // Too narrow for labels: the names stay in the accessible labels only.
    expect(draw({ width: 250 }).element.querySelectorAll('.prefecture-labels text')).toHaveLength(0);
  });

  it('outlines the selected prefecture and draws it last', () => {
    const { element, path } = draw();
    expect(path('620200').getAttribute('aria-pressed')).toBe('true');
    expect(path('620100').getAttribute('aria-pressed')).toBe('false');
    expect(path('620200').getAttribute('stroke')).toBe(ink);
    expect([...element.querySelectorAll('path.prefecture')].at(-1)?.getAttribute('data-code')).toBe('620200');
  });

  it('selects with Enter, Space or a click', () => {
    const { path, selected } = draw();
    path('620100').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    path('620300').dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    path('620300').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    path('620200').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(selected).toEqual(['620100', '620300', '620200']);
  });
});

describe('the ranked table', () => {
  it('makes the names of selectable rows buttons and marks the reference rows and the selected one', () => {
    const chosen: string[] = [];
    const element = rankTable(
      [
        { code: '620100', cells: ['1', 'Lanzhou', '200.0'] },
        { code: '620200', cells: ['2', 'Jiayuguan', '100.0'] },
        { code: null, reference: true, cells: ['', 'Nation', '150.0'] },
      ],
      {
        columns: [{ label: 'Rank' }, { label: 'Prefecture' }, { label: 'Per 10,000', numeric: true }],
        nameColumn: 1,
        selected: '620200',
        onSelect: (c) => chosen.push(c),
      },
    );
    const rows = [...element.querySelectorAll('tbody tr')];
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['1', 'Lanzhou', '200.0'],
      ['2', 'Jiayuguan', '100.0'],
      ['', 'Nation', '150.0'],
    ]);
    expect(rows[1].getAttribute('aria-current')).toBe('true');
    expect(rows[2].classList.contains('is-reference')).toBe(true);
    expect(rows[2].querySelector('button')).toBeNull();
    rows[0].querySelector('button')!.click();
    expect(chosen).toEqual(['620100']);
  });
});
