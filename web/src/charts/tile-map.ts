import { pn, type Lang } from '../i18n/format.js';
import { select } from 'd3';
import { colorScale, rampLegend, type ColorSpec } from './color-scale.js';
import { FONT_STACK } from './download.js';
import { swatchLegend, type LegendItem } from './legend.js';
import { ink, outside, secondaryText, textOn } from '../ui/theme.js';

export interface Tile {
  code: string;
  /** Short label written on the tile (e.g. 广东 / GD). */
  short: string;
  /** Full name for the tooltip and screen readers. */
  name: string;
  row: number;
  col: number;
  /** Outside the mainland series (Hong Kong, Macao, Taiwan): drawn grey, not selectable. */
  outside: boolean;
}

/**
 * Tiles coloured by category (e.g. a target's status) rather than on a scale: each tile's colour, the mark written
 * under its name (e.g. the status symbol, so that colour is never the only cue) and the words a tooltip and a
 * screen reader give; a swatch legend.
 */
export interface TileCategories {
  kind: 'category';
  tiles: ReadonlyMap<string, { color: string; mark: string; text: string }>;
  legend: readonly LegendItem[];
}

export interface TileMapOptions {
  width: number;
  lang: Lang;
  color: ColorSpec | TileCategories;
  /** The values coloured on a scale (unused with categories). */
  values?: ReadonlyMap<string, number | null>;
  format?: (value: number) => string;
  compact?: (value: number) => string;
  selected: string | null;
  onSelect: (code: string) => void;
  /** Text for tiles outside the mainland series and for provinces without a value. */
  outsideText: string;
  noValueText: string;
  /** A tile to give keyboard focus once drawn (the one just chosen with the keyboard). */
  focus?: string | null;
}

/**
 * A tile-grid map of the provinces: equal squares at their grid row and column, so that every province is
 * equally visible. Tiles are buttons: focusable, Enter or Space selects, and each has a spoken label.
 */
export function tileMap(tiles: readonly Tile[], options: TileMapOptions): HTMLElement {
  const { lang } = options;
  const rows = Math.max(...tiles.map((t) => t.row));
  const cols = Math.max(...tiles.map((t) => t.col));
  const gap = 3;
  const size = Math.max(28, Math.min(74, Math.floor((options.width - 8) / cols) - gap));
  const width = cols * (size + gap);
  const height = rows * (size + gap);
  const categories = options.color.kind === 'category' ? options.color : null;
  const scale = options.color.kind === 'category' ? null : options.color;
  const fillOf = scale ? colorScale(scale) : () => outside;
  const values = options.values ?? new Map<string, number | null>();
  const format = options.format ?? String;
  const compact = options.compact ?? String;
  const container = document.createElement('div');
  container.className = 'chart tile-map';
  container.append(categories ? swatchLegend(categories.legend, options.width) : rampLegend(scale!, options.width));

  const svg = select(container)
    .append('svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('font-family', FONT_STACK)
    .style('max-width', '100%')
    .style('align-self', 'center')
    .style('height', 'auto');
  const tip = select(container).append('div').attr('class', 'map-tip').attr('role', 'presentation').style('display', 'none');

  const ordered = [...tiles].sort((a, b) => a.row - b.row || a.col - b.col);
  const describe = (t: Tile) => {
    if (t.outside) return `${t.name}${pn(lang).colon}${options.outsideText}`;
    if (categories) return `${t.name}${pn(lang).colon}${categories.tiles.get(t.code)?.text ?? options.noValueText}`;
    const value = values.get(t.code);
    return `${t.name}${pn(lang).colon}${value === null || value === undefined ? options.noValueText : format(value)}`;
  };
  const fill = (t: Tile) => {
    if (t.outside) return outside;
    if (categories) return categories.tiles.get(t.code)?.color ?? outside;
    const value = values.get(t.code);
    return value === null || value === undefined ? outside : fillOf(value);
  };
  /** The second line of a tile: its value in short, or its category's mark. */
  const mark = (t: Tile) => {
    if (t.outside) return '';
    if (categories) return categories.tiles.get(t.code)?.mark ?? '';
    const value = values.get(t.code);
    return value === null || value === undefined || size < 40 ? '' : compact(value);
  };

  const groups = svg
    .selectAll('g.tile')
    .data(ordered)
    .join('g')
    .attr('class', (t) => `tile${t.outside ? ' is-outside' : ''}${t.code === options.selected ? ' is-selected' : ''}`)
    .attr('data-code', (t) => t.code)
    .attr('transform', (t) => `translate(${(t.col - 1) * (size + gap)},${(t.row - 1) * (size + gap)})`)
    .attr('tabindex', (t) => (t.outside ? null : 0))
    .attr('role', (t) => (t.outside ? 'img' : 'button'))
    .attr('aria-pressed', (t) => (t.outside ? null : String(t.code === options.selected)))
    // The name a screen reader says starts with what the tile shows (WCAG 2.5.3), then says it in full.
    .attr('aria-label', (t) => `${[t.short, mark(t)].filter(Boolean).join(' ')}${pn(lang).open}${describe(t)}${pn(lang).close}`)
    .style('cursor', (t) => (t.outside ? 'default' : 'pointer'));

  groups
    .append('rect')
    .attr('width', size)
    .attr('height', size)
    .attr('rx', 4)
    .attr('fill', fill)
    .attr('stroke', (t) => (t.code === options.selected ? ink : 'none'))
    .attr('stroke-width', 3)
    .attr('stroke-dasharray', (t) => (t.outside ? '3,2' : null));
  groups
    .append('text')
    .attr('x', size / 2)
    .attr('y', size * 0.42)
    .attr('text-anchor', 'middle')
    .attr('font-size', Math.max(10, Math.min(14, size / 4)))
    .attr('font-weight', 600)
    .attr('fill', (t) => (t.outside ? secondaryText : textOn(fill(t))))
    .text((t) => t.short);
  groups
    .append('text')
    .attr('x', size / 2)
    .attr('y', size * 0.78)
    .attr('text-anchor', 'middle')
    .attr('font-size', Math.max(9, Math.min(11, size / 5)))
    .attr('fill', (t) => (t.outside ? secondaryText : textOn(fill(t))))
    // The leading space (collapsed on screen) keeps the name and the value apart in the tile's text content,
    // which is what the spoken name must start with.
    .text((t) => (mark(t) ? ` ${mark(t)}` : ''));

  const show = (event: { currentTarget: Element }, t: Tile) => {
    const box = (event.currentTarget as SVGGElement).getBoundingClientRect();
    const host = container.getBoundingClientRect();
    tip
      .text(describe(t))
      .style('display', 'block')
      .style('left', `${box.left - host.left + box.width / 2}px`)
      .style('top', `${box.top - host.top - 6}px`);
  };
  groups
    .on('pointerenter', (event: PointerEvent, t) => show(event as unknown as { currentTarget: Element }, t))
    .on('focus', (event: FocusEvent, t) => show(event as unknown as { currentTarget: Element }, t))
    .on('pointerleave blur', () => tip.style('display', 'none'))
    .filter((t) => !t.outside)
    .on('click', (_event, t) => options.onSelect(t.code))
    .on('keydown', (event: KeyboardEvent, t) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        options.onSelect(t.code);
      }
    });
  if (options.focus) {
    const code = options.focus;
    requestAnimationFrame(() => container.querySelector<SVGGElement>(`g.tile[data-code="${code}"]`)?.focus());
  }
  return container;
}
