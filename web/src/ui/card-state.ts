import type { Translate } from '../i18n/index.js';
import { h, replace } from './dom.js';

/** What a card's body shows instead of a chart. */
export type CardState = 'loading' | 'empty' | 'error';

/**
 * Shows a loading, empty or error message in a card's body (`data-state`, `aria-busy`). While new data loads
 * over a chart already drawn, the chart stays visible but dimmed (`is-stale`): no jump, no blank card.
 */
export function showState(body: HTMLElement, state: CardState, message: string, t: Translate, retry?: () => void): void {
  body.dataset.state = state;
  body.setAttribute('aria-busy', String(state === 'loading'));
  const box = h(
    'div',
    { class: `state state-${state}`, role: state === 'error' ? 'alert' : 'status' },
    state === 'loading' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
    h('p', {}, message),
    retry ? h('button', { type: 'button', class: 'retry', onclick: retry }, t('retry')) : null,
  );
  if (state === 'loading' && body.querySelector('svg')) {
    body.querySelector('.state')?.remove();
    body.classList.add('is-stale');
    body.append(box);
    return;
  }
  replace(body, box);
}

/** Ends the loading state once the data is in (or failed): no longer dimmed, no longer busy. */
export function endLoading(body: HTMLElement): void {
  body.classList.remove('is-stale');
  body.removeAttribute('aria-busy');
}

/** Draws a chart into a card's body as one described figure: an image, or a group when its marks take focus. */
/**
 * Puts a drawn chart in its card as assistive technology should meet it: a picture alone is one image named by
 * `label` (what it shows, its period and unit, and the summary); a chart with controls or a table (an interactive
 * map, a ranked table beside its bars) is a named group whose picture, if it has no controls of its own, is again
 * one image. Plot names its internal groups ("rule", "dot") with an aria-label and no role, which is not valid
 * ARIA: those names are dropped (the chart's own name says what it shows; its data is in the table view).
 */
export function showChart(body: HTMLElement, chart: Element, label: string, interactive: boolean | undefined): void {
  for (const element of chart.querySelectorAll('[aria-label]:not([role])')) element.removeAttribute('aria-label');
  const hasControls = (element: Element) => element.querySelector('table, button, a[href], input, select, [tabindex]') !== null;
  const grouped = interactive === true || hasControls(chart);
  chart.setAttribute('role', grouped ? 'group' : 'img');
  chart.setAttribute('aria-label', label);
  if (grouped)
    for (const svg of chart.querySelectorAll('svg'))
      if (!hasControls(svg)) {
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', label);
      }
  replace(body, chart);
  body.dataset.state = 'ready';
}

/** Exposes the time from navigation start to the first chart drawn (window.firstChartMs), for measurement. */
export function markFirstChart(): void {
  const w = window as unknown as { firstChartMs?: number };
  if (w.firstChartMs !== undefined) return;
  requestAnimationFrame(() => {
    if (w.firstChartMs === undefined) w.firstChartMs = performance.now();
  });
}
