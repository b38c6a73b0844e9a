import type { Meta } from '../api.js';
import type { Translate } from '../i18n/index.js';
import { h } from '../ui/dom.js';
import type { ViewState } from '../state.js';
import { docTitles, markdownDocs } from '../view-models/docs.js';
import { renderMarkdown } from '../view-models/docs-markdown.js';
import { sourcesView, type LinkView, type MetaLicences, type SourceRow } from '../view-models/docs-sources.js';
import { docsHead, docsTable, navLink } from './docs-parts.js';

type State = Pick<ViewState, 'lang' | 'params'>;

/** A Markdown document of the product, rendered (renderMarkdown writes only what Markdown makes of our own files). */
function markdownBody(markdown: string, path: string, state: State): HTMLElement {
  const body = h('div', { class: 'docs-md', lang: 'en' });
  body.innerHTML = renderMarkdown(markdown, path, state);
  return body;
}

/** The data model or the reference-data document: the title in the page's language, the text as written (English). */
export function markdownPage(doc: keyof typeof markdownDocs, markdown: string, state: State, t: Translate): HTMLElement[] {
  return [
    docsHead(t(docTitles[doc].title), t(docTitles[doc].blurb), t('docsEnglishOnly')),
    markdownBody(markdown, markdownDocs[doc], state),
  ];
}

/** The sample notice: what the sample is, in the page's language, whether it is what the dashboard shows now, then the document. */
export function samplePage(markdown: string, meta: Meta, state: State, t: Translate): HTMLElement[] {
  const synthetic = meta.sources.every((s) => s === 'synthetic');
  return [
    docsHead(t('docsSampleTitle')),
    h(
      'div',
      { class: 'docs-notice', role: 'note' },
      h('p', {}, t('docsSampleNotice')),
      h(
        'p',
        { 'data-synthetic': String(synthetic) },
        synthetic
          ? t('docsSampleNowSynthetic', { version: meta.snapshot })
          : t('docsSampleNowReal', { version: meta.snapshot, sources: meta.sources.filter((s) => s !== 'synthetic').join('; ') }),
      ),
    ),
    h('p', { class: 'docs-language-note', role: 'note' }, t('docsEnglishOnly')),
    markdownBody(markdown, markdownDocs.sample, state),
  ];
}

const linkNode = (link: LinkView): Node | string =>
  link.href === null
    ? link.text
    : /^https?:/.test(link.href)
      ? h('a', { href: link.href, target: '_blank', rel: 'noopener' }, link.text)
      : navLink(link.href, link.text);

const rowsOf = (rows: readonly SourceRow[]) => rows.map((r) => [linkNode(r.source), linkNode(r.licence)]);

/** Sources and licences: the licences the API names (GET /api/meta), then where the reference files come from. */
export function sourcesPage(readme: string, meta: Meta & { licences?: MetaLicences }, state: State, t: Translate): HTMLElement[] {
  const view = sourcesView(meta, state);
  const headers = [t('docsColSource'), t('docsColLicence')];
  const licences = view
    ? h(
        'section',
        { class: 'docs-licences', 'aria-labelledby': 'licences' },
        h('h2', { id: 'licences' }, t('docsLicenceHeading')),
        h('h3', {}, t('docsLicenceCode')),
        h('p', { 'data-licence': 'code' }, linkNode(view.code)),
        h('h3', {}, t('docsLicenceSample')),
        docsTable(t('docsLicenceSample'), headers, rowsOf([view.sample])),
        h('h3', {}, t('docsLicenceReference')),
        docsTable(t('docsLicenceReference'), headers, rowsOf(view.reference)),
        h('h3', {}, t('docsLicenceFacts')),
        view.facts.length ? docsTable(t('docsLicenceFacts'), headers, rowsOf(view.facts)) : h('p', {}, t('docsLicenceNoFacts')),
        h('p', { class: 'docs-language-note' }, t('docsFactsNote')),
      )
    : null;
  return [
    docsHead(t('docsSourcesTitle'), t('docsSourcesBlurb')),
    ...(licences ? [licences] : []),
    h('h2', { id: 'files' }, t('docsSourcesFiles')),
    h('p', { class: 'docs-language-note', role: 'note' }, t('docsEnglishOnly')),
    markdownBody(readme, 'data/reference/sources/README.md', state),
  ];
}
