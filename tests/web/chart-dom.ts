/** Reading a chart drawn by Observable Plot (in a jsdom test): its marks by their aria-label, their shapes and texts. */

/** The chart's Plot SVGs (not its legends). */
export const plots = (chart: Element): SVGSVGElement[] => [...chart.querySelectorAll<SVGSVGElement>('svg:not(.legend)')];

/** The groups of one kind of mark ('bar', 'rect', 'rule', 'text', 'line', 'dot', 'area', 'y-axis tick label' …). */
export const marks = (chart: Element, label: string): Element[] => [...chart.querySelectorAll(`svg:not(.legend) g[aria-label="${label}"]`)];

/** The SVG elements (rect, line, path, circle, text) drawn by one kind of mark. */
export const shapes = (chart: Element, label: string, tag: string): SVGElement[] =>
  marks(chart, label).flatMap((g) => [...g.querySelectorAll<SVGElement>(tag)]);

/** The texts written by one kind of mark, in document order. */
export const texts = (chart: Element, label: string): string[] => shapes(chart, label, 'text').map((t) => t.textContent ?? '');

/** The labels of the swatch legend above a chart. */
export const legendLabels = (chart: Element): string[] => [...chart.querySelectorAll('svg.legend text')].map((t) => t.textContent ?? '');

/** An attribute of a shape or of the nearest group that sets it (Plot puts constant styles on the group). */
export function styleOf(shape: Element, attribute: string): string | null {
  for (let node: Element | null = shape; node; node = node.parentElement) {
    const value = node.getAttribute(attribute);
    if (value !== null) return value;
  }
  return null;
}
