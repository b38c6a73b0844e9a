/**
 * The session client: who is signed in (GET /api/session), sign-in with a token and sign-out, and requests that
 * change something, made with the session cookie and the CSRF token the session names. Nothing here is cached:
 * every answer depends on who asks.
 */
import type { SessionInfo } from '../../../core/access.js';
import { ApiError, problemOf } from '../api.js';

export type { SessionInfo } from '../../../core/access.js';

let current: SessionInfo | null = null;

/** The session as last read, or null before the first answer (or when the server could not say). */
export const currentSession = (): SessionInfo | null => current;

interface RequestParts {
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** The server's problem title when a change's X-CSRF-Token is not the session's (server/access/csrf.ts). */
const csrfRefused = 'CSRF check failed';

/**
 * A request of this origin with the session cookie; a failed one throws an ApiError with the server's problem. A
 * change refused for a stale CSRF token (the session changed in another tab) is sent once more with a fresh one.
 */
export async function call(method: string, url: string, init: RequestParts = {}): Promise<Response> {
  try {
    return await send(method, url, init);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 403 && error.title === csrfRefused)) throw error;
    await loadSession();
    return send(method, url, init);
  }
}

async function send(method: string, url: string, init: RequestParts): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  if (method !== 'GET' && method !== 'HEAD') {
    const session = current ?? (await loadSession());
    headers['X-CSRF-Token'] = session.csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: init.body, credentials: 'same-origin', cache: 'no-store' });
  } catch (error) {
    throw new ApiError(url, 0, 'Network error', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await problemOf(url, response);
  return response;
}

export async function callJson<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await call(
    method,
    url,
    body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } },
  );
  return (await response.json()) as T;
}

/** Reads who is signed in, the mode and the CSRF token. */
export async function loadSession(): Promise<SessionInfo> {
  current = await callJson<SessionInfo>('GET', '/api/session');
  return current;
}

/** Signs in with an access token; the server answers with the session and sets its cookie. */
export async function signIn(token: string): Promise<SessionInfo> {
  current = await callJson<SessionInfo>('POST', '/api/session', { token });
  return current;
}

export async function signOut(): Promise<void> {
  await call('DELETE', '/api/session');
  current = null;
}
