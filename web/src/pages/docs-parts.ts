import type { Translate } from '../i18n/index.js';
import { describeError } from '../ui/card-frame.js';
import { h, type Child } from '../ui/dom.js';

/** A reference table of the docs pages: a header row and rows of cells, scrollable sideways on a narrow screen. */
export function docsTable(caption: string, headers: readonly string[], rows: readonly Child[][]): HTMLElement {
  return h(
    'div',
    { class: 'docs-table-scroll', tabindex: 0, role: 'region', 'aria-label': caption },
    h(
      'table',
      { class: 'docs-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((text) => h('th', { scope: 'col' }, text)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((cells) =>
          h(
            'tr',
            {},
            cells.map((cell) => h('td', {}, cell)),
          ),
        ),
      ),
    ),
  );
}

/** A link inside the app: the shell follows it without reloading (main.ts, data-nav). */
export const navLink = (href: string, text: Child, attrs: Record<string, string> = {}): HTMLAnchorElement =>
  h('a', { href, 'data-nav': '', ...attrs }, text);

/** An example request and the links that run it, as JSON and as CSV. */
export function tryIt(t: Translate, example: string, tryJson: string, tryCsv: string): HTMLElement {
  return h(
    'div',
    { class: 'docs-example' },
    h('pre', {}, h('code', {}, `GET ${example}`)),
    h(
      'p',
      { class: 'docs-try' },
      h('a', { href: tryJson, target: '_blank', rel: 'noopener', 'data-try': 'json' }, t('docsTryJson')),
      h('a', { href: tryCsv, target: '_blank', rel: 'noopener', 'data-try': 'csv' }, t('docsTryCsv')),
    ),
  );
}

/** The head of a docs page: its title, a line under it and, for a text in one language only, a note saying so. */
export function docsHead(title: string, intro?: string, languageNote?: string): HTMLElement {
  return h(
    'header',
    { class: 'page-head docs-head' },
    h('h1', {}, title),
    intro ? h('p', {}, intro) : null,
    languageNote ? h('p', { class: 'docs-language-note', role: 'note' }, languageNote) : null,
  );
}

export const docsLoading = (t: Translate): HTMLElement =>
  h(
    'div',
    { class: 'state state-loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    h('p', {}, t('loading')),
  );

export const docsError = (t: Translate, error: unknown): HTMLElement =>
  h('p', { class: 'state state-error', role: 'alert' }, `${t('docsErrorLoading')} ${describeError(error, t)}`);
