import './docs.css';
import { getCatalog } from '../api.js';
import { h, replace } from '../ui/dom.js';
import { docHref, docIds, docTitles, type DocId } from '../view-models/docs.js';
import type { PageContext, PageMount } from './context.js';
import { apiPage } from './docs-api.js';
import { markdownPage, samplePage, sourcesPage } from './docs-documents.js';
import { methodPage, methodsIndexPage } from './docs-method.js';
import { docsError, docsHead, docsLoading, navLink } from './docs-parts.js';
import { getDocument, getOpenApi } from './docs-requests.js';

/** The docs index: each document with a line on what it holds. */
function indexPage(ctx: PageContext): HTMLElement[] {
  const { t } = ctx;
  return [
    docsHead(t('pageDocs'), t('docsIntro')),
    h(
      'ul',
      { class: 'docs-cards' },
      docIds.map((id) =>
        h('li', {}, navLink(docHref(ctx.state, id), t(docTitles[id].title), { 'data-doc': id }), h('p', {}, t(docTitles[id].blurb))),
      ),
    ),
  ];
}

/** What a document path shows, once its data is in. */
async function contentOf(doc: string, ctx: PageContext): Promise<HTMLElement[]> {
  const { t, state } = ctx;
  const [first, second] = doc.split('/');
  if (doc === '') return indexPage(ctx);
  if (first === 'api' && !second) return apiPage(await getOpenApi(), state, t);
  if (first === 'method') return second ? methodPage(await getCatalog(), second, state, t) : methodsIndexPage(await getCatalog(), state, t);
  if (first === 'sources' && !second) return sourcesPage(await getDocument('sources'), ctx.meta, state, t);
  if (first === 'sample' && !second) return samplePage(await getDocument('sample'), ctx.meta, state, t);
  if ((first === 'data-model' || first === 'reference' || first === 'access' || first === 'submissions') && !second)
    return markdownPage(first, await getDocument(first), state, t);
  return [docsHead(t('pageDocs')), h('p', { class: 'state state-error', role: 'alert' }, t('docsUnknown', { name: doc }))];
}

/** The document a path belongs to, for the side navigation ('method/talent-gap' is under the methods). */
const sectionOf = (doc: string): DocId | '' => {
  const first = doc.split('/')[0];
  return (docIds as readonly string[]).includes(first) ? (first as DocId) : '';
};

/** Brings the element the address's fragment names into view (/docs/api#training-trend). */
function showFragment(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (id) document.getElementById(id)?.scrollIntoView();
}

/**
 * Docs (/docs/…): the API reference built from the OpenAPI document, the method of each analytic from the
 * catalog, the data model, sources and licences, the sample notice and the reference data from the product's
 * own documents. The app's words are in the page's language; the documents stay in the language they are
 * written in, and each says so.
 */
export const mountDocs: PageMount = (root, first) => {
  const nav = h('nav', { class: 'docs-nav', 'aria-label': first.t('docsNav') });
  const content = h('article', { class: 'docs-content' });
  root.append(h('div', { class: 'docs-layout' }, nav, content));
  let shown: string | null = null;
  let request = 0;

  return {
    update(ctx) {
      const { t } = ctx;
      const doc = ctx.state.doc ?? '';
      const section = sectionOf(doc);
      replace(
        nav,
        h(
          'ul',
          {},
          h('li', {}, navLink(docHref(ctx.state, ''), t('pageDocs'), section === '' && doc === '' ? { 'aria-current': 'page' } : {})),
          docIds.map((id) =>
            h('li', {}, navLink(docHref(ctx.state, id), t(docTitles[id].title), id === section ? { 'aria-current': 'page' } : {})),
          ),
        ),
      );
      const key = `${doc}|${JSON.stringify(ctx.state.params)}`;
      if (key === shown) return showFragment();
      shown = key;
      const mine = ++request;
      content.dataset.doc = doc;
      content.removeAttribute('data-ready');
      replace(content, docsLoading(t));
      const title = section ? t(docTitles[section].title) : t('pageDocs');
      document.title = `${title} · ${t('appName')}`;
      contentOf(doc, ctx).then(
        (nodes) => {
          if (mine !== request) return;
          replace(content, ...nodes);
          content.dataset.ready = 'true';
          showFragment();
        },
        (error: unknown) => {
          if (mine !== request) return;
          replace(content, docsError(t, error));
          content.dataset.ready = 'error';
        },
      );
    },
  };
};
