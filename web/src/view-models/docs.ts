import type { MessageKey } from '../i18n/index.js';
import { carried, formatState, type ViewState } from '../state.js';

/** The documents of the docs page, by their path below /docs; 'method' is the index of the analytics' methods. */
export const docIds = ['api', 'method', 'data-model', 'sources', 'sample', 'reference', 'access', 'submissions'] as const;
export type DocId = (typeof docIds)[number];

/** Each document's title and one-line description (message keys), in the order the docs index lists them. */
export const docTitles: Record<DocId, { title: MessageKey; blurb: MessageKey }> = {
  api: { title: 'docsApiTitle', blurb: 'docsApiBlurb' },
  method: { title: 'docsMethodsTitle', blurb: 'docsMethodsBlurb' },
  'data-model': { title: 'docsDataModelTitle', blurb: 'docsDataModelBlurb' },
  sources: { title: 'docsSourcesTitle', blurb: 'docsSourcesBlurb' },
  sample: { title: 'docsSampleTitle', blurb: 'docsSampleBlurb' },
  reference: { title: 'docsReferenceTitle', blurb: 'docsReferenceBlurb' },
  access: { title: 'docsAccessTitle', blurb: 'docsAccessBlurb' },
  submissions: { title: 'docsSubmissionsTitle', blurb: 'docsSubmissionsBlurb' },
};

/**
 * The repository files the docs pages show, by their path in the repository: a link to one of them (in a
 * Markdown document, a catalog description or a licence) becomes a link to its page in the app. The server
 * serves the Markdown ones by the same names (GET /api/docs/:name, server/routes/meta.ts).
 */
export const repoDocs: Readonly<Record<string, DocId>> = {
  'docs/api.md': 'api',
  'docs/data-model.md': 'data-model',
  'docs/sample-data.md': 'sample',
  'docs/reference-data.md': 'reference',
  'docs/access.md': 'access',
  'docs/submissions.md': 'submissions',
  'data/reference/sources/README.md': 'sources',
};

/** The Markdown documents a page renders as it is, and the file each one is. */
export const markdownDocs = {
  'data-model': 'docs/data-model.md',
  sample: 'docs/sample-data.md',
  reference: 'docs/reference-data.md',
  access: 'docs/access.md',
  submissions: 'docs/submissions.md',
} as const;

/** Where a view state's docs link goes: the document's path, the language and the carried filters kept. */
export function docHref(state: Pick<ViewState, 'lang' | 'params'>, doc: string, fragment?: string): string {
  return (
    formatState({ page: 'docs', lang: state.lang, params: carried(state.params), ...(doc ? { doc } : {}) }) +
    (fragment ? `#${fragment}` : '')
  );
}

/** The page of an analytic's method. */
export const methodDoc = (name: string): string => `method/${name}`;

/**
 * Resolves a link written in a document at `from` (a repository path) to the app page of the file it names,
 * or null when the file has no page here (source files, folders, files outside the docs).
 */
export function repoLink(from: string, target: string): DocId | null {
  const [path] = target.split('#');
  const parts = from.split('/').slice(0, -1);
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  const resolved = parts.join('/');
  return repoDocs[resolved] ?? repoDocs[path] ?? null;
}

/** A request URL with its format set (the docs' try-it links: the example request as JSON or CSV). */
export function withFormat(url: string, format: 'json' | 'csv'): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set('format', format);
  return `${path}?${params.toString().replaceAll('%2C', ',')}`;
}
