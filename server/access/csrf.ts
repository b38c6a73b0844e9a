import type { Request, RequestHandler } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { HttpProblem } from '../problem.js';
import type { AccessRuntime } from './runtime.js';
import { readSession, sessionCookieName } from './session-cookie.js';

export const csrfCookieName = 'td_csrf';

/**
 * CSRF protection of the session cookie (csrf-csrf, double submit bound to the session id): every POST, PUT, PATCH
 * or DELETE sent with the cookie must carry the token from GET /api/session in X-CSRF-Token. A Bearer token is
 * not sent by the browser on its own, so requests carrying one need none; neither does the open demo mode.
 */
export function csrfProtection(access: AccessRuntime): {
  protect: RequestHandler;
  issue: (req: Request, res: Parameters<RequestHandler>[1]) => string;
} {
  const sessionIdOf = (req: Request) =>
    readSession(access.secret, (req.cookies as Record<string, string> | undefined)?.[sessionCookieName])?.sid ?? 'signed-out';
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => access.secret.toString('base64'),
    getSessionIdentifier: sessionIdOf,
    cookieName: csrfCookieName,
    cookieOptions: { sameSite: 'strict', path: '/', secure: access.secureCookies, httpOnly: true },
    getCsrfTokenFromRequest: (req) => req.get('x-csrf-token'),
  });
  const safe = new Set(['GET', 'HEAD', 'OPTIONS']);
  const protect: RequestHandler = (req, _res, next) => {
    if (access.mode === 'open' || safe.has(req.method) || req.get('authorization') !== undefined) return next();
    if (validateRequest(req)) return next();
    next(
      new HttpProblem(
        403,
        'CSRF check failed',
        'a change made with the session cookie must carry the X-CSRF-Token header given by GET /api/session',
      ),
    );
  };
  return { protect, issue: (req, res) => generateCsrfToken(req, res, { overwrite: true }) };
}
