import './styles.css';
import { datasetRows, getMeta, onDataVersion, type Meta } from './api.js';
import { describeError } from './ui/card-frame.js';
import { shapeProvinces, shapeReferenceLists, type References } from './data/references.js';
import { translator, type MessageKey } from './i18n/index.js';
import type { PageContext, PageInstance, PageMount } from './pages/context.js';
import { mountBrief } from './pages/brief.js';
import { mountCompetitions } from './pages/competitions.js';
import { mountData } from './pages/data.js';
import { mountDocs } from './pages/docs.js';
import { mountGaps } from './pages/gaps.js';
import { mountOverview } from './pages/overview.js';
import { mountRegions } from './pages/regions.js';
import { mountTraining } from './pages/training.js';
import { mountSignIn } from './pages/signin.js';
import { mountSubmissions } from './pages/submissions.js';
import { mountAudit } from './pages/audit.js';
import { accountNav, demoBanner } from './access/chrome.js';
import { rememberProvinces } from './access/refusal.js';
import { currentSession, loadSession } from './access/session.js';
import { provinceNamer } from './view-models/access.js';
import { carried, createUrlStore, formatState, tabPageIds, type PageId, type ViewState } from './state.js';
import { formatPeriod } from './i18n/period.js';
import { selectControl } from './ui/controls.js';
import { nameOf } from './i18n/index.js';
import { h, replace } from './ui/dom.js';
import { describeFilterChange } from './view-models/announce.js';

const pages: Record<PageId, { mount: PageMount; label: MessageKey }> = {
  overview: { mount: mountOverview, label: 'pageOverview' },
  regions: { mount: mountRegions, label: 'pageRegions' },
  gaps: { mount: mountGaps, label: 'pageGaps' },
  training: { mount: mountTraining, label: 'pageTraining' },
  competitions: { mount: mountCompetitions, label: 'pageCompetitions' },
  data: { mount: mountData, label: 'pageData' },
  docs: { mount: mountDocs, label: 'pageDocs' },
  brief: { mount: mountBrief, label: 'pageBrief' },
  signin: { mount: mountSignIn, label: 'pageSignIn' },
  submissions: { mount: mountSubmissions, label: 'pageSubmissions' },
  audit: { mount: mountAudit, label: 'pageAudit' },
};

const store = createUrlStore(window);
const app = document.getElementById('app')!;
/** The open demo mode's banner (access/chrome.ts), above the header on every page. */
const banner = h('div', { class: 'banner-slot' });
const header = h('header', { class: 'app-header' });
const nav = h('nav', { class: 'tabs', 'aria-label': '' });
const main = h('main', { class: 'page', id: 'main', tabindex: -1 });
const footer = h('footer', { class: 'app-footer' });
/** Shown on paper only (styles.css, @media print): the data version, the periods of the data and the day printed. */
const printFooter = h('footer', { class: 'print-footer', 'aria-hidden': 'true' });
/** Says what a filter change did ("已更新：2025年 甘肃省"), once, for screen readers. */
const announcer = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
app.replaceChildren(h('a', { class: 'skip-link', href: '#main' }, ''), banner, header, nav, main, footer, printFooter, announcer);

let meta: Meta | null = null;
let refs: References | null = null;
let mounted: { page: PageId; lang: string; instance: PageInstance } | null = null;

function linkTo(state: ViewState): string {
  return formatState(state);
}

function renderChrome(state: ViewState): void {
  const t = translator(state.lang);
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${t(pages[state.page].label)} · ${t('appName')}`;
  (app.querySelector('.skip-link') as HTMLElement).textContent = t('skipToContent');
  const synthetic = meta ? meta.sources.length === 0 || meta.sources.every((s) => s === 'synthetic') : false;
  const otherLang = state.lang === 'zh' ? 'en' : 'zh';
  replace(banner, demoBanner(currentSession(), t));
  replace(
    header,
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '人'),
      h('div', {}, h('p', { class: 'brand-name' }, t('appName')), h('p', { class: 'brand-sub' }, t('appSubtitle'))),
    ),
    h(
      'div',
      { class: 'header-tools' },
      provinceControl(state),
      meta
        ? h(
            'span',
            {
              class: 'version-chip',
              title: t('versionChipTitle', { version: meta.snapshot, ingest: meta.freshness.last_ingest ?? '–' }),
              'data-version': meta.snapshot,
            },
            h('span', { class: 'dot', 'aria-hidden': 'true' }),
            `${t('dataVersionShort')} ${meta.snapshot.slice(0, 13)}`,
            synthetic ? h('span', { class: 'synthetic' }, t('syntheticShort')) : null,
          )
        : null,
      accountNav(
        currentSession(),
        t,
        state.page,
        (page) => linkTo({ page, lang: state.lang, params: carried(state.params) }),
        provinceNamer(refs?.provinces ?? [], state.lang),
      ),
      h(
        'a',
        {
          class: 'lang-toggle',
          href: linkTo({ ...state, lang: otherLang }),
          hreflang: otherLang === 'zh' ? 'zh-CN' : 'en',
          lang: otherLang === 'zh' ? 'zh-CN' : 'en',
          'data-action': 'toggle-language',
          onclick: (event: Event) => {
            event.preventDefault();
            // The same view in the other language, at the same place of a document (/docs/api#training-trend).
            store.open(linkTo({ ...store.state, lang: otherLang }) + window.location.hash);
          },
        },
        t('otherLanguage'),
      ),
    ),
  );
  nav.setAttribute('aria-label', t('pagesNav'));
  replace(
    nav,
    tabPageIds.map((id) =>
      h(
        'a',
        {
          class: 'tab',
          href: linkTo({ page: id, lang: state.lang, params: carried(state.params) }),
          'data-page': id,
          'aria-current': id === state.page ? 'page' : null,
          onclick: (event: MouseEvent) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            if (id !== store.state.page) store.navigate({ page: id });
          },
        },
        t(pages[id].label),
      ),
    ),
  );
  const docsLink = (doc: string, label: MessageKey) =>
    h(
      'a',
      { href: linkTo({ page: 'docs', lang: state.lang, params: carried(state.params), ...(doc ? { doc } : {}) }), 'data-nav': '' },
      t(label),
    );
  replace(
    footer,
    h('p', {}, t('footerNote')),
    h(
      'nav',
      { class: 'footer-docs', 'aria-label': t('pageDocs') },
      docsLink('', 'pageDocs'),
      docsLink('api', 'docsApiTitle'),
      docsLink('sources', 'docsSourcesTitle'),
      docsLink('sample', 'docsSampleTitle'),
    ),
  );
  replace(printFooter, meta ? h('p', {}, printLine(state, meta)) : null);
}

/** The print footer's line: data version, the months and quarter the data reach, today's date. */
function printLine(state: ViewState, current: Meta): string {
  const t = translator(state.lang);
  const today = new Date();
  const date = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const f = current.freshness;
  return t('printFooter', {
    version: `${t('dataVersionShort')} ${current.snapshot}`,
    training: f.training_through
      ? formatPeriod({ start: `${f.training_through.slice(0, 4)}-01`, end: f.training_through }, state.lang, 'through')
      : '–',
    labor: formatPeriod(f.labor_market_through, state.lang, 'through'),
    date,
  });
}

/**
 * The one control for the province the whole dashboard looks at (empty: the nation). It is a carried filter: it
 * stays chosen on every page. Choosing one drops the page's prefecture, which belongs to the province before.
 */
function provinceControl(state: ViewState): HTMLElement | null {
  if (!refs) return null;
  const t = translator(state.lang);
  const options = [
    { value: '', label: t('nation') },
    ...refs.provinces.filter((p) => p.inMainland).map((p) => ({ value: p.code, label: nameOf(p, state.lang) })),
  ];
  const control = selectControl('province', t('provinceScopeLabel'), options, state.params.province ?? '', (value) =>
    store.set({ province: value, prefecture: null, compare: null }),
  );
  control.classList.add('scope-control');
  return control;
}

function contextFor(state: ViewState): PageContext {
  return {
    state,
    lang: state.lang,
    t: translator(state.lang),
    meta: meta!,
    refs: refs!,
    set: (patch) => store.set(patch),
    navigate: (page, params) => store.navigate({ page }, params),
  };
}

/** The control that had focus, so that it can have it again after the page redraws its toolbar. */
function focusedControl(): string | null {
  const active = document.activeElement as HTMLElement | null;
  const control = active?.closest<HTMLElement>('[data-param]');
  if (!control || !app.contains(control)) return null;
  const value = active?.dataset.value;
  return `[data-param="${control.dataset.param}"]${value ? ` [data-value="${value}"]` : ''}`;
}

function render(state: ViewState): void {
  renderChrome(state);
  if (!meta || !refs) return;
  const ctx = contextFor(state);
  if (!mounted || mounted.page !== state.page || mounted.lang !== state.lang) {
    main.replaceChildren();
    main.dataset.page = state.page;
    mounted = { page: state.page, lang: state.lang, instance: pages[state.page].mount(main, ctx) };
  }
  const focus = focusedControl();
  mounted.instance.update(ctx);
  if (focus) app.querySelector<HTMLElement>(focus)?.focus();
}

async function boot(): Promise<void> {
  renderChrome(store.state);
  const t = translator(store.state.lang);
  replace(
    main,
    h(
      'div',
      { class: 'boot state state-loading', role: 'status' },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      h('p', {}, t('loading')),
    ),
  );
  try {
    // Who is signed in decides what the header offers; the app works without the answer (nothing is offered).
    const session = loadSession().catch(() => null);
    const [loadedMeta, lists, regions] = await Promise.all([
      getMeta(),
      datasetRows('reference-lists'),
      datasetRows('region', { levels: 'province' }),
    ]);
    meta = loadedMeta;
    refs = { ...shapeReferenceLists(lists.rows), provinces: shapeProvinces(regions.rows) };
    rememberProvinces(refs.provinces);
    await session;
  } catch (error) {
    const tt = translator(store.state.lang);
    replace(
      main,
      h(
        'div',
        { class: 'boot state state-error', role: 'alert' },
        h('p', {}, `${tt('errorBoot')} ${describeError(error, tt)}`),
        h('button', { type: 'button', class: 'retry', onclick: () => void boot() }, tt('retry')),
      ),
    );
    return;
  }
  render(store.state);
}

store.subscribe((state, previous) => {
  if (state.page !== previous.page || state.doc !== previous.doc) window.scrollTo({ top: 0 });
  render(state);
  if (refs && state.page === previous.page && state.lang === previous.lang) {
    const said = describeFilterChange(previous.params, state.params, refs, state.lang, translator(state.lang));
    if (said) announcer.textContent = said;
  }
});

// Links inside the app marked data-nav (the docs pages, a card's method link) change the view without a reload.
app.addEventListener('click', (event: MouseEvent) => {
  if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-nav]');
  if (!link || link.origin !== window.location.origin) return;
  event.preventDefault();
  store.open(link.pathname + link.search + link.hash);
});

/** Pages that show no analytics: a new snapshot changes only their header's data version, not what they show. */
const dataFree: readonly PageId[] = ['signin', 'submissions', 'audit'];

// A new snapshot went live while the page was open: take its meta, then draw everything again.
onDataVersion(async () => {
  meta = await getMeta();
  if (mounted && !dataFree.includes(mounted.page)) mounted = null;
  render(store.state);
});

void boot();
