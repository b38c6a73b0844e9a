import { pn } from '../i18n/format.js';
import { apiUrl, catalogRows, getCatalog, getDatasets, type CatalogEntry, type CatalogParam, type Params } from '../api.js';
import { describeError } from '../ui/card-frame.js';
import type { Lang } from '../i18n/format.js';
import { pick } from '../i18n/index.js';
import { h, replace } from '../ui/dom.js';
import { dataTable } from '../ui/table.js';
import type { PageContext, PageMount } from './context.js';
import { sourceLine } from './context.js';

const PREFIX = 'p.';
const PREVIEW_ROWS = 100;

/** Which catalog entry is open: 'query:talent-gap' or 'dataset:training'. */
export function parseItem(value: string | undefined): { kind: 'query' | 'dataset'; name: string } | null {
  const match = /^(query|dataset):([A-Za-z0-9_-]+)$/.exec(value ?? '');
  return match ? { kind: match[1] as 'query' | 'dataset', name: match[2] } : null;
}

/** The entry's parameter values from the view state (kept under 'p.<name>' in the URL). */
export function formValues(params: Readonly<Record<string, string>>): Params {
  const values: Params = {};
  for (const [key, value] of Object.entries(params)) if (key.startsWith(PREFIX) && value !== '') values[key.slice(PREFIX.length)] = value;
  return values;
}

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

function entryLink(entry: CatalogEntry, kind: 'query' | 'dataset', current: { kind: string; name: string }, ctx: PageContext): HTMLElement {
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

function paramInput(param: CatalogParam, value: string, lang: Lang, onChange: (value: string) => void): HTMLElement {
  const id = `param-${param.name}`;
  const allowed = 'allowed' in param && Array.isArray(param.allowed) ? (param.allowed as string[]) : null;
  const label = `${pick(param.label, lang)}${pn(lang).open}${param.name}${param.list ? ', list' : ''}${pn(lang).close}`;
  const defaultText =
    param.default === null || param.default === undefined
      ? 'default_note' in param
        ? String(param.default_note)
        : ''
      : String(param.default);
  let input: HTMLInputElement | HTMLSelectElement;
  if (allowed && !param.list) {
    input = h(
      'select',
      { id, name: param.name, 'data-form-param': param.name },
      h('option', { value: '' }, defaultText ? `— ${defaultText} —` : '—'),
      allowed.map((a) => h('option', { value: a, selected: a === value }, a)),
    );
  } else {
    const numeric = param.type === 'integer' || param.type === 'number';
    input = h('input', {
      id,
      name: param.name,
      'data-form-param': param.name,
      type: numeric ? 'number' : 'text',
      value,
      placeholder: defaultText || String(param.example ?? ''),
      ...('min' in param && param.min !== undefined ? { min: String(param.min), max: String(param.max) } : {}),
      ...(numeric && param.type === 'number' ? { step: 'any' } : {}),
      list: allowed ? `${id}-list` : null,
    });
  }
  input.addEventListener('change', () => onChange(input.value.trim()));
  const hint = [
    param.type,
    'min' in param && param.min !== undefined ? `${param.min}–${param.max}` : null,
    allowed && param.list ? allowed.slice(0, 12).join(', ') + (allowed.length > 12 ? ', …' : '') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return h(
    'div',
    { class: 'form-field' },
    h('label', { for: id }, label),
    input,
    allowed && param.list
      ? h(
          'datalist',
          { id: `${id}-list` },
          allowed.map((a) => h('option', { value: a })),
        )
      : null,
    h('p', { class: 'field-hint' }, hint),
  );
}

function renderDetail(detail: HTMLElement, entry: CatalogEntry, kind: 'query' | 'dataset', values: Params, ctx: PageContext): void {
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
            paramInput(p, values[p.name] === undefined ? '' : String(values[p.name]), lang, (v) => ctx.set({ [`${PREFIX}${p.name}`]: v })),
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
  const limited: Params =
    kind === 'dataset' && entry.params.some((p) => p.name === 'limit') && values.limit === undefined
      ? { ...values, limit: PREVIEW_ROWS }
      : values;
  const request = catalogRows(kind, entry.name, limited);
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
