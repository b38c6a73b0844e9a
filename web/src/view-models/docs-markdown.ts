import { Marked, type Tokens } from 'marked';
import type { ViewState } from '../state.js';
import { docHref, repoLink } from './docs.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]);

/** A heading's id: its words (any script) joined by hyphens, lower-case. */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/**
 * A document of the product (docs/*.md, fetched from GET /api/docs/:name) as HTML for its docs page. Only what
 * Markdown itself writes comes out: raw HTML in the text is shown as text (comments, such as the markers of
 * the generated parts, are dropped), images as their description. Links to other documents of the docs go to
 * their page in the app (data-nav: followed inside the app); web addresses open in a new tab; a link to a file
 * with no page here (a source file, a folder) is left as its text. Headings are one level down (the page has
 * its own h1) and carry an id for links into them.
 */
export function renderMarkdown(markdown: string, path: string, state: Pick<ViewState, 'lang' | 'params'>): string {
  const used = new Map<string, number>();
  const marked = new Marked({
    gfm: true,
    renderer: {
      html: ({ text }: Tokens.HTML | Tokens.Tag) => (/^\s*<!--[\s\S]*-->\s*$/.test(text) ? '' : escapeHtml(text)),
      image: ({ text }: Tokens.Image) => escapeHtml(text),
      heading({ tokens, depth }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        const base = slug(inner) || 'section';
        const count = used.get(base) ?? 0;
        used.set(base, count + 1);
        const level = Math.min(depth + 1, 6);
        return `<h${level} id="${escapeHtml(count ? `${base}-${count}` : base)}">${inner}</h${level}>\n`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        const titled = title ? ` title="${escapeHtml(title)}"` : '';
        if (/^(https?:|mailto:)/i.test(href)) return `<a href="${escapeHtml(href)}"${titled} target="_blank" rel="noopener">${inner}</a>`;
        if (href.startsWith('#')) return `<a href="${escapeHtml(href)}"${titled}>${inner}</a>`;
        const doc = repoLink(path, href);
        const fragment = href.includes('#') ? href.slice(href.indexOf('#') + 1) : undefined;
        return doc ? `<a href="${escapeHtml(docHref(state, doc, fragment))}" data-nav${titled}>${inner}</a>` : inner;
      },
    },
  });
  return marked.parse(markdown, { async: false });
}
