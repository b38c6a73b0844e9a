import { FONT_STACK } from './download.js';
import { ink } from '../ui/theme.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface LegendItem {
  label: string;
  color: string;
  /** 'line' draws a stroke (dashed when `dash` is set), 'area' a light band, 'box' a filled square. */
  shape?: 'box' | 'line' | 'area';
  dash?: string;
}

/** A swatch legend drawn in SVG (so that it goes into the SVG and PNG downloads), wrapping to the width. */
export function swatchLegend(items: readonly LegendItem[], width: number): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'legend');
  svg.setAttribute('font-family', FONT_STACK);
  svg.setAttribute('font-size', '12');
  let x = 0;
  let y = 0;
  const rowHeight = 20;
  for (const item of items) {
    const textWidth = [...item.label].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 12 : 7), 0);
    const itemWidth = 24 + textWidth + 16;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += rowHeight;
    }
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('transform', `translate(${x},${y})`);
    const mark = document.createElementNS(SVG_NS, item.shape === 'line' ? 'line' : 'rect');
    if (item.shape === 'line') {
      mark.setAttribute('x1', '0');
      mark.setAttribute('x2', '18');
      mark.setAttribute('y1', '10');
      mark.setAttribute('y2', '10');
      mark.setAttribute('stroke', item.color);
      mark.setAttribute('stroke-width', '2.5');
      if (item.dash) mark.setAttribute('stroke-dasharray', item.dash);
    } else {
      mark.setAttribute('x', '0');
      mark.setAttribute('y', item.shape === 'area' ? '4' : '3');
      mark.setAttribute('width', '18');
      mark.setAttribute('height', item.shape === 'area' ? '12' : '14');
      mark.setAttribute('rx', '2');
      mark.setAttribute('fill', item.color);
      if (item.shape === 'area') mark.setAttribute('fill-opacity', '0.25');
    }
    const label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('x', '24');
    label.setAttribute('y', '14');
    label.setAttribute('fill', ink);
    label.textContent = item.label;
    g.append(mark, label);
    svg.append(g);
    x += itemWidth;
  }
  const height = y + rowHeight + 4;
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return svg;
}

/** A chart with its legend above it, in one element. */
export function withLegend(legend: SVGSVGElement | null, chart: Element): HTMLElement {
  const box = document.createElement('div');
  box.className = 'chart';
  if (legend) box.append(legend);
  box.append(chart);
  return box;
}
