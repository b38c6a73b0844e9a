import { h } from '../ui/dom.js';

export interface Panel {
  title: string;
  /** Draws the panel's chart at the width a panel gets. */
  draw(width: number): Element;
}

/** How many panels side by side at a width: three on a wide card, two on a medium one, one on a phone. */
export function panelColumns(width: number): number {
  return width > 900 ? 3 : width > 560 ? 2 : 1;
}

/** The width of one panel when `columns` share `width` with 16 px gaps. */
export const panelWidth = (width: number, columns: number): number => Math.floor((width - (columns - 1) * 16) / columns);

/** Panels in a grid, each with its title above its chart. */
export function smallMultiples(panels: readonly Panel[], width: number): HTMLElement {
  const columns = panelColumns(width);
  const each = panelWidth(width, columns);
  return h(
    'div',
    { class: 'small-multiples', style: `grid-template-columns: repeat(${columns}, 1fr)` },
    panels.map((panel) => h('div', { class: 'panel' }, h('h3', { class: 'panel-title' }, panel.title), panel.draw(each))),
  );
}
