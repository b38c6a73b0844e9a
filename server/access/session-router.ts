import express, { Router, type Request, type Response } from 'express';
import type { SessionInfo } from '../../core/access.js';
import { appendAudit } from '../../core/audit-log.js';
import { HttpProblem } from '../problem.js';
import { signInLimit } from './limits.js';
import { principalOf, principalOfUser } from './principal.js';
import type { IssueCsrf } from './csrf.js';
import type { AccessRuntime } from './runtime.js';
import { readSession, signSession, sessionCookieName } from './session-cookie.js';
import { tokenAccountId } from '../../core/account-tokens.js';

function sessionInfo(access: AccessRuntime, req: Request, res: Response, issueCsrf: IssueCsrf, renew = false): SessionInfo {
  const principal = principalOf(res);
  const user =
    principal.via === 'anonymous' ? null : { id: principal.id, name: principal.name, role: principal.role, province: principal.province };
  return { mode: access.mode, user, csrfToken: issueCsrf(req, res, renew) };
}

/** GET /api/session (who is signed in, and a CSRF token), POST /api/session (sign in with a token), DELETE (sign out). */
export function sessionRouter(access: AccessRuntime, issueCsrf: IssueCsrf): Router {
  const router = Router();
  const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, path: '/', secure: access.secureCookies };

  router.get('/api/session', (req, res) => {
    res.set('Cache-Control', 'no-store').json(sessionInfo(access, req, res, issueCsrf));
  });

  router.post('/api/session', express.json({ limit: '4kb' }), signInLimit(), async (req, res) => {
    if (access.mode === 'open')
      throw new HttpProblem(409, 'Sign-in is off', 'the server runs in the open demo mode (TALENT_AUTH=on enforces sign-in)');
    const token = (req.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !token.trim())
      throw new HttpProblem(400, 'Token required', 'send JSON {"token": "…"} with the token printed by `npm run users -- add`', [
        { name: 'token', reason: 'missing' },
      ]);
    const user = await access.verifyToken(token.trim());
    if (!user) {
      await appendAudit(access.dataDir, {
        action: 'sign-in-refused',
        actor: { id: null, name: 'unknown', role: null },
        target: 'session',
        detail: { claimedAccount: tokenAccountId(token.trim()), ip: req.ip },
      });
      throw new HttpProblem(401, 'Sign-in refused', 'the token is not valid: mistyped, revoked or never issued', [
        { name: 'token', reason: 'not an active token' },
      ]);
    }
    const { value, claims } = signSession(access.secret, user.id, access.sessionLifetimeMs);
    res.cookie(sessionCookieName, value, { ...cookieOptions, maxAge: access.sessionLifetimeMs });
    // The new session's CSRF token is bound to its id: read it as the next request will send it.
    (req.cookies as Record<string, string>)[sessionCookieName] = value;
    res.locals.principal = principalOfUser(user, 'session');
    res.locals.sessionId = claims.sid;
    await appendAudit(access.dataDir, {
      action: 'sign-in',
      actor: { id: user.id, name: user.name, role: user.role },
      target: 'session',
      detail: { ip: req.ip, expires: new Date(claims.exp).toISOString() },
    });
    res.set('Cache-Control', 'no-store').json(sessionInfo(access, req, res, issueCsrf, true));
  });

  router.delete('/api/session', async (req, res) => {
    const principal = principalOf(res);
    res.clearCookie(sessionCookieName, cookieOptions);
    const claims = readSession(access.secret, (req.cookies as Record<string, string> | undefined)?.[sessionCookieName]);
    if (claims) await access.ended.end(claims.sid, claims.exp);
    if (principal.via === 'session')
      await appendAudit(access.dataDir, {
        action: 'sign-out',
        actor: { id: principal.id, name: principal.name, role: principal.role },
        target: 'session',
      });
    res.status(204).end();
  });

  return router;
}
