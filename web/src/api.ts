import type { Catalog, DatasetCatalog, InvalidParam, Meta } from '../../core/wire.js';
import { decodeArrow, type ResultSet } from './decode.js';

/**
 * The typed client: the only module that calls fetch. Results come as Arrow IPC streams and are decoded into
 * plain rows; catalog and meta come as JSON. Results are kept per URL until the data version changes.
 */
export type { Catalog, CatalogEntry, CatalogParam, DatasetCatalog, InvalidParam, Meta } from '../../core/wire.js';

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
const cache = new Map<string, Promise<unknown>>();

/** Called when a response carries a data version other than the one seen before (a new snapshot went live). */
export function onDataVersion(listener: (version: string) => void): void {
  versionListeners.push(listener);
}

function noteVersion(response: Response): void {
  const version = response.headers.get('X-Data-Version');
  if (!version || version === dataVersion) return;
  const changed = dataVersion !== null;
  dataVersion = version;
  if (changed) {
    cache.clear();
    for (const listener of versionListeners) listener(version);
  }
}

async function problemOf(url: string, response: Response): Promise<ApiError> {
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
  noteVersion(response);
  return response;
}

function cached<T>(url: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(url) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    cache.set(url, promise);
    promise.catch(() => cache.delete(url));
  }
  return promise;
}

async function rows(url: string): Promise<ResultSet> {
  return cached(url, async () => {
    const response = await request(url, 'application/vnd.apache.arrow.stream');
    return decodeArrow(new Uint8Array(await response.arrayBuffer()));
  });
}

const json = <T>(url: string): Promise<T> => cached(url, async () => (await (await request(url, 'application/json')).json()) as T);

/** Rows of a catalog query: GET /api/queries/:name. */
export const queryRows = (name: string, params: Params = {}): Promise<ResultSet> =>
  rows(apiUrl(`/api/queries/${encodeURIComponent(name)}`, params));

/** Rows of a dataset export: GET /api/datasets/:name. */
export const datasetRows = (name: string, params: Params = {}): Promise<ResultSet> =>
  rows(apiUrl(`/api/datasets/${encodeURIComponent(name)}`, params));

export const getMeta = (): Promise<Meta> => json<Meta>('/api/meta');
export const getCatalog = (): Promise<Catalog> => json<Catalog>('/api/queries');
export const getDatasets = (): Promise<DatasetCatalog> => json<DatasetCatalog>('/api/datasets');
