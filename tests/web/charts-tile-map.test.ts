// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { colorScale, type ColorSpec } from '../../web/src/charts/color-scale.js';
import { tileMap, type Tile, type TileCategories, type TileMapOptions } from '../../web/src/charts/tile-map.js';
import { ink, outside, secondaryText, statusStyles, textOn } from '../../web/src/ui/theme.js';
import { stubCanvas } from './canvas-stub.js';

stubCanvas();

// Two rows of two columns: Beijing and Shanghai on top, Hong Kong (outside the mainland series) below.
const tiles: Tile[] = [
  { code: '110000', short: 'BJ', name: 'Beijing', row: 1, col: 1, outside: false },
  { code: '310000', short: 'SH', name: 'Shanghai', row: 1, col: 2, outside: false },
  { code: '810000', short: 'HK', name: 'Hong Kong', row: 2, col: 1, outside: true },
];
const color: ColorSpec = { kind: 'diverging', pivot: 1, domain: [0.5, 1.5], label: 'Ratio' };

/** A tile's spoken name: whether it starts with the tile's visible text, and the full description after it. */
function spoken(code: string, tile: (code: string) => Element) {
  const label = tile(code).getAttribute('aria-label') ?? '';
  const visible = [...tile(code).querySelectorAll('text')]
    .map((t) => t.textContent?.trim())
    .filter(Boolean)
    .join(' ');
  return { startsWithVisible: visible !== '' && label.startsWith(`${visible} (`), full: /\((.*)\)$/.exec(label)?.[1] };
}

function draw(options: Partial<TileMapOptions> = {}) {
  const selected: string[] = [];
  const element = tileMap(tiles, {
    width: 200,
    lang: 'en',
    color,
    values: new Map([
      ['110000', 1.5],
      ['310000', null],
    ]),
    format: (v) => `${v.toFixed(2)} ratio`,
    compact: (v) => v.toFixed(1),
    selected: '110000',
    onSelect: (code) => selected.push(code),
    outsideText: 'outside the series',
    noValueText: 'no data',
    ...options,
  });
  const tile = (code: string) => element.querySelector<SVGGElement>(`g.tile[data-code="${code}"]`)!;
  return { element, tile, selected };
}

describe('the tile map', () => {
  it('draws a square per province at its row and column, with its ramp legend above', () => {
    // 200 px for 2 columns: min(74, ⌊(200 − 8) / 2⌋ − 3) = 74 px tiles with 3 px gaps → a 154 × 154 grid.
    const { element, tile } = draw();
    expect(element.className).toBe('chart tile-map');
    const [legend, map] = element.querySelectorAll('svg');
    expect(legend.textContent).toContain('Ratio');
    expect([map.getAttribute('width'), map.getAttribute('height')]).toEqual(['154', '154']);
    expect(element.querySelectorAll('g.tile')).toHaveLength(3);
    expect(['110000', '310000', '810000'].map((c) => tile(c).getAttribute('transform'))).toEqual([
      'translate(0,0)',
      'translate(77,0)',
      'translate(0,77)',
    ]);
    expect(tile('110000').querySelector('rect')!.getAttribute('width')).toBe('74');
  });

  it('makes mainland tiles buttons with a spoken name and value, and the tile outside the series an image', () => {
    const { tile } = draw();
    const attrs = (code: string) => ['class', 'role', 'tabindex', 'aria-pressed'].map((a) => tile(code).getAttribute(a));
    expect(attrs('110000')).toEqual(['tile is-selected', 'button', '0', 'true']);
    expect(attrs('310000')).toEqual(['tile', 'button', '0', 'false']);
    expect(attrs('810000')).toEqual(['tile is-outside', 'img', null, null]);
    // The spoken name starts with what the tile shows (its text), then says it in full.
    expect(spoken('110000', tile)).toEqual({ startsWithVisible: true, full: 'Beijing: 1.50 ratio' });
    expect(spoken('310000', tile)).toEqual({ startsWithVisible: true, full: 'Shanghai: no data' });
    expect(spoken('810000', tile)).toEqual({ startsWithVisible: true, full: 'Hong Kong: outside the series' });
  });

  it('fills by value on the legend’s scale, grey without one, and outlines the selected tile', () => {
    const { tile } = draw();
    const rect = (code: string) => tile(code).querySelector('rect')!;
    expect(rect('110000').getAttribute('fill')).toBe(colorScale(color)(1.5));
    expect([rect('310000').getAttribute('fill'), rect('810000').getAttribute('fill')]).toEqual([outside, outside]);
    expect([rect('110000').getAttribute('stroke'), rect('310000').getAttribute('stroke')]).toEqual([ink, 'none']);
    expect(rect('810000').getAttribute('stroke-dasharray')).toBe('3,2');
    expect(tile('810000').querySelector('text')!.getAttribute('fill')).toBe(secondaryText);
  });

  it('writes the short name on each tile and the value in short when the tile is large enough', () => {
    const texts = (element: HTMLElement) =>
      [...element.querySelectorAll('g.tile')].map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent?.trim()));
    expect(texts(draw().element)).toEqual([
      ['BJ', '1.5'],
      ['SH', ''],
      ['HK', ''],
    ]);
    // 60 px: tiles of the 28 px minimum, too small for a value (< 40 px).
    expect(texts(draw({ width: 60 }).element)[0]).toEqual(['BJ', '']);
  });

  it('selects a mainland province on a click, Enter or Space, never the tile outside the series', () => {
    const { tile, selected } = draw();
    tile('310000').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    tile('110000').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    tile('110000').dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    tile('110000').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    tile('810000').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(selected).toEqual(['310000', '110000', '110000']);
  });

  it('colours tiles by category: each its colour and mark, its words in the tooltip, a swatch legend, grey without one', () => {
    const categories: TileCategories = {
      kind: 'category',
      tiles: new Map([['110000', { color: statusStyles.missed.color, mark: '■', text: '■ Missed; Pace 90%' }]]),
      legend: [{ label: '■ Missed (1)', color: statusStyles.missed.color }],
    };
    const { element, tile } = draw({ color: categories, values: undefined, format: undefined, compact: undefined, width: 60 });
    expect(element.querySelector('svg.legend text')?.textContent).toBe('■ Missed (1)');
    expect(tile('110000').querySelector('rect')!.getAttribute('fill')).toBe(statusStyles.missed.color);
    expect(tile('310000').querySelector('rect')!.getAttribute('fill')).toBe(outside);
    // The mark is written even on the smallest tiles: colour is never the only cue.
    expect([...tile('110000').querySelectorAll('text')].map((t) => t.textContent?.trim())).toEqual(['BJ', '■']);
    expect(tile('110000').querySelectorAll('text')[1].getAttribute('fill')).toBe(textOn(statusStyles.missed.color));
    expect(tile('110000').getAttribute('aria-label')).toBe('BJ ■ (Beijing: ■ Missed; Pace 90%)');
    expect(spoken('310000', tile)).toEqual({ startsWithVisible: true, full: 'Shanghai: no data' });
    expect(spoken('810000', tile)).toEqual({ startsWithVisible: true, full: 'Hong Kong: outside the series' });
  });
});
