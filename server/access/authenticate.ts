import type { RequestHandler } from 'express';
import { tokenAccountId } from '../../core/account-tokens.js';
import { appendAudit } from '../../core/audit-log.js';
import { HttpProblem } from '../problem.js';
import { anonymous, openModeVisitor, principalOfUser } from './principal.js';
import type { AccessRuntime } from './runtime.js';
import { readSession, sessionCookieName } from './session-cookie.js';

/**
 * Sets res.locals.principal for every request: the open-mode visitor; or the account of a Bearer token (a wrong
 * token is refused, never read as anonymous); or the account of a valid session cookie; or the anonymous public.
 * A single sign-on provider would be one more way to reach the same session cookie (see docs/access.md): the
 * routes only ever see the principal.
 */
export function authenticate(access: AccessRuntime): RequestHandler {
  return async (req, res, next) => {
    if (access.mode === 'open') {
      res.locals.principal = openModeVisitor;
      return next();
    }
    const authorization = req.get('authorization');
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      const user = bearer ? await access.verifyToken(bearer) : null;
      if (!user) {
        await appendAudit(access.dataDir, {
          action: 'sign-in-refused',
          actor: { id: null, name: 'unknown', role: null },
          target: 'bearer token',
          detail: { claimedAccount: bearer ? tokenAccountId(bearer) : null, ip: req.ip, route: req.path.slice(0, 200) },
        });
        res.set('WWW-Authenticate', 'Bearer realm="talent-dashboard", error="invalid_token"');
        return next(
          new HttpProblem(
            401,
            'Invalid token',
            'the Authorization header must be "Bearer <token>" with an active token from `npm run users`',
          ),
        );
      }
      res.locals.principal = principalOfUser(user, 'token');
      return next();
    }
    const claims = readSession(access.secret, (req.cookies as Record<string, string> | undefined)?.[sessionCookieName]);
    const user = claims && !(await access.ended.has(claims.sid)) ? await access.users.get(claims.sub) : undefined;
    if (claims && user) {
      res.locals.principal = principalOfUser(user, 'session');
      res.locals.sessionId = claims.sid;
    } else {
      res.locals.principal = anonymous;
    }
    next();
  };
}
