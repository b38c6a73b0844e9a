import { createHash, randomBytes } from 'node:crypto';
import type { AccessMode } from '../../core/access.js';
import { tokenAccountId, tokenMatches } from '../../core/account-tokens.js';
import { UserDirectory, type UserRecord } from '../../core/accounts.js';
import { EndedSessions } from './ended-sessions.js';
import { loadSecret } from './secret.js';

/** What the access layer needs at run time: the mode, the accounts, the signing secret. */
export interface AccessRuntime {
  mode: AccessMode;
  dataDir: string;
  secret: Buffer;
  users: UserDirectory;
  /** Sessions signed out before their expiry. */
  ended: EndedSessions;
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
/** How long a token that failed is refused without hashing it again. */
const failedFor = 60_000;
/**
 * scrypt checks running at once. Each takes tens of milliseconds and 16 MiB in libuv's thread pool, which the
 * database and file reads share: wrong tokens queue behind one another instead of stalling every request.
 */
const concurrentChecks = 1;

/** A queue that lets `limit` tasks run at once. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** A bounded map of digests to expiry times. */
function expiringSet(max: number) {
  const entries = new Map<string, number>();
  return {
    has: (key: string) => (entries.get(key) ?? 0) > Date.now(),
    add(key: string, ms: number) {
      if (entries.size >= max) entries.clear();
      entries.set(key, Date.now() + ms);
    },
  };
}

export async function createAccessRuntime(dataDir: string, settings: AccessSettings): Promise<AccessRuntime> {
  const users = new UserDirectory(dataDir);
  // A token that matched is remembered by its SHA-256 (never in clear), and so is one that failed.
  const verified = new Map<string, { id: string; until: number }>();
  const failed = expiringSet(10_000);
  const gate = new Gate(concurrentChecks);
  const ended = new EndedSessions(dataDir);
  if (settings.mode === 'enforced') await ended.prune();
  return {
    mode: settings.mode,
    dataDir,
    // The open demo mode signs nothing that must outlive the process: it needs no key on disk (the data directory
    // may be read-only to the server).
    secret: settings.mode === 'enforced' ? await loadSecret(dataDir) : randomBytes(32),
    users,
    ended,
    sessionLifetimeMs: settings.sessionHours * 3_600_000,
    secureCookies: settings.secureCookies,
    async verifyToken(token) {
      const id = tokenAccountId(token);
      if (!id) return null;
      const digest = createHash('sha256').update(token).digest('base64');
      const user = await users.get(id);
      if (!user || failed.has(digest)) return null;
      const known = verified.get(digest);
      if (known && known.id === id && known.until > Date.now()) return user;
      if (!(await gate.run(() => tokenMatches(token, user.token)))) {
        failed.add(digest, failedFor);
        return null;
      }
      if (verified.size > 10_000) verified.clear();
      verified.set(digest, { id, until: Date.now() + verifiedFor });
      return user;
    },
  };
}
