import { ApiError } from '../api.js';
import { currentSession, signIn } from '../access/session.js';
import { accessForm } from '../access/form.js';
import { describeError } from '../ui/card-frame.js';
import { h, replace } from '../ui/dom.js';
import { formatState, carried } from '../state.js';
import { pageAfterSignIn, provinceNamer, scopeAfterSignIn, userLabel } from '../view-models/access.js';
import type { PageMount } from './context.js';
import '../access/access.css';

/**
 * Sign-in with an access token. On success the app is loaded again at the page the role works on, so that every
 * result is read afresh with the session (the client keeps results per URL).
 */
export const mountSignIn: PageMount = (root, ctx) => {
  const { t } = ctx;
  const provinceName = provinceNamer(ctx.refs.provinces, ctx.lang);
  const state = h('div', { class: 'access-state' });
  const message = h('p', { class: 'form-message', role: 'alert' });
  const progress = h('p', { class: 'form-progress', role: 'status' });
  const input = h('input', {
    id: 'signin-token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'signin-token-hint',
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('signInSubmit'));
  const form = accessForm(
    '',
    async () => {
      message.textContent = '';
      const token = input.value.trim();
      if (!token) {
        message.textContent = t('signInEmpty');
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      submit.disabled = true;
      progress.textContent = t('signInWorking');
      try {
        const session = await signIn(token);
        progress.textContent = t('signInDone', { user: userLabel(session, provinceName, t) ?? '' });
        const next = pageAfterSignIn(session);
        window.location.assign(formatState({ page: next, lang: ctx.lang, params: scopeAfterSignIn(session, carried(ctx.state.params)) }));
      } catch (error) {
        progress.textContent = '';
        input.setAttribute('aria-invalid', 'true');
        message.textContent =
          error instanceof ApiError && error.status === 401 ? t('signInRefused') : t('actionFailed', { detail: describeError(error, t) });
        submit.disabled = false;
        input.focus();
      }
    },
    h('label', { for: 'signin-token' }, t('signInTokenLabel')),
    input,
    h('p', { class: 'field-hint', id: 'signin-token-hint' }, t('signInTokenHint')),
    h('div', { class: 'form-actions' }, submit),
    progress,
    message,
  );
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageSignIn')), h('p', {}, t('signInIntro'))),
    h('section', { class: 'access-panel' }, state, form),
  );

  return {
    update() {
      const session = currentSession();
      // The open demo mode has nothing to sign in to.
      form.hidden = session?.mode === 'open';
      if (!session) replace(state, h('p', { class: 'state state-error', role: 'alert' }, t('signInUnavailable')));
      else if (session.mode === 'open') replace(state, h('p', { class: 'access-note' }, t('signInOpenMode')));
      else if (session.user)
        replace(state, h('p', { class: 'access-note' }, t('signInAlready', { user: userLabel(session, provinceName, t) ?? '' })));
      else replace(state);
    },
  };
};
