import { geoMercator, geoPath, select } from 'd3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { pn, type Lang } from '../i18n/format.js';
import { ink, outside, textOn } from '../ui/theme.js';
import { colorScale, rampLegend, type ColorSpec } from './color-scale.js';
import { FONT_STACK } from './download.js';

/** A prefecture's outline: its GB/T 2260 code and its shape (GeoJSON, rings wound for d3-geo). */
export interface PrefectureShape {
  code: string;
  feature: Feature<Geometry, { code: string }>;
}

/** The prefectures of a province's TopoJSON (object `prefectures`, each geometry with properties.code). */
export function prefectureShapes(topology: Topology, object = 'prefectures'): PrefectureShape[] {
  const collection = topology.objects[object] as GeometryCollection<{ code: string }> | undefined;
  if (!collection) return [];
  const decoded = feature(topology, collection) as FeatureCollection<Geometry, { code: string }>;
  return decoded.features
    .filter((f) => f.properties && f.properties.code)
    .map((f) => ({ code: String(f.properties.code), feature: f }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export interface PrefectureMapOptions {
  width: number;
  lang: Lang;
  color: ColorSpec;
  values: ReadonlyMap<string, number | null>;
  /** Each prefecture's name in the language (labels, tooltips, spoken labels); the code when missing. */
  names: ReadonlyMap<string, string>;
  /** A short name written on the map (e.g. 兰州 / Lanzhou); the name when missing. */
  shortNames?: ReadonlyMap<string, string>;
  /** A value with its unit (tooltip and spoken label). */
  format: (value: number) => string;
  selected: string | null;
  onSelect: (code: string) => void;
  noValueText: string;
  /** A prefecture to give keyboard focus once drawn (the one just chosen with the keyboard). */
  focus?: string | null;
  /** Labels are written when the map is at least this wide (default 300 px). */
  labelsFrom?: number;
}

/**
 * A choropleth of a province's prefectures (Mercator, fitted to the card): each prefecture is a focusable path
 * (role button, its name and value as its label); Enter or Space selects it, as a click does. The selected one is
 * outlined. Prefecture names are written at their centroids on a wide enough map.
 */
export function prefectureMap(shapes: readonly PrefectureShape[], options: PrefectureMapOptions): HTMLElement {
  const { lang } = options;
  const width = Math.max(240, Math.floor(options.width));
  const height = Math.round(Math.min(width * 0.8, 520));
  const container = document.createElement('div');
  container.className = 'chart prefecture-map';
  container.append(rampLegend(options.color, options.width));

  const collection: FeatureCollection = { type: 'FeatureCollection', features: shapes.map((s) => s.feature) };
  const projection = geoMercator().fitSize([width - 8, height - 8], collection);
  const path = geoPath(projection);
  const fillOf = colorScale(options.color);
  const nameOf = (code: string) => options.names.get(code) ?? code;
  const value = (code: string) => options.values.get(code) ?? null;
  const fill = (code: string) => {
    const v = value(code);
    return v === null ? outside : fillOf(v);
  };
  const describe = (code: string) => {
    const v = value(code);
    return `${nameOf(code)}${pn(lang).colon}${v === null ? options.noValueText : options.format(v)}`;
  };

  const svg = select(container)
    .append('svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `-4 -4 ${width} ${height}`)
    .attr('font-family', FONT_STACK)
    .style('max-width', '100%')
    .style('height', 'auto');
  const tip = select(container).append('div').attr('class', 'map-tip').attr('role', 'presentation').style('display', 'none');

  // The selected prefecture last, so that its outline is not covered by its neighbours.
  const ordered = [...shapes].sort((a, b) => Number(a.code === options.selected) - Number(b.code === options.selected));
  const paths = svg
    .append('g')
    .attr('class', 'prefectures')
    .selectAll('path')
    .data(ordered)
    .join('path')
    .attr('class', (s) => `prefecture${s.code === options.selected ? ' is-selected' : ''}`)
    .attr('data-code', (s) => s.code)
    .attr('d', (s) => path(s.feature) ?? '')
    .attr('fill', (s) => fill(s.code))
    .attr('stroke', (s) => (s.code === options.selected ? ink : '#ffffff'))
    .attr('stroke-width', (s) => (s.code === options.selected ? 2.5 : 0.8))
    .attr('stroke-linejoin', 'round')
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-pressed', (s) => String(s.code === options.selected))
    .attr('aria-label', (s) => describe(s.code))
    .style('cursor', 'pointer');

  if (width >= (options.labelsFrom ?? 300)) {
    svg
      .append('g')
      .attr('class', 'prefecture-labels')
      .attr('aria-hidden', 'true')
      .attr('pointer-events', 'none')
      .selectAll('text')
      .data(shapes)
      .join('text')
      .attr('transform', (s) => {
        const [x, y] = path.centroid(s.feature);
        return Number.isFinite(x) && Number.isFinite(y) ? `translate(${x},${y})` : 'translate(-999,-999)';
      })
      .attr('text-anchor', 'middle')
      .attr('dy', '0.35em')
      .attr('font-size', 12)
      .attr('font-weight', 600)
      .attr('fill', (s) => textOn(fill(s.code)))
      .text((s) => options.shortNames?.get(s.code) ?? nameOf(s.code));
  }

  const show = (element: Element, code: string) => {
    const box = element.getBoundingClientRect();
    const host = container.getBoundingClientRect();
    tip
      .text(describe(code))
      .style('display', 'block')
      .style('left', `${box.left - host.left + box.width / 2}px`)
      .style('top', `${box.top - host.top - 6}px`);
  };
  paths
    .on('pointerenter focus', (event: Event, s) => show(event.currentTarget as Element, s.code))
    .on('pointerleave blur', () => tip.style('display', 'none'))
    .on('click', (_event, s) => options.onSelect(s.code))
    .on('keydown', (event: KeyboardEvent, s) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        options.onSelect(s.code);
      }
    });
  if (options.focus) {
    const code = options.focus;
    requestAnimationFrame(() => container.querySelector<SVGPathElement>(`path.prefecture[data-code="${code}"]`)?.focus());
  }
  return container;
}
