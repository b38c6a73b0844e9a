import type { DataSource, Licence } from '../../../core/licences.js';
import type { Meta } from '../../../core/wire.js';
import type { ViewState } from '../state.js';
import { docHref, repoDocs } from './docs.js';

/** The licences GET /api/meta names (server/routes/meta.ts): the code, the sample, the reference tables, each fact source. */
export interface MetaLicences {
  code: Licence;
  sample: DataSource;
  reference: readonly DataSource[];
  facts: readonly { source: string; licence: Licence }[];
}

export interface LinkView {
  text: string;
  /** Where it is read: a web address, a page of the docs, or null for a path with no page here. */
  href: string | null;
}

export interface SourceRow {
  source: LinkView;
  licence: LinkView;
}

export interface SourcesView {
  code: LinkView;
  sample: SourceRow;
  reference: SourceRow[];
  facts: SourceRow[];
  /** Every fact of this data version is from the synthetic sample (or there are none). */
  synthetic: boolean;
}

/** A path of core/licences.ts as a link: web addresses as they are, the repository's docs as their page. */
function hrefOf(path: string, state: Pick<ViewState, 'lang' | 'params'>): string | null {
  if (/^https?:\/\//.test(path)) return path;
  const doc = repoDocs[path];
  return doc ? docHref(state, doc) : null;
}

const licenceLink = (licence: Licence, state: Pick<ViewState, 'lang' | 'params'>): LinkView => ({
  text: `${licence.title} (${licence.name})`,
  href: hrefOf(licence.path, state),
});

const sourceRow = (source: DataSource, state: Pick<ViewState, 'lang' | 'params'>): SourceRow => ({
  source: { text: source.title, href: hrefOf(source.path, state) },
  licence: licenceLink(source.licence, state),
});

/** The sources and licences page; null when the server's meta names no licences. */
export function sourcesView(meta: Meta & { licences?: MetaLicences }, state: Pick<ViewState, 'lang' | 'params'>): SourcesView | null {
  const licences = meta.licences;
  if (!licences) return null;
  return {
    code: licenceLink(licences.code, state),
    sample: sourceRow(licences.sample, state),
    reference: licences.reference.map((s) => sourceRow(s, state)),
    facts: licences.facts.map((f) => ({ source: { text: f.source, href: null }, licence: licenceLink(f.licence, state) })),
    synthetic: meta.sources.every((s) => s === 'synthetic'),
  };
}
