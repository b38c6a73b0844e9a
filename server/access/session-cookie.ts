import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The session cookie: `<payload>.<HMAC-SHA256>` where the payload names the account, a random session id and the
 * expiry. Stateless, so any server process with the data directory's secret accepts it; the account is looked up
 * on every request, so revoking it ends its sessions at once.
 */
export const sessionCookieName = 'td_session';

export interface SessionClaims {
  /** Account id. */
  sub: string;
  /** Session id (also what CSRF tokens are bound to). */
  sid: string;
  /** Expiry, ms since the epoch. */
  exp: number;
}

const mac = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function signSession(
  secret: Buffer,
  accountId: string,
  lifetimeMs: number,
  now = Date.now(),
): { value: string; claims: SessionClaims } {
  const claims: SessionClaims = { sub: accountId, sid: randomBytes(16).toString('base64url'), exp: now + lifetimeMs };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { value: `${payload}.${mac(secret, payload)}`, claims };
}

/** The claims of a well-signed, unexpired cookie, or null. */
export function readSession(secret: Buffer, value: string | undefined, now = Date.now()): SessionClaims | null {
  if (!value || value.length > 1000) return null;
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') return null;
    return claims.exp > now ? claims : null;
  } catch {
    return null;
  }
}
