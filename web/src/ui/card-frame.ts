import { describeRefusal, refusalNotice } from '../access/refusal.js';
import { ApiError, fetchRows, requestUrl, type ApiRequest, type RowsOf } from '../api.js';
import type { ResultSet } from '../decode.js';
import type { Translate } from '../i18n/index.js';
import type { ChartTable } from '../charts/csv.js';
import { cardDownloads, cardPicture } from './card-downloads.js';
import { endLoading, markFirstChart, showChart, showState } from './card-state.js';
import { cardTable } from './card-table.js';
import { h, replace } from './dom.js';
import { docHref, methodDoc } from '../view-models/docs.js';

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
  /** The period the chart covers, in words: written at the end of the card's unit line. */
  period?: string;
  /** Added to the card's source line (e.g. where the targets come from). */
  sourceNote?: string;
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
  /** Changes the title and unit line (when a filter changes what the chart is about); the view adds its period. */
  setHeading(title: string, unit?: string): void;
  /** Changes the source line (when a filter changes which dataset, and so which date, the chart shows). */
  setSource(source: string): void;
}

let figureCount = 0;

/** Why a request failed, in words a user can act on. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const refused = describeRefusal(error.status, t);
    if (refused) return refused;
    if (error.status === 404) return t('errorNotAvailable', { detail: error.detail ?? error.title });
    const invalid = error.invalidParams.map((p) => `${p.name}: ${p.reason}${p.allowed ? ` (${p.allowed})` : ''}`).join('; ');
    return [error.title, error.detail, invalid].filter(Boolean).join(' — ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Calls `redraw` when an element's width has changed by more than a few pixels (debounced). */
function onResize(element: HTMLElement, lastWidth: () => number, redraw: () => void): void {
  let pending = 0;
  new ResizeObserver(() => {
    window.clearTimeout(pending);
    pending = window.setTimeout(() => {
      if (Math.abs(Math.floor(element.clientWidth) - lastWidth()) > 8) redraw();
    }, 120);
  }).observe(element);
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
  let view: ChartView | null = null;
  let currentKey: string | null = null;
  let lastWidth = 0;
  let unitText = options.unit ?? '';

  const body = h('div', { class: 'card-body', 'aria-live': 'polite' });
  const summary = h('p', { class: 'sr-only', id: summaryId });
  const titleNode = h('h2', { class: 'card-title', id: titleId }, options.title);
  const unitNode = h('p', { class: 'card-unit', hidden: !options.unit }, options.unit ?? '');
  let source = options.source;
  const sourceNode = h('figcaption', { class: 'card-source' }, source);
  const table = cardTable(t, () => view?.table ?? null);
  const downloads = cardDownloads(options, {
    table: () => view?.table ?? null,
    picture: () => cardPicture(body, titleNode, unitNode, sourceNode.textContent ?? source),
  });
  const apiLink = h(
    'a',
    { class: 'card-api', href: options.api ? requestUrl(options.api) : '#', target: '_blank', rel: 'noopener', hidden: !options.api },
    'API',
  );
  // An analytic's card links to its method in the docs (definitions, formulas, thresholds), in the page's language.
  const methodLink = h('a', { class: 'card-method', href: '#', 'data-nav': '', hidden: true }, t('docsMethodLink'));
  const pointMethod = (request: ApiRequest | undefined) => {
    methodLink.hidden = request?.kind !== 'query';
    if (request?.kind !== 'query') return;
    methodLink.href = docHref({ lang: t('docsLangCode') === 'en' ? 'en' : 'zh', params: {} }, methodDoc(request.name));
    methodLink.setAttribute('title', t('docsMethodLinkTitle', { title: titleNode.textContent ?? '' }));
  };
  pointMethod(options.api);
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
      h('div', { class: 'card-actions' }, table.toggle, downloads.buttons, methodLink, apiLink),
    ),
    body,
    summary,
    table.box,
    sourceNode,
  );

  /** The unit line with the period of the view shown, and the source line with its note. */
  function label(): void {
    const line = [unitText, view?.period].filter(Boolean).join(' · ');
    unitNode.textContent = line;
    unitNode.hidden = !line;
    sourceNode.textContent = [source, view?.sourceNote].filter(Boolean).join(' · ');
  }

  function enable(data: boolean, picture: boolean): void {
    downloads.enable({ data, picture });
    table.enable(data);
  }

  function draw(): void {
    if (!view) return;
    lastWidth = Math.max(280, Math.floor(body.clientWidth || element.clientWidth || 640));
    const chart = view.draw(lastWidth);
    markFirstChart();
    const named = [titleNode.textContent, unitNode.hidden ? '' : unitNode.textContent].filter(Boolean).join(' · ');
    showChart(body, chart, `${named} — ${view.summary}`, view.interactive);
    table.refresh();
  }

  function fail(key: string, make: () => Promise<ChartView | null>, error: unknown): void {
    const message = `${t('errorLoading', { title: options.title })} ${describeError(error, t)}`;
    summary.textContent = message;
    // Refused for who is asking (401, 403): a notice with no retry, and a sign-in link where signing in helps.
    const refused = error instanceof ApiError ? refusalNotice(error.status, t) : null;
    if (refused) {
      body.dataset.state = 'refused';
      replace(body, refused);
      return;
    }
    showState(body, 'error', message, t, () => {
      currentKey = null;
      void load(key, make);
    });
    console.warn(`[${options.id}]`, error);
  }

  async function load(key: string, make: () => Promise<ChartView | null>): Promise<void> {
    if (key === currentKey) return;
    currentKey = key;
    showState(body, 'loading', t('loading'), t);
    enable(false, false);
    try {
      const next = await make();
      if (key !== currentKey) return;
      endLoading(body);
      view = next && next.table.rows.length > 0 ? next : null;
      label();
      summary.textContent = view ? view.summary : t('emptyState');
      if (!view) return showState(body, 'empty', t('emptyState'), t);
      draw();
      enable(true, body.querySelector('svg') !== null);
    } catch (error) {
      if (key !== currentKey) return;
      endLoading(body);
      view = null;
      label();
      fail(key, make, error);
    }
  }

  function setApi(request: ApiRequest): void {
    apiLink.href = requestUrl(request);
    apiLink.hidden = false;
    pointMethod(request);
  }

  // Charts follow their card's width (narrow screens, window resizes).
  onResize(body, () => lastWidth, draw);

  return {
    element,
    load,
    show: (key, request, toView) => {
      setApi(request);
      return load(key, async () => toView(await fetchRows(request)));
    },
    setApi,
    setHeading(title: string, unit?: string) {
      titleNode.textContent = title;
      unitText = unit ?? '';
      label();
    },
    setSource(text: string) {
      source = text;
      label();
    },
  };
}
