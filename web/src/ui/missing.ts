import { h } from './dom.js';

/** How a value that was not reported is printed: a dash, never 0. */
export const MISSING = '—';

/** A value that was not reported: the dash on screen, and words for a screen reader and the tooltip. */
export function missingValue(spoken: string): HTMLElement {
  return h(
    'span',
    { class: 'missing', title: spoken },
    h('span', { 'aria-hidden': 'true' }, MISSING),
    h('span', { class: 'sr-only' }, spoken),
  );
}
