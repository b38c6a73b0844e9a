import { ApiError } from '../api.js';
import type { OpenApiDocument } from '../view-models/docs-api.js';

/**
 * The docs pages' own requests, which no other page makes: the OpenAPI document and the product's Markdown
 * documents (GET /api/docs/:name). Neither depends on the data version, so each is fetched once a visit; a
 * failure is not kept. Failures are ApiErrors, as api.ts reports them.
 */
const kept = new Map<string, Promise<unknown>>();

function once<T>(url: string, accept: string, read: (response: Response) => Promise<T>): Promise<T> {
  const existing = kept.get(url);
  if (existing) return existing as Promise<T>;
  const promise = (async () => {
    let response: Response;
    try {
      response = await fetch(url, { headers: { Accept: accept } });
    } catch (error) {
      throw new ApiError(url, 0, 'Network error', error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
      throw new ApiError(url, response.status, problem.title ?? `HTTP ${response.status}`, problem.detail);
    }
    return read(response);
  })();
  kept.set(url, promise);
  promise.catch(() => kept.delete(url));
  return promise;
}

export const getOpenApi = (): Promise<OpenApiDocument> =>
  once('/api/openapi.json', 'application/json', async (response) => (await response.json()) as OpenApiDocument);

export const getDocument = (name: string): Promise<string> =>
  once(`/api/docs/${encodeURIComponent(name)}`, 'text/markdown', (response) => response.text());
