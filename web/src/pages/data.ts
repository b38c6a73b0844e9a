import { currentSession } from '../access/session.js';
import { refusalNotice } from '../access/refusal.js';
import { ApiError, apiUrl, catalogRows, datasetRows, getCatalog, getDatasets, type CatalogEntry, type Params } from '../api.js';
import type { Row } from '../decode.js';
import type { Lang } from '../i18n/format.js';
import { pick, type Translate } from '../i18n/index.js';
import { describeError } from '../ui/card-frame.js';
import { h, replace } from '../ui/dom.js';
import { formValues, paramField, parseItem, PREFIX, PREVIEW_ROWS, previewParams, type EntryKind } from '../view-models/data.js';
import type { AnyEntry, Licence } from '../view-models/data-catalog.js';
import { citeBibtex, citeText, type CiteSource } from '../view-models/data-cite.js';
import { dictionaryRows } from '../view-models/data-dictionary.js';
import { choiceLabel, namesOf, previewCell, resolveCodes, type Names } from '../view-models/data-names.js';
import { sourceLine, type PageContext, type PageMount } from './context.js';
import { fillChips, paramInput, type FieldControl } from './data-form.js';
import './data.css';

export { formValues, parseItem } from '../view-models/data.js';

const formats = ['csv', 'parquet', 'arrow', 'json'] as const;

/** The open entry's form and the parts that follow its values (links, citation, chips), kept while it stays open. */
interface OpenEntry {
  key: string;
  fields: Map<string, { control: FieldControl; list: boolean; chips: HTMLElement | null }>;
  /** Redraws the links, citation and chips from what the fields hold now. */
  refresh(): void;
  previewKey: string;
  preview: HTMLElement;
}

/**
 * Data: the catalog of queries and datasets, a parameter form from the catalog, a preview, downloads, the data
 * dictionary and a citation. The form is drawn once per entry: a change of filters updates the links, the citation
 * and the preview around it, never the fields the user is typing in.
 */
export const mountData: PageMount = (root, first) => {
  const { t } = first;
  const list = h('nav', { class: 'catalog-list', 'aria-label': t('catalogTitle') });
  const detail = h('section', { class: 'catalog-detail', 'aria-live': 'polite' });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageData')), h('p', {}, t('dataIntro'))),
    h('div', { class: 'data-layout' }, list, detail),
  );
  let listKey = '';
  let open: OpenEntry | null = null;
  // Every region's name, so that chips and suggestions name prefectures and counties too.
  const regions = datasetRows('region').then(
    (result) => result.rows as readonly Row[],
    () => [] as readonly Row[],
  );

  return {
    update(ctx) {
      const item = parseItem(ctx.state.params.item) ?? { kind: 'query' as const, name: 'training-by-region' };
      void Promise.all([getCatalog(), getDatasets(), regions]).then(
        ([catalog, datasets, regionRows]) => {
          const id = `${item.kind}:${item.name}`;
          if (listKey !== id) {
            listKey = id;
            replace(
              list,
              h('h2', {}, t('queriesHeading')),
              h(
                'ul',
                {},
                catalog.queries.map((q) => entryLink(q, 'query', item, ctx)),
              ),
              h('h2', {}, t('datasetsHeading')),
              h(
                'ul',
                {},
                datasets.datasets.map((d) => entryLink(d, 'dataset', item, ctx)),
              ),
            );
          }
          const entry: AnyEntry | undefined = (item.kind === 'query' ? catalog.queries : datasets.datasets).find(
            (e) => e.name === item.name,
          );
          if (!entry) {
            open = null;
            replace(detail, h('p', { class: 'state state-error', role: 'alert' }, t('unknownEntry', { name: item.name })));
            return;
          }
          const snapshot = (item.kind === 'query' ? catalog.snapshot : datasets.snapshot) ?? ctx.meta.snapshot;
          // An analytic of the synthetic sample is under the sample's licence, which the datasets' sources name.
          const sampleLicence = (datasets.datasets as AnyEntry[]).flatMap((d) => d.sources ?? []).find((s) => s.synthetic)?.licence ?? null;
          if (open?.key !== id)
            open = buildDetail(detail, entry, item.kind, { snapshot, sampleLicence }, namesOf(ctx.refs, regionRows), ctx);
          syncFields(open, formValues(ctx.state.params));
          open.refresh();
          refreshPreview(open, entry, item.kind, formValues(ctx.state.params), ctx);
        },
        (error) => replace(list, h('p', { class: 'state state-error', role: 'alert' }, `${t('errorBoot')} ${describeError(error, t)}`)),
      );
    },
  };
};

function entryLink(entry: CatalogEntry, kind: EntryKind, current: { kind: string; name: string }, ctx: PageContext): HTMLElement {
  const id = `${kind}:${entry.name}`;
  const active = current.kind === kind && current.name === entry.name;
  return h(
    'li',
    {},
    h(
      'a',
      {
        href: `/data?${new URLSearchParams({ ...(ctx.lang === 'en' ? { lang: 'en' } : {}), item: id }).toString()}`,
        'data-entry': id,
        'aria-current': active ? 'true' : null,
        onclick: (event: MouseEvent) => {
          event.preventDefault();
          const cleared: Record<string, null | string> = { item: id };
          for (const key of Object.keys(ctx.state.params)) if (key.startsWith(PREFIX)) cleared[key] = null;
          ctx.set(cleared);
        },
      },
      h('span', { class: 'entry-title' }, pick(entry.title, ctx.lang)),
      h('code', {}, entry.name),
    ),
  );
}

/** Values from the URL into the fields, except the one the user is in (what they are typing stays). */
function syncFields(open: OpenEntry, values: Params): void {
  for (const [name, { control }] of open.fields) {
    if (control === document.activeElement) continue;
    const value = values[name] === undefined ? '' : String(values[name]);
    if (control.value !== value) control.value = value;
  }
}

/** What the fields hold now: lists as codes (a name typed in full becomes its code), empty fields left out. */
function readFields(open: Pick<OpenEntry, 'fields'>, names: Names): Params {
  const values: Params = {};
  for (const [name, { control, list }] of open.fields) {
    const text = control.value.trim();
    if (text) values[name] = list ? resolveCodes(text, names).join(',') : text;
  }
  return values;
}

function copyButton(label: string, action: string, text: () => string, t: Translate): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'card-action', 'data-action': action }, label);
  button.addEventListener('click', () => {
    const done = (message: string) => {
      button.textContent = message;
      setTimeout(() => (button.textContent = label), 2000);
    };
    if (!navigator.clipboard) return done(t('copyFailed'));
    navigator.clipboard.writeText(text()).then(
      () => done(t('copied')),
      () => done(t('copyFailed')),
    );
  });
  return button;
}

/** What a citation takes from the catalogs besides the entry: the data version and the synthetic sample's licence. */
interface CiteContext {
  snapshot: string;
  sampleLicence: Licence | null;
}

function buildDetail(detail: HTMLElement, entry: AnyEntry, kind: EntryKind, cited: CiteContext, names: Names, ctx: PageContext): OpenEntry {
  const { t, lang } = ctx;
  const base = `/api/${kind === 'query' ? 'queries' : 'datasets'}/${entry.name}`;
  const fields: OpenEntry['fields'] = new Map();
  const apiInput = h('input', { id: 'api-url', readonly: true, 'data-api-url': 'true' });
  const links = formats.map((format) =>
    h('a', { class: 'download-link', download: format === 'json' ? null : '', 'data-format': format }, format.toUpperCase()),
  );
  const citePlain = h('pre', { class: 'cite-text', 'data-cite': 'text', tabindex: 0 });
  const citeBib = h('pre', { class: 'cite-text', 'data-cite': 'bibtex', tabindex: 0 });
  const preview = h('div', { class: 'preview' });

  const commit = () => {
    const values = readFields({ fields }, names);
    for (const [name, { control, list }] of fields) if (list && control.value.trim()) control.value = String(values[name] ?? '');
    const patch: Record<string, string | null> = {};
    for (const name of fields.keys()) patch[`${PREFIX}${name}`] = values[name] === undefined ? null : String(values[name]);
    ctx.set(patch);
  };

  const refresh = () => {
    const values = readFields({ fields }, names);
    const url = new URL(apiUrl(base, values), window.location.origin).href;
    apiInput.value = url;
    links.forEach((link, i) => (link.href = apiUrl(base, values, formats[i])));
    const cite = citeSource(entry, cited, url, ctx);
    citePlain.textContent = citeText(cite, lang, t);
    citeBib.textContent = citeBibtex(cite, lang, t);
    for (const [name, { control, chips }] of fields) {
      if (!chips) continue;
      const codes = values[name] === undefined ? [] : String(values[name]).split(',');
      fillChips(
        chips,
        codes.map((value) => ({ value, label: choiceLabel(value, lang, t, names) })),
        (label) => t('dataRemove', { name: label }),
        (value) => {
          control.value = codes.filter((c) => c !== value).join(',');
          control.focus();
          commit();
        },
      );
    }
  };

  const form = h(
    'form',
    {
      class: 'param-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        commit();
      },
    },
    h('h3', {}, t('parametersHeading')),
    entry.params.length
      ? entry.params.map((p) => {
          const field = paramField(p, lang, t, names);
          const built = paramInput(field, '', refresh, commit);
          fields.set(p.name, { control: built.control, list: field.list, chips: built.chips });
          return built.element;
        })
      : h('p', {}, t('noParameters')),
    entry.params.length
      ? h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'apply-button' }, t('dataApply')))
      : null,
  );

  replace(
    detail,
    h('h2', {}, pick(entry.title, lang), ' ', h('code', {}, entry.name)),
    h('p', { class: 'entry-description' }, pick(entry.description, lang)),
    form,
    h(
      'div',
      { class: 'api-url' },
      h('label', { for: 'api-url' }, t('apiUrl')),
      apiInput,
      copyButton(t('copy'), 'copy-url', () => apiInput.value, t),
    ),
    // An entry the visitor may not read (the catalog says so) offers no downloads that would only be refused.
    (entry.allowed === false ? refusalNotice(currentSession()?.user ? 403 : 401, t) : null) ??
      h('div', { class: 'downloads' }, h('span', {}, t('downloadLabel')), links),
    citeBlock(citePlain, citeBib, t),
    h('h3', {}, t('previewHeading', { rows: PREVIEW_ROWS })),
    preview,
    dictionaryBlock(entry, lang, t),
    h('p', { class: 'card-source' }, sourceLine(ctx, 'reference')),
  );
  return { key: `${kind}:${entry.name}`, fields, refresh, previewKey: '', preview };
}

function citeSource(entry: AnyEntry, cited: CiteContext, url: string, ctx: PageContext): CiteSource {
  const sources = entry.sources ?? [];
  const synthetic = entry.sources
    ? sources.length > 0 && sources.every((s) => s.synthetic)
    : ctx.meta.sources.length === 0 || ctx.meta.sources.every((s) => s === 'synthetic');
  return {
    title: entry.title,
    name: entry.name,
    snapshot: cited.snapshot,
    url,
    accessed: new Date().toISOString().slice(0, 10),
    licence: entry.licence ?? (entry.sources === undefined && synthetic ? cited.sampleLicence : null),
    sources,
    synthetic,
  };
}

/** The citation in two forms, each with its copy button. */
function citeBlock(plain: HTMLElement, bibtex: HTMLElement, t: Translate): HTMLElement {
  const variant = (title: string, action: string, text: HTMLElement) =>
    h(
      'div',
      { class: 'cite-variant' },
      h(
        'div',
        { class: 'cite-head' },
        h('h4', {}, title),
        copyButton(t('dataCiteCopy'), action, () => text.textContent ?? '', t),
      ),
      text,
    );
  return h(
    'section',
    { class: 'cite-block', 'aria-label': t('dataCiteHeading') },
    h('h3', {}, t('dataCiteHeading')),
    variant(t('dataCitePlain'), 'copy-cite-text', plain),
    variant(t('dataCiteBibtex'), 'copy-cite-bibtex', bibtex),
  );
}

function dictionaryBlock(entry: AnyEntry, lang: Lang, t: Translate): HTMLElement {
  const rows = dictionaryRows(entry, lang, t);
  return h(
    'section',
    { class: 'data-dictionary' },
    h('h3', {}, t('dataDictionaryHeading', { count: rows.length })),
    entry.table ? h('p', { class: 'table-note' }, t('dataDictionaryTable', { table: entry.table, grain: entry.grain ?? '' })) : null,
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('columnsHeading') },
      h(
        'table',
        { class: 'data-table dictionary-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [t('dataColName'), t('dataColLabel'), t('dataColType'), t('dataColUnit'), t('dataColRules')].map((label) =>
              h('th', { scope: 'col' }, label),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((row) =>
            h(
              'tr',
              { 'data-column': row.name },
              h('td', {}, h('code', {}, row.name)),
              h('td', {}, row.labelZh, h('br'), h('span', { class: 'label-en' }, row.labelEn)),
              h('td', { 'data-label': t('dataColType') }, row.type),
              h('td', { 'data-label': t('dataColUnit') }, row.unit || '–'),
              h('td', { class: 'rules', 'data-label': t('dataColRules') }, row.rules.join(' · ') || '–'),
            ),
          ),
        ),
      ),
    ),
    entry.sources?.length
      ? h(
          'div',
          { class: 'dataset-sources' },
          h('h4', {}, t('dataSources')),
          h(
            'ul',
            {},
            entry.sources.map((s) =>
              h(
                'li',
                {},
                s.synthetic ? t('dataSampleTitle') : s.title,
                s.rows !== null ? ` · ${t('dataSourceRows', { rows: previewCell(s.rows, { name: 'rows', type: 'integer' }) })}` : '',
                ` · ${t('dataLicence')}: ${s.licence.name}`,
              ),
            ),
          ),
        )
      : null,
  );
}

/** The preview of the committed values: drawn again only when they change. */
function refreshPreview(open: OpenEntry, entry: AnyEntry, kind: EntryKind, values: Params, ctx: PageContext): void {
  const { t, lang } = ctx;
  const params = previewParams(kind, entry.params, values);
  const key = JSON.stringify(params);
  if (key === open.previewKey) return;
  open.previewKey = key;
  const preview = open.preview;
  replace(
    preview,
    h(
      'div',
      { class: 'state state-loading', role: 'status' },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      h('p', {}, t('loading')),
    ),
  );
  catalogRows(kind, entry.name, params).then(
    (result) => {
      if (open.previewKey !== key) return;
      if (!result.rows.length) return replace(preview, h('p', { class: 'state state-empty' }, t('emptyState')));
      const shown = result.rows.slice(0, PREVIEW_ROWS);
      const columns = entry.columns.filter((c) => result.columns.some((r) => r.name === c.name));
      const numeric = new Set(columns.filter((c) => c.type === 'integer' || c.type === 'number').map((c) => c.name));
      replace(
        preview,
        h('p', { class: 'table-note' }, t('previewCount', { shown: shown.length, total: result.rows.length })),
        h(
          'div',
          { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('dataTable') },
          h(
            'table',
            { class: 'data-table' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                columns.map((c) =>
                  h('th', { scope: 'col', class: numeric.has(c.name) ? 'num' : null, title: pick(c.label, lang) }, c.name),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              shown.map((row) =>
                h(
                  'tr',
                  {},
                  columns.map((c) => h('td', { class: numeric.has(c.name) ? 'num' : null }, previewCell(row[c.name], c))),
                ),
              ),
            ),
          ),
        ),
      );
    },
    (error) => {
      if (open.previewKey !== key) return;
      replace(
        preview,
        (error instanceof ApiError ? refusalNotice(error.status, t) : null) ??
          h(
            'p',
            { class: 'state state-error', role: 'alert' },
            `${t('errorLoading', { title: pick(entry.title, lang) })} ${describeError(error, t)}`,
          ),
      );
    },
  );
}
