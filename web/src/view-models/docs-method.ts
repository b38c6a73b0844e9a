import type { CatalogEntry } from '../../../core/wire.js';
import type { Lang } from '../i18n/format.js';
import { pick, type Translate } from '../i18n/index.js';
import type { ViewState } from '../state.js';
import { docHref, docTitles, methodDoc, repoDocs, withFormat, type DocId } from './docs.js';

/** A piece of a definition: plain text, a column or parameter name (code), or a link to another page of the docs. */
export type Segment = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'link'; text: string; href: string };

export interface MethodView {
  name: string;
  title: string;
  /** The catalog's description in the language: definitions, formulas and thresholds. */
  definition: Segment[];
  params: { name: string; label: string; default: string; allowed: string }[];
  columns: { name: string; label: string; unit: string }[];
  example: string;
  tryJson: string;
  tryCsv: string;
  /** Its section of the API reference. */
  apiHref: string;
  /** The documents its definition names, then the data model. */
  further: { href: string; title: string }[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits a description into text, code and links: other analytics' names link to their method, repository docs
 * (docs/reference-data.md) to their page, and snake_case names (per_10k, share_of_national) are set as code.
 */
export function segments(text: string, analytics: readonly string[], self: string, state: Pick<ViewState, 'lang' | 'params'>): Segment[] {
  const names = [...analytics].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const docs = Object.keys(repoDocs).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\w-])(${names.join('|')})(?![\\w-])|(${docs.join('|')})|\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\b`, 'g');
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    const [whole, analytic, doc] = match;
    if (analytic && analytic !== self) out.push({ kind: 'link', text: whole, href: docHref(state, methodDoc(analytic)) });
    else if (doc) out.push({ kind: 'link', text: whole, href: docHref(state, repoDocs[doc]) });
    else out.push({ kind: 'code', text: whole });
    last = match.index + whole.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The method page of an analytic, from its catalog entry (GET /api/queries). */
export function methodView(
  entry: CatalogEntry,
  analytics: readonly string[],
  state: Pick<ViewState, 'lang' | 'params'>,
  t: Translate,
): MethodView {
  const lang: Lang = state.lang;
  const description = pick(entry.description, lang);
  const definition = segments(description, analytics, entry.name, state);
  const mentioned = definition.flatMap((s) => (s.kind === 'link' && !s.href.includes('/docs/method/') ? [s.href] : []));
  const further = [...new Set([...mentioned, docHref(state, 'data-model')])].map((href) => {
    const doc = (Object.keys(docTitles) as DocId[]).find((id) => href === docHref(state, id));
    return { href, title: doc ? t(docTitles[doc].title) : href };
  });
  return {
    name: entry.name,
    title: pick(entry.title, lang),
    definition,
    params: entry.params.map((p) => ({
      name: p.name,
      label: pick(p.label, lang),
      default: p.default !== null && p.default !== undefined ? String(p.default) : (p.default_note ?? '—'),
      allowed: p.allowed
        ? p.allowed.length > 12
          ? t('docsCodesIn', { table: p.allowed_from?.table ?? '' })
          : p.allowed.join(', ')
        : p.min !== undefined
          ? `${p.min}–${p.max ?? ''}`
          : p.allowed_from
            ? t('docsCodesIn', { table: p.allowed_from.table })
            : '',
    })),
    columns: entry.columns.map((c) => ({ name: c.name, label: pick(c.label, lang), unit: c.unit ? pick(c.unit, lang) : '' })),
    example: entry.example,
    tryJson: withFormat(entry.example, 'json'),
    tryCsv: withFormat(entry.example, 'csv'),
    apiHref: docHref(state, 'api', entry.name),
    further,
  };
}
