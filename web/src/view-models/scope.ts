import type { References } from '../data/references.js';
import { nameOf, unitOf } from '../i18n/index.js';
import type { Locale } from './common.js';

/** The filters a card heading names. */
export interface ScopeFilters {
  program: string;
  /** A province code, or '' for the nation. */
  region: string;
  /** A field code, or '' for all fields. */
  field?: string;
}

/** What a card heading says its chart is about: the programme, the region (or the nation), the field and the unit. */
export interface ScopeNames {
  program: string;
  region: string;
  field: string;
  unit: string;
}

/** The names of the filters in the language; a code that is not in the reference lists stands for itself. */
export function scopeNames(
  refs: Pick<References, 'programs' | 'provinces' | 'fields'>,
  { program, region, field = '' }: ScopeFilters,
  { lang, t }: Locale,
): ScopeNames {
  const info = refs.programs.find((p) => p.code === program);
  const province = refs.provinces.find((p) => p.code === region);
  const fieldInfo = refs.fields.find((f) => f.code === field);
  return {
    program: info ? nameOf(info, lang) : program,
    region: region ? (province ? nameOf(province, lang) : region) : t('nation'),
    field: field ? (fieldInfo ? nameOf(fieldInfo, lang) : field) : t('allFields'),
    unit: unitOf(info, lang),
  };
}
