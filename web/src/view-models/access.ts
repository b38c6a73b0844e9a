import type { Role, SessionInfo } from '../../../core/access.js';
import type { Lang } from '../i18n/format.js';
import { nameOf, type MessageKey, type Translate } from '../i18n/index.js';

/** What a visitor may do in the app, from GET /api/session. The server decides; this only chooses what to offer. */
export interface Abilities {
  /** Upload files to /api/submissions: officials, planners and administrators (everyone in the open demo mode). */
  submit: boolean;
  /** Approve or return submissions: planners and administrators. */
  decide: boolean;
  /** Read the audit log: planners and administrators. */
  audit: boolean;
}

const roleKeys: Record<Role, MessageKey> = {
  public: 'roleLabelPublic',
  researcher: 'roleLabelResearcher',
  official: 'roleLabelOfficial',
  planner: 'roleLabelPlanner',
  admin: 'roleLabelAdmin',
};

export const roleLabel = (role: Role, t: Translate): string => t(roleKeys[role]);

/** The role a session acts as: the open mode's visitor acts as a planner; nobody signed in is the public. */
export function actingRole(session: SessionInfo): Role {
  if (session.user) return session.user.role;
  return session.mode === 'open' ? 'planner' : 'public';
}

export function abilities(session: SessionInfo | null): Abilities {
  if (!session) return { submit: false, decide: false, audit: false };
  const role = actingRole(session);
  const decides = role === 'planner' || role === 'admin';
  return { submit: decides || role === 'official', decide: decides, audit: decides };
}

/**
 * Who the header says is signed in: "王芳（甘肃省业务人员）" / "Wang Fang (official, Gansu)"; the open mode's
 * visitor; null when nobody is signed in.
 */
export function userLabel(session: SessionInfo, provinceName: (code: string) => string, t: Translate): string | null {
  if (session.mode === 'open') return t('accessDemoUser', { role: roleLabel('planner', t) });
  const { user } = session;
  if (!user) return null;
  const role = roleLabel(user.role, t);
  return user.province
    ? t('accessSignedInAsProvince', { name: user.name, role, province: provinceName(user.province) })
    : t('accessSignedInAs', { name: user.name, role });
}

/**
 * Why the server refused an analytic, in the user's words: 401 asks to sign in; 403 tells an official that
 * detail is theirs for their own province only, anyone else that their role may not see it. Null for other
 * statuses (they are said as before).
 */
export function refusalText(
  status: number,
  session: SessionInfo | null,
  provinceName: (code: string) => string,
  t: Translate,
): string | null {
  if (status === 401) return t('accessNeedSignIn');
  if (status !== 403) return null;
  const user = session?.user;
  if (user?.role === 'official' && user.province) return t('accessForbiddenProvince', { province: provinceName(user.province) });
  return t('accessForbiddenRole', { role: roleLabel(session ? actingRole(session) : 'public', t) });
}

/** A refused analytic as its card shows it: the reason, and whether to offer sign-in (401: signing in can help). */
export interface RefusalView {
  text: string;
  signIn: boolean;
}

/**
 * How a card refused with 401 or 403 says so: a notice, not an error (asking again cannot help), with a sign-in
 * link for 401 when there is sign-in to offer (never in the open demo mode). Null for any other status.
 */
export function refusalView(
  status: number,
  session: SessionInfo | null,
  provinceName: (code: string) => string,
  t: Translate,
): RefusalView | null {
  const text = refusalText(status, session, provinceName, t);
  if (text === null) return null;
  return { text, signIn: status === 401 && session?.mode !== 'open' };
}

/** Where a sign-in leads: those who submit or review to the submissions page, everyone else to the overview. */
export const pageAfterSignIn = (session: SessionInfo): 'submissions' | 'overview' =>
  abilities(session).submit ? 'submissions' : 'overview';

/**
 * The carried filters a sign-in leads on with: an official works inside their province, so when the address names
 * no province the dashboard's scope starts at theirs (they can still choose the nation, which then stays chosen);
 * every other role, and a province already named, keep the scope as it was.
 */
export function scopeAfterSignIn(session: SessionInfo, params: Readonly<Record<string, string>>): Record<string, string> {
  const user = session.mode === 'enforced' ? session.user : null;
  if (user?.role !== 'official' || !user.province || params.province) return { ...params };
  return { ...params, province: user.province };
}

/** A province's name from its code (the code itself when it is not a known province). */
export const provinceNamer =
  (provinces: readonly { code: string; name_zh: string; name_en: string }[], lang: Lang) =>
  (code: string): string =>
    nameOf(
      provinces.find((p) => p.code === code),
      lang,
    ) || code;
