import { analytics, type QueryName, type QueryRows } from '../../queries/contract.js';
import type { Program, Province } from '../../web/src/data/references.js';
import type { ResultColumn, ResultSet } from '../../web/src/decode.js';

/** A result set of some rows, its columns being the first row's keys (as the server would declare them). */
export function resultOf<R extends object>(rows: R[], columns: string[] = Object.keys(rows[0] ?? {})): ResultSet<R> {
  return { columns: columns.map((name): ResultColumn => ({ name, type: 'string' })), rows, metadata: {} };
}

/** Rows of one shape: every column null unless given. */
export function rowMaker<R extends object>(columns: readonly (keyof R)[]) {
  return (values: Partial<R>): R => ({ ...(Object.fromEntries(columns.map((c) => [c, null])) as R), ...values });
}

/** Rows of an analytic with exactly its declared columns (the wire contract), null where a test gives no value. */
export const queryRow = <N extends QueryName>(name: N) =>
  rowMaker<QueryRows[N]>(analytics[name].columns.map((c) => c.name) as (keyof QueryRows[N])[]);

const province = (
  code: string,
  name_zh: string,
  name_en: string,
  abbr: string,
  row: number,
  col: number,
  workingAge: number | null,
  inMainland = true,
): Province => ({
  code,
  name_zh,
  name_en,
  abbr,
  macroRegion: null,
  inMainland,
  row,
  col,
  workingAge,
  population: null,
  zones: [],
});

/** Four mainland provinces and Hong Kong, with working-age populations chosen for round numbers. */
export const provinces: Province[] = [
  province('110000', '北京市', 'Beijing', 'BJ', 1, 4, 30_000),
  province('310000', '上海市', 'Shanghai', 'SH', 3, 6, null),
  province('440000', '广东省', 'Guangdong', 'GD', 5, 4, 20_000),
  province('650000', '新疆维吾尔自治区', 'Xinjiang (Uygur Autonomous Region)', 'XJ', 2, 1, 0),
  province('810000', '香港特别行政区', 'Hong Kong SAR', 'HK', 6, 5, 5_000, false),
];

export const program = (code: string, name_en: string, factTable = 'training', unit_en = 'person-times'): Program => ({
  code,
  name_zh: `${name_en}（中文）`,
  name_en,
  parent: null,
  action: 'skills_china',
  factTable,
  metric: 'person_times',
  aggregation: 'sum',
  unit_zh: '人次',
  unit_en,
});

/** The league's shared columns for the sample's open year: knowledge renewal, January to October 2026. */
export const leagueYearOpen = {
  program_code: 'knowledge_renewal',
  year: 2026,
  as_of: '2026-10',
  months_elapsed: 10,
  period: '2026-01/2026-10',
  period_complete: false,
};
