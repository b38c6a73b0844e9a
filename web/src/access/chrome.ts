import type { SessionInfo } from '../../../core/access.js';
import type { Translate } from '../i18n/index.js';
import type { PageId } from '../state.js';
import { h } from '../ui/dom.js';
import { abilities, userLabel } from '../view-models/access.js';
import { signOut } from './session.js';
import { asyncHandler } from './form.js';
import './access.css';

/** The banner of the open demo mode, on every page; null when roles are enforced (or the mode is not known). */
export function demoBanner(session: SessionInfo | null, t: Translate): HTMLElement | null {
  if (session?.mode !== 'open') return null;
  return h(
    'p',
    { class: 'demo-banner', role: 'note' },
    h('span', { class: 'demo-mark', 'aria-hidden': 'true' }, '⚠'),
    t('accessDemoBanner'),
  );
}

/**
 * The header's account part: who is signed in and the pages their role opens (submissions, audit log), a sign-in
 * link or a sign-out button. Signing out reloads the app, so that nothing read with the session stays on screen.
 */
export function accountNav(
  session: SessionInfo | null,
  t: Translate,
  current: PageId,
  href: (page: PageId) => string,
  provinceName: (code: string) => string,
): HTMLElement | null {
  if (!session) return null;
  const can = abilities(session);
  const link = (page: PageId, label: string) =>
    h('a', { href: href(page), 'data-nav': '', 'data-account': page, 'aria-current': page === current ? 'page' : null }, label);
  const who = userLabel(session, provinceName, t);
  const signedIn = session.mode === 'enforced' && session.user !== null;
  return h(
    'nav',
    { class: 'account-nav', 'aria-label': t('accessUserNav') },
    who ? h('span', { class: 'account-user', 'data-user': session.user?.id ?? '' }, who) : null,
    can.submit ? link('submissions', t('pageSubmissions')) : null,
    can.audit ? link('audit', t('pageAudit')) : null,
    session.mode === 'enforced' && !signedIn ? link('signin', t('accessSignIn')) : null,
    signedIn
      ? h(
          'button',
          {
            type: 'button',
            class: 'account-signout',
            onclick: asyncHandler(async (event: Event) => {
              (event.currentTarget as HTMLButtonElement).disabled = true;
              await signOut().catch(() => undefined);
              window.location.assign(href('overview'));
            }),
          },
          t('accessSignOut'),
        )
      : null,
  );
}
