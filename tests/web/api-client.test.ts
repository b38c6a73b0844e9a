import { Dictionary, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ApiModule from '../../web/src/api.js';

type Api = typeof ApiModule;

/** web/src/api.ts keeps its cache and data version in module state: each test gets a fresh copy. */
let api: Api;
/** Every fetch the client made: its URL and Accept header. */
let calls: { url: string; accept: string | null }[];
/** What the stubbed server answers for a URL (a new Response each time, since a body reads once). */
let answer: (url: string) => Response | Promise<Response>;

beforeEach(async () => {
  vi.resetModules();
  api = await import('../../web/src/api.js');
  calls = [];
  answer = () => {
    throw new Error('no answer set');
  };
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    calls.push({ url: input, accept: new Headers(init?.headers).get('Accept') });
    return answer(input);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A tiny Arrow IPC stream, as the server sends results (text dictionary-encoded). */
function arrowResponse(version: string | null, columns: { region_code: string[]; person_times: number[] }): Response {
  const bytes = tableToIPC(
    new Table({
      region_code: vectorFromArray(columns.region_code, new Dictionary(new Utf8(), new Int32())),
      person_times: vectorFromArray(Int32Array.from(columns.person_times)),
    }),
    'stream',
  );
  const headers: Record<string, string> = { 'Content-Type': 'application/vnd.apache.arrow.stream' };
  if (version) headers['X-Data-Version'] = version;
  return new Response(new Blob([new Uint8Array(bytes)]), { status: 200, headers });
}

const jsonResponse = (body: unknown, version: string | null, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...(version ? { 'X-Data-Version': version } : {}) } });

const rowsOf = { region_code: ['440000', '110000'], person_times: [120, 45] };

describe('request URLs', () => {
  it('drop empty parameters, join lists with commas and sort keys, so that equal requests have equal URLs', () => {
    expect(api.apiUrl('/api/queries/talent-gap', { year: 2024, region: '', regions: ['440000', '110000'], a: null, b: undefined })).toBe(
      '/api/queries/talent-gap?regions=440000,110000&year=2024',
    );
    expect(api.apiUrl('/api/queries/talent-gap', { level: 'province' }, 'csv')).toBe('/api/queries/talent-gap?level=province&format=csv');
    expect(api.apiUrl('/api/meta')).toBe('/api/meta');
    expect(api.requestUrl(api.query('training-trend', { region: '440000', program: 'knowledge_renewal' }))).toBe(
      '/api/queries/training-trend?program=knowledge_renewal&region=440000',
    );
    expect(api.requestUrl(api.dataset('region', { levels: ['province'] }), 'parquet')).toBe(
      '/api/datasets/region?levels=province&format=parquet',
    );
  });
});

describe('the API client', () => {
  it('decodes an Arrow result into typed rows, asking for Arrow', async () => {
    answer = () => arrowResponse('snap-1', rowsOf);
    const result = await api.queryRows('training-by-region', { year: 2024 });
    expect(calls).toEqual([{ url: '/api/queries/training-by-region?year=2024', accept: 'application/vnd.apache.arrow.stream' }]);
    expect(result.rows).toEqual([
      { region_code: '440000', person_times: 120 },
      { region_code: '110000', person_times: 45 },
    ]);
    expect(result.columns).toEqual([
      { name: 'region_code', type: 'string' },
      { name: 'person_times', type: 'integer' },
    ]);
  });

  it('fetches two identical requests once, even concurrent ones and with parameters in another order', async () => {
    answer = () => arrowResponse('snap-1', rowsOf);
    const [a, b] = await Promise.all([
      api.queryRows('training-by-region', { year: 2024, program: 'knowledge_renewal' }),
      api.queryRows('training-by-region', { program: 'knowledge_renewal', year: 2024 }),
    ]);
    const c = await api.fetchRows(api.query('training-by-region', { year: 2024, program: 'knowledge_renewal' }));
    expect(calls).toHaveLength(1);
    expect(b).toBe(a);
    expect(c).toBe(a);

    await api.queryRows('training-by-region', { year: 2023, program: 'knowledge_renewal' });
    await api.datasetRows('region', { year: 2024, program: 'knowledge_renewal' });
    expect(calls.map((call) => call.url)).toEqual([
      '/api/queries/training-by-region?program=knowledge_renewal&year=2024',
      '/api/queries/training-by-region?program=knowledge_renewal&year=2023',
      '/api/datasets/region?program=knowledge_renewal&year=2024',
    ]);
  });

  it('caches JSON (meta, catalog) the same way, asking for JSON', async () => {
    answer = () => jsonResponse({ snapshot: 'snap-1', queries: [] }, 'snap-1');
    const first = await api.getCatalog();
    const second = await api.getCatalog();
    expect(second).toBe(first);
    expect(calls).toEqual([{ url: '/api/queries', accept: 'application/json' }]);
  });

  it('does not cache a failed request: the error carries the problem details, and the next request fetches again', async () => {
    answer = () =>
      jsonResponse(
        {
          type: 'about:blank',
          title: 'Invalid parameters',
          status: 400,
          detail: 'year out of range',
          invalid_params: [{ name: 'year', reason: 'must be ≥ 2015' }],
        },
        null,
        400,
        'application/problem+json',
      );
    const failed = api.queryRows('training-by-region', { year: 1990 });
    await expect(failed).rejects.toBeInstanceOf(api.ApiError);
    await expect(failed).rejects.toMatchObject({
      status: 400,
      title: 'Invalid parameters',
      detail: 'year out of range',
      invalidParams: [{ name: 'year', reason: 'must be ≥ 2015' }],
      message: 'Invalid parameters: year out of range',
      url: '/api/queries/training-by-region?year=1990',
    });

    answer = () => arrowResponse('snap-1', rowsOf);
    const result = await api.queryRows('training-by-region', { year: 1990 });
    expect(result.rows).toHaveLength(2);
    expect(calls).toHaveLength(2);
    // …and the success is kept.
    await api.queryRows('training-by-region', { year: 1990 });
    expect(calls).toHaveLength(2);
  });

  it('does not cache a network failure or a non-JSON error either', async () => {
    answer = () => {
      throw new TypeError('fetch failed');
    };
    await expect(api.getMeta()).rejects.toMatchObject({ status: 0, title: 'Network error', detail: 'fetch failed' });
    answer = () =>
      new Response('upstream down', { status: 503, statusText: 'Service Unavailable', headers: { 'Content-Type': 'text/plain' } });
    await expect(api.getMeta()).rejects.toMatchObject({ status: 503, title: 'HTTP 503 Service Unavailable' });
    answer = () => jsonResponse({ snapshot: 'snap-1' }, 'snap-1');
    await expect(api.getMeta()).resolves.toEqual({ snapshot: 'snap-1' });
    expect(calls).toHaveLength(3);
  });

  it('on a new data version clears its cache and tells the listeners, once; the first version seen is no change', async () => {
    const seen: string[] = [];
    api.onDataVersion((version) => seen.push(version));
    answer = () => arrowResponse('snap-1', rowsOf);

    await api.queryRows('training-trend', { region: '440000' }); // first sighting of snap-1: no event
    await api.queryRows('talent-gap'); // same version
    answer = () => arrowResponse(null, rowsOf); // no header: no change
    await api.queryRows('zone-pressure');
    expect(seen).toEqual([]);
    expect(calls).toHaveLength(3);
    await api.queryRows('training-trend', { region: '440000' });
    await api.queryRows('talent-gap');
    expect(calls).toHaveLength(3); // still cached

    answer = () => arrowResponse('snap-2', rowsOf);
    await api.queryRows('competition-trend'); // a new snapshot went live
    expect(seen).toEqual(['snap-2']);
    await api.queryRows('competition-trend'); // the answer that announced it is kept
    expect(calls).toHaveLength(4);

    // Results of the old snapshot are gone: asking again fetches them again, and tells no one.
    await api.queryRows('training-trend', { region: '440000' });
    await api.queryRows('talent-gap');
    expect(calls.map((call) => call.url)).toEqual([
      '/api/queries/training-trend?region=440000',
      '/api/queries/talent-gap',
      '/api/queries/zone-pressure',
      '/api/queries/competition-trend',
      '/api/queries/training-trend?region=440000',
      '/api/queries/talent-gap',
    ]);
    await api.queryRows('talent-gap');
    expect(calls).toHaveLength(6);
    expect(seen).toEqual(['snap-2']);
  });

  it('ignores a late answer from an older snapshot: no event, the newer results stay, and the late one is not kept', async () => {
    const seen: string[] = [];
    api.onDataVersion((version) => seen.push(version));
    answer = () => arrowResponse('20261130T010000000-aaaa', rowsOf);
    await api.queryRows('talent-gap');
    answer = () => arrowResponse('20261130T020000000-bbbb', rowsOf);
    await api.queryRows('zone-pressure');
    expect(seen).toEqual(['20261130T020000000-bbbb']);

    answer = () => arrowResponse('20261130T010000000-aaaa', rowsOf); // a request that was slow on the old snapshot
    await api.queryRows('training-trend');
    expect(seen).toEqual(['20261130T020000000-bbbb']);
    await api.queryRows('zone-pressure'); // still cached: the old answer cleared nothing
    expect(calls).toHaveLength(3);
    answer = () => arrowResponse('20261130T020000000-bbbb', rowsOf);
    await api.queryRows('training-trend'); // the stale answer was not kept
    expect(calls).toHaveLength(4);
  });

  it('starts each test from a clean module: nothing cached from before', async () => {
    answer = () => arrowResponse('snap-1', rowsOf);
    await api.queryRows('training-by-region', { year: 2024 });
    expect(calls).toHaveLength(1);
  });
});
