import type { Catalog } from '../api.js';
import { pick, type Translate } from '../i18n/index.js';
import { h } from '../ui/dom.js';
import type { ViewState } from '../state.js';
import { docHref, methodDoc } from '../view-models/docs.js';
import { methodView, type Segment } from '../view-models/docs-method.js';
import { docsHead, docsTable, navLink, tryIt } from './docs-parts.js';

const segmentNode = (s: Segment): Node | string =>
  s.kind === 'text' ? s.text : s.kind === 'code' ? h('code', {}, s.text) : navLink(s.href, s.text);

/** The methods index: every analytic of the catalog with its title, linked to its method page. */
export function methodsIndexPage(catalog: Catalog, state: Pick<ViewState, 'lang' | 'params'>, t: Translate): HTMLElement[] {
  return [
    docsHead(t('docsMethodsTitle'), t('docsMethodsBlurb')),
    h(
      'ul',
      { class: 'docs-list' },
      [...catalog.queries]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((q) =>
          h(
            'li',
            {},
            navLink(docHref(state, methodDoc(q.name)), pick(q.title, state.lang), { 'data-method': q.name }),
            ' ',
            h('code', {}, q.name),
          ),
        ),
    ),
  ];
}

/** One analytic's method: its definition (formulas and thresholds), parameters, columns, an example and links. */
export function methodPage(catalog: Catalog, name: string, state: Pick<ViewState, 'lang' | 'params'>, t: Translate): HTMLElement[] {
  const entry = catalog.queries.find((q) => q.name === name);
  if (!entry)
    return [docsHead(t('docsMethodsTitle')), h('p', { class: 'state state-error', role: 'alert' }, t('docsUnknownAnalytic', { name }))];
  const view = methodView(
    entry,
    catalog.queries.map((q) => q.name),
    state,
    t,
  );
  return [
    docsHead(t('docsMethodHeading', { title: view.title })),
    h('p', { class: 'docs-path' }, h('code', {}, view.name), ' · ', navLink(view.apiHref, t('docsMethodApi'))),
    h('section', { class: 'docs-definition', 'aria-labelledby': 'docs-definition' }, [
      h('h2', { id: 'docs-definition' }, t('docsDefinition')),
      h('p', { class: 'docs-description' }, view.definition.map(segmentNode)),
    ]),
    h('h2', { id: 'params' }, t('docsParams')),
    view.params.length
      ? docsTable(
          t('docsParams'),
          [t('docsColName'), t('docsColMeaning'), t('docsColDefault'), t('docsColAllowed')],
          view.params.map((p) => [h('code', {}, p.name), p.label, p.default, p.allowed]),
        )
      : h('p', {}, t('docsNoParams')),
    ...(t('docsDefaultNotesEnglish') ? [h('p', { class: 'docs-language-note', role: 'note' }, t('docsDefaultNotesEnglish'))] : []),
    h('h2', { id: 'columns' }, t('docsColumns')),
    docsTable(
      t('docsColumns'),
      [t('docsColName'), t('docsColMeaning'), t('docsColUnit')],
      view.columns.map((c) => [h('code', {}, c.name), c.label, c.unit]),
    ),
    h('h2', { id: 'example' }, t('docsExample')),
    tryIt(t, view.example, view.tryJson, view.tryCsv),
    h('h2', { id: 'further' }, t('docsFurther')),
    h(
      'ul',
      { class: 'docs-list' },
      view.further.map((f) => h('li', {}, navLink(f.href, f.title))),
    ),
  ];
}
