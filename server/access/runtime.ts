import { createHash } from 'node:crypto';
import type { AccessMode } from '../../core/access.js';
import { loadSecret } from './secret.js';
import { tokenAccountId, tokenMatches } from '../../core/account-tokens.js';
import { UserDirectory, type UserRecord } from '../../core/accounts.js';

/** What the access layer needs at run time: the mode, the accounts, the signing secret. */
export interface AccessRuntime {
  mode: AccessMode;
  dataDir: string;
  secret: Buffer;
  users: UserDirectory;
  sessionLifetimeMs: number;
  /** Mark cookies Secure (behind HTTPS): TALENT_COOKIE_SECURE. */
  secureCookies: boolean;
  /** The active account a token belongs to, or null. */
  verifyToken(token: string): Promise<UserRecord | null>;
}

export interface AccessSettings {
  mode: AccessMode;
  sessionHours: number;
  secureCookies: boolean;
}

/** How long a checked token is trusted without hashing it again (an account's revocation still applies at once). */
const verifiedFor = 10 * 60_000;

export async function createAccessRuntime(dataDir: string, settings: AccessSettings): Promise<AccessRuntime> {
  const users = new UserDirectory(dataDir);
  // scrypt is deliberately slow (tens of ms); a token that matched is remembered by its SHA-256, never in clear.
  const verified = new Map<string, { id: string; until: number }>();
  return {
    mode: settings.mode,
    dataDir,
    secret: await loadSecret(dataDir),
    users,
    sessionLifetimeMs: settings.sessionHours * 3_600_000,
    secureCookies: settings.secureCookies,
    async verifyToken(token) {
      const id = tokenAccountId(token);
      if (!id) return null;
      const digest = createHash('sha256').update(token).digest('base64');
      const known = verified.get(digest);
      const user = await users.get(id);
      if (!user) return null;
      if (known && known.id === id && known.until > Date.now()) return user;
      if (!(await tokenMatches(token, user.token))) return null;
      if (verified.size > 10_000) verified.clear();
      verified.set(digest, { id, until: Date.now() + verifiedFor });
      return user;
    },
  };
}
