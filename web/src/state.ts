import type { Lang } from './i18n/format.js';

/**
 * All view state lives in the URL: the page is the path, the language and every filter are query parameters
 * (`/regions?lang=en&region=440000&compare=110000,310000`). Reloading or sharing a link restores the view.
 * Defaults are left out so that links stay short and stable. The docs pages have a path of their own below
 * `/docs` (`/docs/api`, `/docs/method/training-trend`), and a fragment (`#training-trend`) where they point into one.
 */
export const pageIds = [
  'overview',
  'regions',
  'gaps',
  'training',
  'competitions',
  'data',
  'docs',
  'brief',
  'signin',
  'submissions',
  'audit',
] as const;
export type PageId = (typeof pageIds)[number];

/**
 * The pages in the tabs; the province brief (`/brief`) is reached from the regions page once a province is chosen;
 * sign-in, submissions and the audit log from the header's account links.
 */
const untabbed: readonly PageId[] = ['brief', 'signin', 'submissions', 'audit'];
export const tabPageIds: readonly PageId[] = pageIds.filter((id) => !untabbed.includes(id));

export interface ViewState {
  page: PageId;
  lang: Lang;
  /** Page filters, as strings (lists comma-separated). */
  params: Readonly<Record<string, string>>;
  /** On the docs page, which document: the path below /docs ('api', 'method/training-trend'); absent: the index. */
  doc?: string;
}

/** A document path below /docs: one or two lower-case segments ('api', 'method/training-trend'). */
const docPattern = /^[a-z0-9-]+(\/[a-z0-9-]+)?$/;

/**
 * Filters that are not a page's own but the user's choice across the dashboard: the province (empty = the nation).
 * They are kept when the user goes to another page. `region`, its older name on single pages, is read as `province`.
 */
export const carriedParams = ['province'] as const;

/** The carried filters of a state (what a link to another page keeps). */
export function carried(params: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of carriedParams) if (params[key]) out[key] = params[key];
  return out;
}

export type ParamPatch = Record<string, string | number | readonly string[] | null | undefined>;

const isPage = (value: string): value is PageId => (pageIds as readonly string[]).includes(value);

/** Reads a location (path and query string) into a view state; unknown paths fall back to the overview. */
export function parseState(location: { pathname: string; search: string }): ViewState {
  const segments = location.pathname
    .replace(/\/index\.html$/, '')
    .split('/')
    .filter(Boolean);
  const docsAt = segments.indexOf('docs');
  const segment = docsAt >= 0 ? 'docs' : (segments.at(-1) ?? '');
  const page: PageId = isPage(segment) ? segment : 'overview';
  const doc = docsAt >= 0 ? segments.slice(docsAt + 1).join('/') : '';
  const query = new URLSearchParams(location.search);
  const lang: Lang = query.get('lang') === 'en' ? 'en' : 'zh';
  const params: Record<string, string> = {};
  for (const [key, value] of query) if (key !== 'lang' && value !== '') params[key] = value;
  if (params.region !== undefined) {
    params.province ??= params.region;
    delete params.region;
  }
  return { page, lang, params, ...(page === 'docs' && docPattern.test(doc) ? { doc } : {}) };
}

/** The URL (path and query) of a state: keys sorted, language first, zh left out as the default. */
export function formatState(state: ViewState): string {
  const query = new URLSearchParams();
  if (state.lang !== 'zh') query.set('lang', state.lang);
  for (const key of Object.keys(state.params).sort()) {
    const value = state.params[key];
    if (value !== '') query.set(key, value);
  }
  const search = query.toString().replaceAll('%2C', ',');
  const path = state.page === 'overview' ? '' : state.page === 'docs' && state.doc ? `docs/${state.doc}` : state.page;
  return `/${path}${search ? `?${search}` : ''}`;
}

/** A state with some filters changed; null, undefined or '' removes a filter; lists are joined with commas. */
export function withParams(state: ViewState, patch: ParamPatch): ViewState {
  const params: Record<string, string> = { ...state.params };
  for (const [key, value] of Object.entries(patch)) {
    const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);
    if (text === '') delete params[key];
    else params[key] = text;
  }
  return { ...state, params };
}

/** A comma-separated list parameter as an array (empty when absent). */
export function listParam(value: string | undefined): string[] {
  return value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
}

export interface UrlStore {
  readonly state: ViewState;
  /** Changes filters: replaces the history entry (filters are refinements, not navigation). */
  set(patch: ParamPatch): void;
  /** Goes to another page or language: a new history entry. Filters are kept for the same page; the province always. */
  navigate(next: Partial<Pick<ViewState, 'page' | 'lang'>>, params?: Record<string, string>): void;
  /** Follows a link inside the app (a path, query and fragment of this origin): a new history entry. */
  open(href: string): void;
  subscribe(listener: (state: ViewState, previous: ViewState) => void): void;
}

/** Binds a view state to the browser's location and history. */
export function createUrlStore(win: Window): UrlStore {
  let state = parseState(win.location);
  const listeners: ((state: ViewState, previous: ViewState) => void)[] = [];
  const commit = (next: ViewState, mode: 'push' | 'replace') => {
    const previous = state;
    state = next;
    const url = formatState(next);
    if (url !== formatState(previous) || mode === 'push') {
      if (mode === 'push') win.history.pushState(null, '', url);
      else win.history.replaceState(null, '', url);
    }
    for (const listener of listeners) listener(state, previous);
  };
  win.addEventListener('popstate', () => {
    const previous = state;
    state = parseState(win.location);
    for (const listener of listeners) listener(state, previous);
  });
  // Normalise the address bar (sorted keys, defaults dropped) without a new entry; a fragment stays.
  win.history.replaceState(null, '', formatState(state) + (win.location.hash ?? ''));
  return {
    get state() {
      return state;
    },
    set: (patch) => commit(withParams(state, patch), 'replace'),
    navigate(next, params) {
      const page = next.page ?? state.page;
      const lang = next.lang ?? state.lang;
      const same = page === state.page;
      const kept = same ? state.params : carried(state.params);
      const doc = same && state.doc ? { doc: state.doc } : {};
      commit({ page, lang, params: params ? { ...carried(state.params), ...params } : kept, ...doc }, 'push');
    },
    open(href) {
      const url = new URL(href, 'http://app.invalid');
      const previous = state;
      state = parseState(url);
      win.history.pushState(null, '', formatState(state) + url.hash);
      for (const listener of listeners) listener(state, previous);
    },
    subscribe: (listener) => void listeners.push(listener),
  };
}
