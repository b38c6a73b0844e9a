import type { Translate } from '../i18n/index.js';
import type { PublishedFigure } from '../view-models/published.js';
import { h } from './dom.js';
import './published-figure.css';

let sourceCount = 0;

/** The "published · real" mark that sets real figures apart from the synthetic sample. */
export const publishedBadge = (t: Translate): HTMLElement => h('span', { class: 'published-badge' }, t('publishedBadge'));

/** Where a published value comes from: each source's title, date and a link to its page. */
function sourcePanel(figure: PublishedFigure, t: Translate, id: string): HTMLElement {
  return h(
    'div',
    { class: 'published-source', id, hidden: true, role: 'note' },
    h('strong', {}, [t('publishedSourceHeading'), figure.indicator, figure.period, figure.value].join(' · ')),
    figure.approximate ? h('p', { class: 'published-approx' }, t('publishedApproximate')) : null,
    h(
      'ul',
      {},
      figure.sources.map((s) =>
        h(
          'li',
          {},
          h('span', { class: 'published-source-title' }, s.title),
          ' · ',
          h('span', { class: 'published-source-date' }, t('publishedSourceDated', { date: s.date })),
          ' · ',
          h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', class: 'published-source-link' }, t('publishedOpenSource')),
        ),
      ),
    ),
  );
}

/**
 * A published value with its period: a button that shows (and hides) its source on a click, Enter or Space.
 * With `periodShown` false the period is only in the button's accessible name (a table whose row says it); with a
 * `panels` element the source opens there (below a table) rather than beside the value.
 */
export function publishedFigure(figure: PublishedFigure, t: Translate, periodShown = true, panels?: HTMLElement): HTMLElement {
  const id = `published-source-${++sourceCount}`;
  const panel = sourcePanel(figure, t, id);
  panels?.append(panel);
  const button = h(
    'button',
    {
      type: 'button',
      class: `published-value${figure.approximate ? ' is-approximate' : ''}`,
      'aria-expanded': 'false',
      'aria-controls': id,
      title: t('publishedShowSource', { indicator: figure.indicator, period: figure.period }),
      'data-figure': figure.key,
    },
    figure.value,
  );
  button.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  });
  return h(
    'span',
    { class: 'published-figure' },
    button,
    periodShown ? h('span', { class: 'published-period' }, figure.period) : h('span', { class: 'sr-only' }, figure.period),
    panels ? null : panel,
  );
}
