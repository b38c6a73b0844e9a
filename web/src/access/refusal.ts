import type { Lang } from '../i18n/format.js';
import type { Translate } from '../i18n/index.js';
import { provinceNamer, refusalText } from '../view-models/access.js';
import { currentSession } from './session.js';

let provinces: readonly { code: string; name_zh: string; name_en: string }[] = [];

/** The provinces' names, for saying which province an official's detail is limited to. */
export function rememberProvinces(list: readonly { code: string; name_zh: string; name_en: string }[]): void {
  provinces = list;
}

/** An analytic refused with 401 or 403, said for the visitor signed in now; null for any other status. */
export function describeRefusal(status: number, t: Translate): string | null {
  const lang: Lang = t('docsLangCode') === 'en' ? 'en' : 'zh';
  return refusalText(status, currentSession(), provinceNamer(provinces, lang), t);
}
