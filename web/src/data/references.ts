import { parseListText, type Row } from '../decode.js';
import type { Lang } from '../i18n/format.js';

/** A code with its names (an action, field, zone, competition or occupation). */
export interface Code {
  code: string;
  name_zh: string;
  name_en: string;
  parent: string | null;
}

export interface Program extends Code {
  action: string;
  factTable: string;
  metric: string;
  aggregation: string;
  unit_zh: string;
  unit_en: string;
}

export interface Province {
  code: string;
  name_zh: string;
  name_en: string;
  abbr: string;
  macroRegion: string | null;
  inMainland: boolean;
  row: number;
  col: number;
  workingAge: number | null;
  population: number | null;
  zones: string[];
}

/** The reference lists every page needs, loaded once (reference-lists and region exports). */
export interface References {
  actions: Code[];
  programs: Program[];
  fields: Code[];
  groups: Code[];
  occupations: Code[];
  zones: Code[];
  competitions: Code[];
  provinces: Province[];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Shapes the long reference-lists table (list, code, names, parent and per-list attributes) into typed lists. */
export function shapeReferenceLists(rows: readonly Row[]): Omit<References, 'provinces'> {
  const of = (list: string) => rows.filter((r) => r.list === list);
  const code = (r: Row): Code => ({ code: text(r.code), name_zh: text(r.name_zh), name_en: text(r.name_en), parent: r.parent_code === null ? null : text(r.parent_code) });
  const actions = of('action')
    .map((r) => ({ ...code(r), seq: Number(r.seq) || 99 }))
    .sort((a, b) => a.seq - b.seq)
    .map(({ seq: _seq, ...rest }) => rest);
  const programs = of('program').map((r): Program => ({
    ...code(r),
    action: text(r.parent_code),
    factTable: text(r.fact_table),
    metric: text(r.metric),
    aggregation: text(r.aggregation),
    unit_zh: text(r.unit_zh),
    unit_en: text(r.unit_en),
  }));
  const occupationRows = of('occupation');
  return {
    actions,
    programs,
    fields: of('field').map(code),
    groups: occupationRows.filter((r) => r.level === 'group').map(code).sort((a, b) => a.code.localeCompare(b.code)),
    occupations: occupationRows.filter((r) => r.level !== 'group').map(code),
    zones: of('zone').map(code),
    competitions: of('competition').map(code),
  };
}

/** Shapes the province rows of the region export into map tiles and pickers. */
export function shapeProvinces(rows: readonly Row[]): Province[] {
  return rows
    .filter((r) => r.level === 'province' && r.tile_row !== null && r.tile_col !== null)
    .map((r) => ({
      code: text(r.region_code),
      name_zh: text(r.name_zh),
      name_en: text(r.name_en),
      abbr: text(r.abbr),
      macroRegion: r.macro_region === null ? null : text(r.macro_region),
      inMainland: r.in_mainland === true,
      row: Number(r.tile_row),
      col: Number(r.tile_col),
      workingAge: r.working_age_2020 === null ? null : Number(r.working_age_2020),
      population: r.population_2020 === null ? null : Number(r.population_2020),
      zones: parseListText(r.zones),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

const zhSuffixes = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/** The short name used on tiles and in dense charts: 广西壮族自治区 → 广西, 北京市 → 北京; English keeps the name. */
export function shortName(name_zh: string, name_en: string, lang: Lang): string {
  if (lang === 'en') return name_en.replace(/\s*\(.*\)$/, '');
  for (const suffix of zhSuffixes) if (name_zh.endsWith(suffix) && name_zh.length > suffix.length + 1) return name_zh.slice(0, -suffix.length);
  return name_zh;
}

/** A map from code to item. */
export function byCode<T extends { code: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.code, item]));
}
