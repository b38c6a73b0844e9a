import type { Lang } from '../i18n/format.js';
import type { Translate } from '../i18n/index.js';
import { carried, formatState, parseState } from '../state.js';
import { h } from '../ui/dom.js';
import { provinceNamer, refusalText, refusalView } from '../view-models/access.js';
import { currentSession } from './session.js';

let provinces: readonly { code: string; name_zh: string; name_en: string }[] = [];

/** The provinces' names, for saying which province an official's detail is limited to. */
export function rememberProvinces(list: readonly { code: string; name_zh: string; name_en: string }[]): void {
  provinces = list;
}

const langOf = (t: Translate): Lang => (t('docsLangCode') === 'en' ? 'en' : 'zh');

/** An analytic refused with 401 or 403, said for the visitor signed in now; null for any other status. */
export function describeRefusal(status: number, t: Translate): string | null {
  return refusalText(status, currentSession(), provinceNamer(provinces, langOf(t)), t);
}

/**
 * A card's notice that the server refused its analytic (401, 403): the reason in words and, for 401, a link to
 * the sign-in page in the page's language, keeping the province chosen. No retry: asking again cannot help. A
 * status, not an alert: nothing went wrong. Null for any other status.
 */
export function refusalNotice(status: number, t: Translate): HTMLElement | null {
  const lang = langOf(t);
  const view = refusalView(status, currentSession(), provinceNamer(provinces, lang), t);
  if (!view) return null;
  const here = parseState(window.location);
  return h(
    'div',
    { class: 'state state-refused', role: 'status', 'data-refused': String(status) },
    h('span', { class: 'refused-mark', 'aria-hidden': 'true' }, 'ⓘ'),
    h('p', {}, view.text),
    view.signIn
      ? h(
          'a',
          { class: 'refused-signin', href: formatState({ page: 'signin', lang, params: carried(here.params) }), 'data-nav': '' },
          t('accessSignIn'),
        )
      : null,
  );
}
