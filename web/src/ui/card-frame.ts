import { ApiError, fetchRows, requestUrl, type ApiRequest, type RowsOf } from '../api.js';
import type { ResultSet } from '../decode.js';
import type { Translate } from '../i18n/index.js';
import { h, replace } from './dom.js';
import { dataTable } from './table.js';
import { csvText, fileName, type ChartTable } from '../charts/csv.js';
import { composeSvg, pngBlob, saveBlob, svgBlob } from '../charts/download.js';

/** What a page hands a frame once its data is in: a chart that can be drawn at any width, and its data. */
export interface ChartView {
  /** Draws the chart for a width in pixels; called again when the card is resized. */
  draw(width: number): Element;
  /** One or two sentences saying what the chart shows (screen readers, the figure's description). */
  summary: string;
  /** The data behind the chart, for the CSV download and the table view. */
  table: ChartTable;
  /** True when the chart has focusable marks (e.g. map tiles): then it is a group, not a single image. */
  interactive?: boolean;
}

export interface FrameOptions {
  id: string;
  title: string;
  /** Unit and scope line under the title. */
  unit?: string;
  /** Data source and freshness line under the chart. */
  source: string;
  /** Data version, used in download file names. */
  snapshot?: string | null;
  /** Grid columns taken on a wide screen. */
  span?: 1 | 2 | 3;
  /** The API request behind the chart (its link). */
  api?: ApiRequest;
  t: Translate;
}

export interface Frame {
  element: HTMLElement;
  /** Shows the view that `make` resolves to; a repeated key does nothing. null or no rows: the empty state. */
  load(key: string, make: () => Promise<ChartView | null>): Promise<void>;
  /** Fetches a request and shows the view made of its rows; the card's API link is that same request. */
  show<R extends ApiRequest>(key: string, request: R, toView: (result: ResultSet<RowsOf<R>>) => ChartView | null): Promise<void>;
  /** Points the API link at a request (for a card drawn from several requests: the one it is about). */
  setApi(request: ApiRequest): void;
  /** Changes the title and unit line (when a filter changes what the chart is about). */
  setHeading(title: string, unit?: string): void;
}

let figureCount = 0;

/** Exposes the time from navigation start to the first chart drawn (window.firstChartMs), for measurement. */
function markFirstChart(): void {
  const w = window as unknown as { firstChartMs?: number };
  if (w.firstChartMs !== undefined) return;
  requestAnimationFrame(() => {
    if (w.firstChartMs === undefined) w.firstChartMs = performance.now();
  });
}

/** Why a request failed, in words a user can act on. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return t('errorNotAvailable', { detail: error.detail ?? error.title });
    const invalid = error.invalidParams.map((p) => `${p.name}: ${p.reason}${p.allowed ? ` (${p.allowed})` : ''}`).join('; ');
    return [error.title, error.detail, invalid].filter(Boolean).join(' — ');
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The card every chart sits in: title, unit, the chart (or a loading, empty or error state), a text summary,
 * the data source and its freshness, downloads of the data (CSV) and the picture (SVG, PNG), and a table view.
 */
export function chartFrame(options: FrameOptions): Frame {
  const { t } = options;
  const number = ++figureCount;
  const titleId = `figure-title-${number}`;
  const summaryId = `figure-summary-${number}`;
  const body = h('div', { class: 'card-body', 'aria-live': 'polite' });
  const summary = h('p', { class: 'sr-only', id: summaryId });
  const tableBox = h('div', { class: 'card-table', hidden: true });
  const apiLink = h(
    'a',
    { class: 'card-api', href: options.api ? requestUrl(options.api) : '#', target: '_blank', rel: 'noopener', hidden: !options.api },
    'API',
  );
  let view: ChartView | null = null;
  let currentKey: string | null = null;
  let lastWidth = 0;

  const button = (label: string, title: string, action: () => void | Promise<void>) =>
    h(
      'button',
      {
        type: 'button',
        class: 'card-action',
        title,
        'aria-label': `${title}: ${options.title}`,
        disabled: true,
        onclick: () => void action(),
      },
      label,
    );
  const exportSvg = () => composeSvg(body, titleNode.textContent ?? '', unitNode.textContent ?? '', options.source);
  const actions = [
    button('CSV', t('downloadCsv'), () => {
      if (view)
        saveBlob(new Blob([csvText(view.table)], { type: 'text/csv;charset=utf-8' }), fileName(options.id, options.snapshot, 'csv'));
    }),
    button('SVG', t('downloadSvg'), () => saveBlob(svgBlob(exportSvg()), fileName(options.id, options.snapshot, 'svg'))),
    button('PNG', t('downloadPng'), async () => saveBlob(await pngBlob(exportSvg()), fileName(options.id, options.snapshot, 'png'))),
  ];
  const titleNode = h('h2', { class: 'card-title', id: titleId }, options.title);
  const unitNode = h('p', { class: 'card-unit', hidden: !options.unit }, options.unit ?? '');
  const tableToggle = h(
    'button',
    { type: 'button', class: 'card-action', 'aria-expanded': 'false', disabled: true, onclick: () => toggleTable() },
    t('showTable'),
  );
  const element = h(
    'figure',
    {
      class: `card span-${options.span ?? 1}`,
      id: options.id,
      'data-card': options.id,
      'aria-labelledby': titleId,
      'aria-describedby': summaryId,
    },
    h(
      'header',
      { class: 'card-head' },
      h('div', {}, titleNode, unitNode),
      h('div', { class: 'card-actions' }, tableToggle, actions, apiLink),
    ),
    body,
    summary,
    tableBox,
    h('figcaption', { class: 'card-source' }, options.source),
  );

  function toggleTable(): void {
    const open = tableBox.hidden;
    tableBox.hidden = !open;
    tableToggle.setAttribute('aria-expanded', String(open));
    tableToggle.textContent = open ? t('hideTable') : t('showTable');
    if (open && view) replace(tableBox, dataTable(view.table, 200, t));
  }

  function setActions(enabled: { data: boolean; picture: boolean }): void {
    actions[0].disabled = !enabled.data;
    actions[1].disabled = actions[2].disabled = !enabled.picture;
    tableToggle.disabled = !enabled.data;
  }

  function draw(): void {
    if (!view) return;
    const width = Math.max(280, Math.floor(body.clientWidth || element.clientWidth || 640));
    lastWidth = width;
    const chart = view.draw(width);
    markFirstChart();
    chart.setAttribute('role', view.interactive ? 'group' : 'img');
    chart.setAttribute('aria-label', view.summary);
    replace(body, chart);
    body.dataset.state = 'ready';
    if (!tableBox.hidden) replace(tableBox, dataTable(view.table, 200, t));
  }

  function showState(state: 'loading' | 'empty' | 'error', message: string, retry?: () => void): void {
    body.dataset.state = state;
    body.setAttribute('aria-busy', String(state === 'loading'));
    const box = h(
      'div',
      { class: `state state-${state}`, role: state === 'error' ? 'alert' : 'status' },
      state === 'loading' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
      h('p', {}, message),
      retry ? h('button', { type: 'button', class: 'retry', onclick: retry }, t('retry')) : null,
    );
    if (state === 'loading' && body.querySelector('svg')) {
      // Keep the previous chart visible but dimmed while the new data comes: no jump, no blank card.
      body.querySelector('.state')?.remove();
      body.classList.add('is-stale');
      body.append(box);
      return;
    }
    replace(body, box);
  }

  async function load(key: string, make: () => Promise<ChartView | null>): Promise<void> {
    if (key === currentKey) return;
    currentKey = key;
    showState('loading', t('loading'));
    setActions({ data: false, picture: false });
    try {
      const next = await make();
      if (key !== currentKey) return;
      body.classList.remove('is-stale');
      body.removeAttribute('aria-busy');
      if (!next || next.table.rows.length === 0) {
        view = null;
        summary.textContent = t('emptyState');
        showState('empty', t('emptyState'));
        return;
      }
      view = next;
      summary.textContent = next.summary;
      draw();
      setActions({ data: true, picture: body.querySelector('svg') !== null });
    } catch (error) {
      if (key !== currentKey) return;
      body.classList.remove('is-stale');
      body.removeAttribute('aria-busy');
      view = null;
      const message = `${t('errorLoading', { title: options.title })} ${describeError(error, t)}`;
      summary.textContent = message;
      showState('error', message, () => {
        currentKey = null;
        void load(key, make);
      });
      console.warn(`[${options.id}]`, error);
    }
  }

  function setApi(request: ApiRequest): void {
    apiLink.href = requestUrl(request);
    apiLink.hidden = false;
  }

  // Charts follow their card's width (narrow screens, window resizes).
  let pending = 0;
  new ResizeObserver(() => {
    window.clearTimeout(pending);
    pending = window.setTimeout(() => {
      if (view && Math.abs(Math.floor(body.clientWidth) - lastWidth) > 8) draw();
    }, 120);
  }).observe(body);

  return {
    element,
    load,
    setHeading(title: string, unit?: string) {
      titleNode.textContent = title;
      unitNode.textContent = unit ?? '';
      unitNode.hidden = !unit;
    },
    show(key, request, toView) {
      setApi(request);
      return load(key, async () => toView(await fetchRows(request)));
    },
    setApi,
  };
}
