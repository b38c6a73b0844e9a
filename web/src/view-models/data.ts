import type { CatalogParam, Params } from '../api.js';
import { formatExact, pn, type Lang } from '../i18n/format.js';
import { pick, type MessageKey, type Translate } from '../i18n/index.js';
import { choiceLabel, type Names } from './data-names.js';

/** URL parameters of the Data page that hold the open entry's parameter values ('p.year=2025'). */
export const PREFIX = 'p.';
export const PREVIEW_ROWS = 100;

export type EntryKind = 'query' | 'dataset';

/** Which catalog entry is open: 'query:talent-gap' or 'dataset:training'. */
export function parseItem(value: string | undefined): { kind: EntryKind; name: string } | null {
  const match = /^(query|dataset):([A-Za-z0-9_-]+)$/.exec(value ?? '');
  return match ? { kind: match[1] as EntryKind, name: match[2] } : null;
}

/** The entry's parameter values from the view state (kept under 'p.<name>' in the URL). */
export function formValues(params: Readonly<Record<string, string>>): Params {
  const values: Params = {};
  for (const [key, value] of Object.entries(params)) if (key.startsWith(PREFIX) && value !== '') values[key.slice(PREFIX.length)] = value;
  return values;
}

/** The parameters of the preview: a dataset that takes a limit and was given none shows its first rows only. */
export function previewParams(kind: EntryKind, params: readonly CatalogParam[], values: Params): Params {
  return kind === 'dataset' && params.some((p) => p.name === 'limit') && values.limit === undefined
    ? { ...values, limit: PREVIEW_ROWS }
    : values;
}

/** A value a field offers, with how it is shown ('云南省（530000）'). */
export interface Choice {
  value: string;
  label: string;
}

/** How the form asks for one parameter. */
export interface ParamField {
  name: string;
  /** The element id ('param-year'). */
  id: string;
  /** 'Year（year）' / 'Provinces (regions, list)'. */
  label: string;
  /** A single-valued parameter with a fixed list of values: a select of these. */
  choices: Choice[] | null;
  /** A list parameter, or one whose values are too many to list: a text input suggesting these. */
  suggestions: Choice[] | null;
  /** The select's empty choice ('— 2025 —'), or the input's placeholder. */
  emptyChoice: string;
  placeholder: string;
  numeric: boolean;
  list: boolean;
  /** 'any' for decimals. */
  step: string | null;
  range: { min: string; max: string } | null;
  /** Type, range and where the allowed values come from, under the field. */
  hint: string;
}

const typeKeys: Record<CatalogParam['type'], MessageKey> = {
  string: 'dataTypeString',
  'string[]': 'dataTypeStringList',
  integer: 'dataTypeInteger',
  number: 'dataTypeNumber',
};

/** The server's notes on what an empty parameter means, in the language ('no lower bound' → '不限起始年'). */
const defaultNotes: Record<string, MessageKey> = {
  'no lower bound': 'dataNoteNoLowerBound',
  'no upper bound': 'dataNoteNoUpperBound',
  'all years': 'dataNoteAllYears',
  'latest year in the data': 'dataNoteLatestYear',
  'latest month in the data': 'dataNoteLatestMonth',
  'latest quarter in the data': 'dataNoteLatestQuarter',
  'the latest year with training data': 'dataNoteLatestTrainingYear',
  'the latest year the programme was reported': 'dataNoteLatestProgrammeYear',
  'the latest year each programme was reported': 'dataNoteLatestEachProgrammeYear',
  'latest year with data for the competition': 'dataNoteLatestCompetitionYear',
  'latest year with data for the indicator': 'dataNoteLatestIndicatorYear',
  "the as-of month's year, else the latest year the programme was reported": 'dataNoteAsOfYear',
};

/** The form field of a catalog parameter: select or input, its label, placeholder and hint, in the language. */
export function paramField(param: CatalogParam, lang: Lang, t: Translate, names: Names = new Map()): ParamField {
  const allowed = param.allowed ? [...param.allowed] : null;
  const note =
    param.default_note === undefined ? '' : defaultNotes[param.default_note] ? t(defaultNotes[param.default_note]) : param.default_note;
  const defaultText = param.default === null || param.default === undefined ? note : choiceLabel(String(param.default), lang, t, names);
  const hasRange = param.min !== undefined;
  const numeric = param.type === 'integer' || param.type === 'number';
  const choice = (value: string): Choice => ({ value, label: choiceLabel(value, lang, t, names) });
  // A code list too long to list (all regions) is suggested from the names known here.
  const known =
    param.allowed_from && !allowed
      ? [...names.keys()].filter((code) => /^\d{6}$/.test(code) && param.allowed_from?.table === 'region')
      : null;
  return {
    name: param.name,
    id: `param-${param.name}`,
    label: `${pick(param.label, lang)}${pn(lang).open}${param.name}${pn(lang).close}`,
    choices: allowed && !param.list ? allowed.map(choice) : null,
    suggestions: allowed && param.list ? allowed.map(choice) : known?.length ? known.sort().map(choice) : null,
    emptyChoice: defaultText ? `— ${defaultText} —` : '—',
    placeholder: defaultText || t('dataExample', { example: param.example }),
    numeric,
    list: param.list,
    step: numeric && param.type === 'number' ? 'any' : null,
    range: hasRange ? { min: String(param.min), max: String(param.max) } : null,
    hint: [
      t(typeKeys[param.type]),
      hasRange ? `${param.min}–${param.max}` : null,
      param.allowed_from
        ? t('dataAllowedFrom', { count: formatExact(param.allowed_from.count, 0), table: param.allowed_from.table })
        : null,
    ]
      .filter(Boolean)
      .join(' · '),
  };
}
