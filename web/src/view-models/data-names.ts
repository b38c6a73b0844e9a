import type { Bilingual } from '../../../core/bilingual.js';
import type { OutputColumn } from '../../../core/wire.js';
import type { References } from '../data/references.js';
import type { Row } from '../decode.js';
import { formatExact, pn, type Lang } from '../i18n/format.js';
import { pick, type MessageKey, type Translate } from '../i18n/index.js';

/** Names of the codes a parameter can take, by code (regions, programmes, fields, occupations, zones, competitions). */
export type Names = ReadonlyMap<string, Bilingual>;

/** Words of fixed choice lists (levels, grains, list names) that are not codes of a reference table. */
const choiceWords: Record<string, MessageKey> = {
  year: 'dataChoiceYear',
  all_years: 'dataChoiceAllYears',
  month: 'dataChoiceMonth',
  province: 'dataChoiceProvince',
  prefecture: 'dataChoicePrefecture',
  county: 'dataChoiceCounty',
  rate: 'dataChoiceRate',
  volume: 'dataChoiceVolume',
  three_districts: 'dataChoiceThreeDistricts',
  three_states: 'dataChoiceThreeStates',
  action: 'dataChoiceAction',
  program: 'dataChoiceProgram',
  field: 'dataChoiceField',
  occupation: 'dataChoiceOccupation',
  zone: 'dataChoiceZone',
  competition: 'dataChoiceCompetition',
};

type Named = { code: string; name_zh: string; name_en: string };

/** Every code the reference lists and provinces name, plus any region rows (region_code, name_zh, name_en) given. */
export function namesOf(refs: Omit<References, 'provinces'> & { provinces: readonly Named[] }, regions: readonly Row[] = []): Names {
  const names = new Map<string, Bilingual>();
  const lists: readonly (readonly Named[])[] = [
    refs.actions,
    refs.programs,
    refs.fields,
    refs.groups,
    refs.occupations,
    refs.zones,
    refs.competitions,
    refs.provinces,
  ];
  for (const list of lists) for (const item of list) names.set(item.code, { zh: item.name_zh, en: item.name_en });
  for (const row of regions)
    if (typeof row.region_code === 'string') names.set(row.region_code, { zh: String(row.name_zh ?? ''), en: String(row.name_en ?? '') });
  return names;
}

/** A value's name in the language, or null when it is known by its code alone. */
export function choiceName(value: string, lang: Lang, t: Translate, names: Names): string | null {
  const named = names.get(value);
  if (named) return pick(named, lang) || null;
  const word = choiceWords[value];
  return word ? t(word) : null;
}

/** A choice as dropdowns and chips show it: its name with the code beside it ('云南省（530000）', 'Yunnan (530000)'). */
export function choiceLabel(value: string, lang: Lang, t: Translate, names: Names): string {
  const name = choiceName(value, lang, t, names);
  return name && name !== value ? `${name}${pn(lang).open}${value}${pn(lang).close}` : value;
}

/**
 * The codes of a list typed by hand: codes as they are, and a name typed in full (either language, any case)
 * replaced by its code; anything else is kept for the server to refuse by name.
 */
export function resolveCodes(text: string, names: Names): string[] {
  const byName = new Map<string, string>();
  for (const [code, name] of names) {
    for (const n of [name.zh, name.en]) if (n && !byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), code);
  }
  return text
    .split(/[,，、;；\s]+/)
    .map((token) => token.trim())
    .filter(Boolean)
    .map((token) => (names.has(token) ? token : (byName.get(token.toLowerCase()) ?? token)));
}

/** Years, periods, codes and ranks are written as they are (never '2,026'). */
const plainColumn = /(^|_)(year|period|code|rank|seq|row|col)($|_)/;

/** A preview cell as the app's tables write it: missing as '–', whole numbers grouped, decimals to four places. */
export function previewCell(value: unknown, column: Pick<OutputColumn, 'name' | 'type'>): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (plainColumn.test(column.name)) return String(value);
    return formatExact(value, column.type === 'integer' || Number.isInteger(value) ? 0 : 4);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
