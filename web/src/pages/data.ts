import { apiUrl, catalogRows, getCatalog, getDatasets, type CatalogEntry, type Params } from '../api.js';
import { pn } from '../i18n/format.js';
import { pick } from '../i18n/index.js';
import { describeError } from '../ui/card-frame.js';
import { h, replace } from '../ui/dom.js';
import { dataTable } from '../ui/table.js';
import { formValues, paramField, parseItem, PREFIX, PREVIEW_ROWS, previewParams, type EntryKind } from '../view-models/data.js';
import { sourceLine, type PageContext, type PageMount } from './context.js';
import { paramInput } from './data-form.js';

export { formValues, parseItem } from '../view-models/data.js';

/** Data: the catalog of queries and datasets, a parameter form from the catalog, a preview and downloads. */
export const mountData: PageMount = (root, first) => {
  const { t } = first;
  const list = h('nav', { class: 'catalog-list', 'aria-label': t('catalogTitle') });
  const detail = h('section', { class: 'catalog-detail', 'aria-live': 'polite' });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageData')), h('p', {}, t('dataIntro'))),
    h('div', { class: 'data-layout' }, list, detail),
  );
  let previewKey = '';

  return {
    update(ctx) {
      const { lang } = ctx;
      const item = parseItem(ctx.state.params.item) ?? { kind: 'query' as const, name: 'training-by-region' };
      const values = formValues(ctx.state.params);
      void Promise.all([getCatalog(), getDatasets()]).then(
        ([catalog, datasets]) => {
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
          const entry = (item.kind === 'query' ? catalog.queries : datasets.datasets).find((e) => e.name === item.name);
          if (!entry) {
            replace(detail, h('p', { class: 'state state-error', role: 'alert' }, t('unknownEntry', { name: item.name })));
            return;
          }
          const key = `${item.kind}:${item.name}|${JSON.stringify(values)}|${lang}`;
          if (key === previewKey && detail.childElementCount) return;
          previewKey = key;
          renderDetail(detail, entry, item.kind, values, ctx);
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

function renderDetail(detail: HTMLElement, entry: CatalogEntry, kind: EntryKind, values: Params, ctx: PageContext): void {
  const { t, lang } = ctx;
  const base = `/api/${kind === 'query' ? 'queries' : 'datasets'}/${entry.name}`;
  const url = apiUrl(base, values);
  const absolute = new URL(url, window.location.origin).href;
  const preview = h(
    'div',
    { class: 'preview' },
    h(
      'div',
      { class: 'state state-loading', role: 'status' },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      h('p', {}, t('loading')),
    ),
  );
  const copyButton = h('button', { type: 'button', class: 'card-action', 'data-action': 'copy-url' }, t('copy'));
  copyButton.addEventListener('click', () => {
    void navigator.clipboard?.writeText(absolute).then(
      () => (copyButton.textContent = t('copied')),
      () => (copyButton.textContent = t('copyFailed')),
    );
  });
  replace(
    detail,
    h('h2', {}, pick(entry.title, lang), ' ', h('code', {}, entry.name)),
    h('p', { class: 'entry-description' }, pick(entry.description, lang)),
    h(
      'form',
      { class: 'param-form', onsubmit: (e: Event) => e.preventDefault() },
      h('h3', {}, t('parametersHeading')),
      entry.params.length
        ? entry.params.map((p) =>
            paramInput(paramField(p, lang), values[p.name] === undefined ? '' : String(values[p.name]), (v) =>
              ctx.set({ [`${PREFIX}${p.name}`]: v }),
            ),
          )
        : h('p', {}, t('noParameters')),
    ),
    h(
      'div',
      { class: 'api-url' },
      h('label', { for: 'api-url' }, t('apiUrl')),
      h('input', { id: 'api-url', readonly: true, value: absolute, 'data-api-url': 'true' }),
      copyButton,
    ),
    h(
      'div',
      { class: 'downloads' },
      h('span', {}, t('downloadLabel')),
      (['csv', 'parquet', 'arrow', 'json'] as const).map((format) =>
        h(
          'a',
          { class: 'download-link', href: apiUrl(base, values, format), download: format === 'json' ? null : '', 'data-format': format },
          format.toUpperCase(),
        ),
      ),
    ),
    h('h3', {}, t('previewHeading', { rows: PREVIEW_ROWS })),
    preview,
    h(
      'details',
      { class: 'columns-doc' },
      h('summary', {}, t('columnsHeading')),
      h(
        'ul',
        {},
        entry.columns.map((c) =>
          h(
            'li',
            {},
            h('code', {}, c.name),
            ` ${pick(c.label, lang)}${c.unit ? `${pn(lang).open}${pick(c.unit, lang)}${pn(lang).close}` : ''} · ${c.type}`,
          ),
        ),
      ),
    ),
    h('p', { class: 'card-source' }, sourceLine(ctx, 'reference')),
  );
  const request = catalogRows(kind, entry.name, previewParams(kind, entry.params, values));
  request.then(
    (result) => {
      if (!result.rows.length) replace(preview, h('p', { class: 'state state-empty' }, t('emptyState')));
      else
        replace(
          preview,
          h(
            'p',
            { class: 'table-note' },
            t('previewCount', { shown: Math.min(PREVIEW_ROWS, result.rows.length), total: result.rows.length }),
          ),
          dataTable({ columns: result.columns.map((c) => ({ key: c.name, label: c.name })), rows: result.rows }, PREVIEW_ROWS, t),
        );
    },
    (error) =>
      replace(
        preview,
        h(
          'p',
          { class: 'state state-error', role: 'alert' },
          `${t('errorLoading', { title: pick(entry.title, lang) })} ${describeError(error, t)}`,
        ),
      ),
  );
}
