import { en } from './en.js';
import type { Lang } from './format.js';
import { zh as coreZh } from './zh.js';
import { accessEn, accessZh } from './areas/access.js';
import { dataPageEn, dataPageZh } from './areas/data-page.js';
import { docsEn, docsZh } from './areas/docs.js';
import { povertyCountiesEn, povertyCountiesZh } from './areas/poverty-counties.js';
import { publishedEn, publishedZh } from './areas/published.js';
import type { Bilingual } from '../../../core/bilingual.js';

export type { Lang } from './format.js';
const zh = { ...coreZh, ...dataPageZh, ...docsZh, ...publishedZh, ...povertyCountiesZh, ...accessZh };
export type MessageKey = keyof typeof zh;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export type { Bilingual } from '../../../core/bilingual.js';

/** Each area's messages live in areas/*.ts beside the shared ones (zh.ts, en.ts); en has every key of zh by type. */
const dictionaries: Record<Lang, Record<MessageKey, string>> = {
  zh,
  en: { ...en, ...dataPageEn, ...docsEn, ...publishedEn, ...povertyCountiesEn, ...accessEn },
};

/** A message in one language, with {name} placeholders filled in. */
export function translator(lang: Lang): Translate {
  const dictionary = dictionaries[lang];
  return (key, vars) => {
    const message = dictionary[key] ?? key;
    return vars ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : message;
  };
}

/** The text of a bilingual label from the server (catalog titles, reference names). */
export function pick(text: Bilingual | null | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'zh' ? text.zh || text.en : text.en || text.zh;
}

/** A row's name in the language (rows carry name_zh and name_en). */
export function nameOf(row: object | null | undefined, lang: Lang, prefix = 'name'): string {
  if (!row) return '';
  const r = row as Record<string, unknown>;
  const zhName = r[`${prefix}_zh`];
  const enName = r[`${prefix}_en`];
  return String((lang === 'zh' ? (zhName ?? enName) : (enName ?? zhName)) ?? '');
}

/** A row's unit in the language (rows and programmes carry unit_zh and unit_en). */
export const unitOf = (row: { unit_zh?: unknown; unit_en?: unknown } | null | undefined, lang: Lang): string => nameOf(row, lang, 'unit');
