import type { Request, RequestHandler, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { principalOf } from './principal.js';
import { HttpProblem } from '../problem.js';
import type { AccessRuntime } from './runtime.js';
import { readSession, sessionCookieName } from './session-cookie.js';

export const csrfCookieName = 'td_csrf';

/** Issues the CSRF token of the request's session: the one its cookie holds while valid, a new one when renew. */
export type IssueCsrf = (req: Request, res: Response, renew?: boolean) => string;

const safe = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection of the session cookie (csrf-csrf, double submit bound to the session id): every POST, PUT, PATCH
 * or DELETE that the session cookie authenticates — and the sign-in itself — must carry the token from
 * GET /api/session in X-CSRF-Token. A Bearer token is never sent by a browser on its own, so requests carrying one
 * need none; an anonymous request is refused by the policy for what it is (401), not here.
 */
export function csrfProtection(access: AccessRuntime): { protect: RequestHandler; issue: IssueCsrf } {
  const sessionIdOf = (req: Request) =>
    readSession(access.secret, (req.cookies as Record<string, string> | undefined)?.[sessionCookieName])?.sid ?? 'signed-out';
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => access.secret.toString('base64'),
    getSessionIdentifier: sessionIdOf,
    cookieName: csrfCookieName,
    cookieOptions: { sameSite: 'strict', path: '/', secure: access.secureCookies, httpOnly: true },
    getCsrfTokenFromRequest: (req) => req.get('x-csrf-token'),
  });
  const protect: RequestHandler = (req, res, next) => {
    if (access.mode === 'open' || safe.has(req.method)) return next();
    const signingIn = req.method === 'POST' && req.path === '/session';
    if (!signingIn && principalOf(res).via !== 'session') return next();
    if (validateRequest(req)) return next();
    next(
      new HttpProblem(
        403,
        'CSRF check failed',
        'a change made with the session cookie must carry the X-CSRF-Token header given by GET /api/session',
      ),
    );
  };
  // Several tabs share one cookie: a token still valid for the session is kept, so no tab's token goes stale.
  const issue: IssueCsrf = (req, res, renew = false) => generateCsrfToken(req, res, { overwrite: renew });
  return { protect, issue };
}

/**
 * Changes come from the dashboard's own pages or from scripts, never from another site's page: an unsafe request a
 * browser marks as cross-site (Sec-Fetch-Site, or an Origin of another host) is refused, in every mode — the open
 * demo mode included, where everyone may change things.
 */
export const sameOriginChanges: RequestHandler = (req, _res, next) => {
  if (safe.has(req.method)) return next();
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  let crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
  if (!crossSite && origin !== undefined && origin !== 'null') {
    try {
      crossSite = new URL(origin).host !== req.get('host');
    } catch {
      crossSite = true;
    }
  }
  next(
    crossSite
      ? new HttpProblem(
          403,
          'Cross-site request refused',
          'changes are accepted from the dashboard itself or from scripts, not from another site',
        )
      : undefined,
  );
};
