import { describe, expect, it } from 'vitest';
import { carried, createUrlStore, formatState, listParam, parseState, withParams, type ViewState } from '../../web/src/state.js';

const at = (url: string) => {
  const parsed = new URL(url, 'http://dashboard.test');
  return parseState({ pathname: parsed.pathname, search: parsed.search });
};

describe('view state lives in the URL', () => {
  it('reads page, language and filters', () => {
    expect(at('/regions?lang=en&province=440000&compare=110000,310000')).toEqual({
      page: 'regions',
      lang: 'en',
      params: { province: '440000', compare: '110000,310000' },
    });
  });
  it('reads the older region parameter as the province', () => {
    expect(at('/training?region=620000').params).toEqual({ province: '620000' });
    expect(at('/training?region=620000&province=440000').params).toEqual({ province: '440000' });
  });
  it('carries the province, and only it, to another page', () => {
    expect(carried({ province: '620000', year: '2025', prefecture: '620100' })).toEqual({ province: '620000' });
    expect(carried({ year: '2025' })).toEqual({});
    const pushed: string[] = [];
    const fakeWindow = {
      location: { pathname: '/regions', search: '?province=620000&year=2025' },
      history: {
        pushState: (_s: unknown, _t: string, url: string) => pushed.push(url),
        replaceState: () => undefined,
      },
      addEventListener: () => undefined,
    } as unknown as Window;
    const store = createUrlStore(fakeWindow);
    store.navigate({ page: 'gaps' });
    expect(store.state).toEqual({ page: 'gaps', lang: 'zh', params: { province: '620000' } });
    store.navigate({ page: 'training' }, { program: 'knowledge_renewal' });
    expect(store.state.params).toEqual({ province: '620000', program: 'knowledge_renewal' });
    store.set({ province: null });
    store.navigate({ page: 'overview' });
    expect(store.state.params).toEqual({});
    expect(pushed).toEqual(['/gaps?province=620000', '/training?program=knowledge_renewal&province=620000', '/']);
  });
  it('defaults to the overview in Chinese', () => {
    expect(at('/')).toEqual({ page: 'overview', lang: 'zh', params: {} });
    expect(at('/index.html')).toEqual({ page: 'overview', lang: 'zh', params: {} });
    expect(at('/no-such-page?lang=fr')).toEqual({ page: 'overview', lang: 'zh', params: {} });
  });
  it('writes short, stable URLs: defaults left out, keys sorted, commas kept', () => {
    const state: ViewState = { page: 'gaps', lang: 'zh', params: { zone: 'yrd', quarter: '2026Q2' } };
    expect(formatState(state)).toBe('/gaps?quarter=2026Q2&zone=yrd');
    expect(formatState({ page: 'overview', lang: 'en', params: {} })).toBe('/?lang=en');
    expect(formatState({ page: 'regions', lang: 'en', params: { compare: '110000,310000' } })).toBe(
      '/regions?lang=en&compare=110000,310000',
    );
  });
  it('round-trips: format then parse gives the same state', () => {
    const states: ViewState[] = [
      { page: 'overview', lang: 'zh', params: {} },
      { page: 'training', lang: 'en', params: { program: 'knowledge_renewal', field: 'ai', province: '510000' } },
      { page: 'data', lang: 'zh', params: { item: 'query:talent-gap', 'p.quarter': '2026Q1', 'p.level': 'prefecture' } },
      { page: 'regions', lang: 'en', params: { compare: '110000,310000,440000', name: 'a b&c=d' } },
    ];
    for (const state of states) expect(at(formatState(state))).toEqual(state);
  });
  it('gives each docs page a path of its own below /docs', () => {
    expect(at('/docs')).toEqual({ page: 'docs', lang: 'zh', params: {} });
    expect(at('/docs/api?lang=en')).toEqual({ page: 'docs', lang: 'en', params: {}, doc: 'api' });
    expect(at('/docs/method/training-trend?province=620000')).toEqual({
      page: 'docs',
      lang: 'zh',
      params: { province: '620000' },
      doc: 'method/training-trend',
    });
    // Anything else below /docs is the docs index, never a path made of what the address held.
    expect(at('/docs/a/b/c').doc).toBeUndefined();
    expect(at('/docs/%3Cscript%3E').doc).toBeUndefined();
    expect(formatState({ page: 'docs', lang: 'en', params: {}, doc: 'method/zone-pressure' })).toBe('/docs/method/zone-pressure?lang=en');
    expect(formatState({ page: 'docs', lang: 'zh', params: {} })).toBe('/docs');
    for (const doc of ['api', 'data-model', 'sources', 'sample', 'method/training-trend']) {
      const state: ViewState = { page: 'docs', lang: 'en', params: {}, doc };
      expect(at(formatState(state))).toEqual(state);
    }
  });
  it('follows links inside the app with their fragment, and keeps the document when the language changes', () => {
    const pushed: string[] = [];
    const replaced: string[] = [];
    const fakeWindow = {
      location: { pathname: '/docs/api', search: '?lang=en', hash: '#training-trend' },
      history: {
        pushState: (_s: unknown, _t: string, url: string) => pushed.push(url),
        replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url),
      },
      addEventListener: () => undefined,
    } as unknown as Window;
    const store = createUrlStore(fakeWindow);
    expect(replaced).toEqual(['/docs/api?lang=en#training-trend']);
    const seen: string[] = [];
    store.subscribe((state, previous) => seen.push(`${previous.doc ?? '-'}→${state.doc ?? '-'}`));
    store.open('/docs/method/talent-gap?lang=en#columns');
    expect(store.state).toEqual({ page: 'docs', lang: 'en', params: {}, doc: 'method/talent-gap' });
    store.navigate({ lang: 'zh' });
    expect(store.state.doc).toBe('method/talent-gap');
    store.navigate({ page: 'gaps' });
    expect(store.state).toEqual({ page: 'gaps', lang: 'zh', params: {} });
    expect(pushed).toEqual(['/docs/method/talent-gap?lang=en#columns', '/docs/method/talent-gap', '/gaps']);
    expect(seen).toEqual(['api→method/talent-gap', 'method/talent-gap→method/talent-gap', 'method/talent-gap→-']);
  });
  it('changes filters: null and empty remove, lists join', () => {
    const base: ViewState = { page: 'regions', lang: 'zh', params: { region: '440000', year: '2025' } };
    const next = withParams(base, { year: null, compare: ['110000', '310000'], indicator: '' });
    expect(next.params).toEqual({ region: '440000', compare: '110000,310000' });
    expect(base.params).toEqual({ region: '440000', year: '2025' });
    expect(listParam('110000, 310000,,')).toEqual(['110000', '310000']);
    expect(listParam(undefined)).toEqual([]);
  });
});
