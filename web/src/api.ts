/**
 * The typed client: the only module that calls fetch for results (access/session.ts calls it for what depends on
 * who asks: the session, submissions, the audit log). Results come as Arrow IPC streams and are decoded into plain
 * rows typed by the wire contract (each query's declared columns); catalog and meta come as JSON. Results are kept
 * per URL until the data version changes.
 */
import type { Catalog, DatasetCatalog, InvalidParam, Meta } from '../../core/wire.js';
import type { DatasetName, DatasetRows, QueryName, QueryRows } from '../../queries/contract.js';
import type { Topology } from 'topojson-specification';
import { decodeArrow, type ResultSet, type Row } from './decode.js';

export type { Catalog, CatalogEntry, CatalogParam, DatasetCatalog, InvalidParam, Meta } from '../../core/wire.js';
export type { QueryName, DatasetName } from '../../queries/contract.js';

/** A failed request, with the server's problem details (RFC 9457) when it sent them. */
export class ApiError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }
}

export type ParamValue = string | number | boolean | readonly string[] | null | undefined;
export type Params = Record<string, ParamValue>;
export type Format = 'csv' | 'parquet' | 'arrow' | 'json';

/** A URL with its parameters (empty ones dropped, lists comma-joined, keys sorted for stable cache keys). */
export function apiUrl(path: string, params: Params = {}, format?: Format): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === null || value === undefined || value === '') continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (format) query.set('format', format);
  const text = query.toString().replaceAll('%2C', ',');
  return text ? `${path}?${text}` : path;
}

let dataVersion: string | null = null;
const versionListeners: ((version: string) => void)[] = [];
/** A result kept per URL, with the data version its response carried (undefined while it is on its way). */
interface CacheEntry {
  promise: Promise<unknown>;
  version?: string | null;
}
const cache = new Map<string, CacheEntry>();

/** Called when a response carries a data version other than the one seen before (a new snapshot went live). */
export function onDataVersion(listener: (version: string) => void): void {
  versionListeners.push(listener);
}

/**
 * Notes the data version a response carries. Snapshot ids sort by time, so a late answer from an older snapshot
 * changes nothing; a newer one drops every result of another version and tells the listeners.
 */
function noteVersion(response: Response): string | null {
  const version = response.headers.get('X-Data-Version');
  if (!version || (dataVersion !== null && version <= dataVersion)) return version;
  const changed = dataVersion !== null;
  dataVersion = version;
  if (changed) {
    for (const [url, entry] of cache) if (entry.version !== undefined && entry.version !== version) cache.delete(url);
    for (const listener of versionListeners) listener(version);
  }
  return version;
}

/**
 * Asks the server which data version it serves now (GET /api/meta, read afresh) and tells the listeners when it
 * is newer than the one seen: after a publication, before any result of the new snapshot has been read.
 */
export async function checkDataVersion(): Promise<string | null> {
  const response = await fetch('/api/meta', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  await response.body?.cancel();
  return response.ok ? noteVersion(response) : null;
}

export async function problemOf(url: string, response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as { title?: string; detail?: string; invalid_params?: InvalidParam[] };
      return new ApiError(url, response.status, body.title ?? response.statusText, body.detail, body.invalid_params ?? []);
    } catch {
      /* fall through to the status line */
    }
  }
  return new ApiError(url, response.status, `HTTP ${response.status} ${response.statusText}`.trim());
}

async function request(url: string, accept: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: accept } });
  } catch (error) {
    throw new ApiError(url, 0, 'Network error', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await problemOf(url, response);
  return response;
}

/**
 * One fetch per URL until the data version changes: identical requests share it. A failure is not kept, nor is
 * a result whose version is no longer the current one (an older snapshot's answer that arrived late).
 */
function cached<T>(url: string, accept: string, read: (response: Response) => Promise<T>): Promise<T> {
  const existing = cache.get(url);
  if (existing) return existing.promise as Promise<T>;
  const entry: CacheEntry = { promise: Promise.resolve() };
  const promise = (async () => {
    const response = await request(url, accept);
    const version = noteVersion(response);
    const value = await read(response);
    entry.version = version;
    if (version !== null && dataVersion !== null && version !== dataVersion && cache.get(url) === entry) cache.delete(url);
    return value;
  })();
  entry.promise = promise;
  cache.set(url, entry);
  promise.catch(() => {
    if (cache.get(url) === entry) cache.delete(url);
  });
  return promise;
}

const rows = <R>(url: string): Promise<ResultSet<R>> =>
  cached(
    url,
    'application/vnd.apache.arrow.stream',
    async (response) => decodeArrow(new Uint8Array(await response.arrayBuffer())) as ResultSet<R>,
  );

const json = <T>(url: string): Promise<T> => cached(url, 'application/json', async (response) => (await response.json()) as T);

/** One request of a catalog analytic (GET /api/queries/:name) or a dataset export (GET /api/datasets/:name). */
export interface QueryRequest<N extends QueryName = QueryName> {
  kind: 'query';
  name: N;
  params: Params;
}
export interface DatasetRequest<N extends DatasetName = DatasetName> {
  kind: 'dataset';
  name: N;
  params: Params;
}
export type ApiRequest = QueryRequest | DatasetRequest;

/** The row type a request returns, from the wire contract. */
export type RowsOf<R extends ApiRequest> =
  R extends QueryRequest<infer N> ? QueryRows[N] : R extends DatasetRequest<infer N> ? DatasetRows[N] : never;

export const query = <N extends QueryName>(name: N, params: Params = {}): QueryRequest<N> => ({ kind: 'query', name, params });
export const dataset = <N extends DatasetName>(name: N, params: Params = {}): DatasetRequest<N> => ({ kind: 'dataset', name, params });

/** The URL of a request: what is fetched, and what a card's API link and download buttons point to. */
export function requestUrl(request: ApiRequest, format?: Format): string {
  const base = request.kind === 'query' ? '/api/queries' : '/api/datasets';
  return apiUrl(`${base}/${encodeURIComponent(request.name)}`, request.params, format);
}

/** The decoded rows of a request, typed by the contract. */
export const fetchRows = <R extends ApiRequest>(request: R): Promise<ResultSet<RowsOf<R>>> => rows<RowsOf<R>>(requestUrl(request));

/** Rows of a catalog analytic. */
export const queryRows = <N extends QueryName>(name: N, params: Params = {}) => fetchRows(query(name, params));

/** Rows of a dataset export. */
export const datasetRows = <N extends DatasetName>(name: N, params: Params = {}) => fetchRows(dataset(name, params));

/** Rows of an entry chosen at run time from the catalog (the Data page): untyped, since the name is data. */
export const catalogRows = (kind: ApiRequest['kind'], name: string, params: Params = {}): Promise<ResultSet<Row>> =>
  rows<Row>(apiUrl(`/api/${kind === 'query' ? 'queries' : 'datasets'}/${encodeURIComponent(name)}`, params));

export const getMeta = (): Promise<Meta> => json<Meta>('/api/meta');
export const getCatalog = (): Promise<Catalog> => json<Catalog>('/api/queries');
export const getDatasets = (): Promise<DatasetCatalog> => json<DatasetCatalog>('/api/datasets');

/**
 * A province's prefecture boundaries: the TopoJSON at /geo/<province code>.json (web/public/geo, served with the
 * app, object `prefectures`, properties.code per prefecture). Kept like any other result.
 */
export const getShapes = (province: string): Promise<Topology> => json<Topology>(`/geo/${encodeURIComponent(province)}.json`);
