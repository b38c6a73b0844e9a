import type { Lang } from '../i18n/format.js';
import { pick, type Translate } from '../i18n/index.js';
import { h } from '../ui/dom.js';
import type { ViewState } from '../state.js';
import { docHref, methodDoc } from '../view-models/docs.js';
import { apiReference, type ApiEntryView, type OpenApiDocument } from '../view-models/docs-api.js';
import { docsHead, docsTable, navLink, tryIt } from './docs-parts.js';

function entrySection(entry: ApiEntryView, state: Pick<ViewState, 'lang' | 'params'>, t: Translate): HTMLElement {
  const lang: Lang = state.lang;
  return h(
    'section',
    { class: 'docs-entry', id: entry.anchor, 'data-entry': entry.name, 'data-kind': entry.kind },
    h('h2', {}, entry.title, ' ', h('code', {}, entry.name)),
    h('p', { class: 'docs-path' }, h('code', {}, `GET ${entry.path}`)),
    entry.description ? h('p', { class: 'docs-description' }, entry.description) : null,
    entry.kind === 'query'
      ? h('p', {}, navLink(docHref(state, methodDoc(entry.name)), t('docsMethodLink'), { class: 'docs-method-link' }))
      : null,
    h('h3', {}, t('docsParams')),
    entry.params.length
      ? docsTable(
          `${entry.title} · ${t('docsParams')}`,
          [t('docsColName'), t('docsColMeaning'), t('docsColType'), t('docsColDefault'), t('docsColAllowed')],
          entry.params.map((p) => [h('code', {}, p.name), p.label, p.type, p.default, p.allowed]),
        )
      : h('p', {}, t('docsNoParams')),
    h('h3', {}, t('docsColumns')),
    docsTable(
      `${entry.title} · ${t('docsColumns')}`,
      [t('docsColName'), t('docsColType'), t('docsColUnit'), t('docsColLabelZh'), t('docsColLabelEn')],
      entry.columns.map((c) => [h('code', {}, c.name), c.type, c.unit ? pick(c.unit, lang) : '', c.label.zh, c.label.en]),
    ),
    h('h3', {}, t('docsExample')),
    tryIt(t, entry.example, entry.tryJson, entry.tryCsv),
  );
}

/** The API reference: the OpenAPI document as a page, one section per analytic and per dataset export. */
export function apiPage(doc: OpenApiDocument, state: Pick<ViewState, 'lang' | 'params'>, t: Translate): HTMLElement[] {
  const view = apiReference(doc, state.lang, t);
  const contents = (heading: string, entries: ApiEntryView[]) =>
    h(
      'div',
      {},
      h('h3', {}, heading),
      h(
        'ul',
        {},
        entries.map((e) => h('li', {}, h('a', { href: `#${e.anchor}` }, e.title), ' ', h('code', {}, e.name))),
      ),
    );
  return [
    docsHead(t('docsApiTitle'), t('docsApiIntro'), t('docsApiLanguageNote')),
    h(
      'p',
      { class: 'docs-openapi' },
      h('a', { href: '/api/openapi.json', target: '_blank', rel: 'noopener' }, t('docsOpenApiLink')),
      ` · ${view.title} ${view.version} · OpenAPI ${doc.openapi}`,
    ),
    h(
      'nav',
      { class: 'docs-contents', 'aria-label': t('docsContents') },
      contents(t('docsAnalyticsHeading'), view.analytics),
      contents(t('docsDatasetsHeading'), view.datasets),
    ),
    h('h2', { class: 'docs-group' }, t('docsAnalyticsHeading')),
    ...view.analytics.map((entry) => entrySection(entry, state, t)),
    h('h2', { class: 'docs-group' }, t('docsDatasetsHeading')),
    ...view.datasets.map((entry) => entrySection(entry, state, t)),
  ];
}
