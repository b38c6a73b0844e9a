/**
 * Who may see what: the roles, a catalog entry's access declaration and the principal a request acts as. Data
 * only: the rules that read it are server/access/policy.ts; the web app takes these types (type-only).
 */
export const roles = ['public', 'researcher', 'official', 'planner', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Roles in order of what they may read: each sees at least what the ones before it see (officials within their province). */
export const roleRank: Readonly<Record<Role, number>> = { public: 0, researcher: 1, official: 2, planner: 3, admin: 4 };

export interface Access {
  /** The least role that may read the entry. */
  minRole: Role;
  /** An official reads it for their own province only (bound as a parameter in its SQL); other roles unscoped. */
  provinceScoped: boolean;
}

/** 'open': the demo mode, everyone acts as a planner and a banner says so; 'enforced': TALENT_AUTH=on. */
export type AccessMode = 'open' | 'enforced';

export interface Principal {
  /** The account id (null for the anonymous public and the open-mode visitor). */
  id: string | null;
  name: string;
  role: Role;
  /** An official's province code (GB/T 2260, e.g. '620000'); null for every other role. */
  province: string | null;
  via: 'anonymous' | 'token' | 'session' | 'open-mode';
}

/** GET /api/session: what the web app needs to know about who is signed in. */
export interface SessionInfo {
  mode: AccessMode;
  user: { id: string | null; name: string; role: Role; province: string | null } | null;
  /** Send as X-CSRF-Token on every POST/DELETE made with the session cookie. */
  csrfToken: string;
}
