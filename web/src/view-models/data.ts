import type { CatalogParam, Params } from '../api.js';
import { pn, type Lang } from '../i18n/format.js';
import { pick } from '../i18n/index.js';

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

/** How the form asks for one parameter. */
export interface ParamField {
  name: string;
  /** The element id ('param-year'). */
  id: string;
  /** 'Year（year）' / 'Provinces (regions, list)'. */
  label: string;
  /** A single-valued parameter with a fixed list of values: a select of these. */
  choices: string[] | null;
  /** A list parameter with a fixed list of values: a text input suggesting these. */
  suggestions: string[] | null;
  /** The select's empty choice ('— 2025 —'), or the input's placeholder. */
  emptyChoice: string;
  placeholder: string;
  numeric: boolean;
  /** 'any' for decimals. */
  step: string | null;
  range: { min: string; max: string } | null;
  /** Type, range and some allowed values, under the field. */
  hint: string;
}

/** The form field of a catalog parameter: select or input, its label, placeholder and hint. */
export function paramField(param: CatalogParam, lang: Lang): ParamField {
  const allowed = 'allowed' in param && Array.isArray(param.allowed) ? (param.allowed as string[]) : null;
  const defaultText =
    param.default === null || param.default === undefined
      ? 'default_note' in param
        ? String(param.default_note)
        : ''
      : String(param.default);
  const hasRange = 'min' in param && param.min !== undefined;
  const numeric = param.type === 'integer' || param.type === 'number';
  return {
    name: param.name,
    id: `param-${param.name}`,
    label: `${pick(param.label, lang)}${pn(lang).open}${param.name}${param.list ? ', list' : ''}${pn(lang).close}`,
    choices: allowed && !param.list ? allowed : null,
    suggestions: allowed && param.list ? allowed : null,
    emptyChoice: defaultText ? `— ${defaultText} —` : '—',
    placeholder: defaultText || String(param.example ?? ''),
    numeric,
    step: numeric && param.type === 'number' ? 'any' : null,
    range: hasRange ? { min: String(param.min), max: String(param.max) } : null,
    hint: [
      param.type,
      hasRange ? `${param.min}–${param.max}` : null,
      allowed && param.list ? allowed.slice(0, 12).join(', ') + (allowed.length > 12 ? ', …' : '') : null,
    ]
      .filter(Boolean)
      .join(' · '),
  };
}
