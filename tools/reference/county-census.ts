import type { TextRow } from './csv-io.js';

/** The county census extract as copied into sources/ by copy-sources.ts (see its note beside it). */
export const countyCensusFile = 'census/census_county_2020_v1_extract.csv';

/** Columns of the extract: the workbook's key, names and total, plus the computed 15–59 population. */
export const countyCensusColumns = ['区划代码', '省', '市', '区县', '人口数_合计', '人口数_15到59岁'] as const;

/** The workbook's age bands that make up the working-age population 15–59, male and female. */
export const workingAgeBands: readonly string[] = [
  '15到19',
  '20到24',
  '25到29',
  '30到34',
  '35到39',
  '40到44',
  '45到49',
  '50到54',
  '55到59',
].flatMap((band) => [`男_${band}岁`, `女_${band}岁`]);

type ExtractRow = Record<(typeof countyCensusColumns)[number], string>;

const count = (value: unknown, what: string): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new Error(`${what}: not a whole number: ${String(value)}`);
  return value;
};

/**
 * Turns the sheet 七普（年鉴） of census_county_2020_v1.xlsx (as an array of rows, header first) into
 * the extract: every data row kept, in order, with its code as text ('NA' where the workbook has no
 * code), the total population, and 15–59 = the exact integer sum of the 18 male and female bands.
 */
export function countyCensusExtract(sheet: readonly (readonly unknown[])[]): ExtractRow[] {
  const [header, ...data] = sheet;
  if (!header) throw new Error('county census: empty sheet');
  const at = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`county census: no column ${name}`);
    return i;
  };
  const [code, province, prefecture, county, total] = ['区划代码', '省', '市', '区县', '人口数_合计'].map(at);
  const bands = workingAgeBands.map(at);
  return data.map((row) => {
    const key = String(row[code]);
    if (!/^(\d{6}|NA)$/.test(key)) throw new Error(`county census: unexpected 区划代码 "${key}"`);
    return {
      区划代码: key,
      省: String(row[province]),
      市: String(row[prefecture]),
      区县: String(row[county]),
      人口数_合计: String(count(row[total], `${key} 人口数_合计`)),
      人口数_15到59岁: String(bands.reduce((sum, i) => sum + count(row[i], `${key} ${String(header[i])}`), 0)),
    };
  });
}

/** A county's figures from the extract. */
export interface CountyCensus {
  population: number;
  workingAge: number;
}

/** The extract's coded rows by 区划代码 (rows coded 'NA' cannot be matched and are left out). */
export function countyCensusByCode(rows: readonly TextRow[]): Map<string, CountyCensus> {
  const byCode = new Map<string, CountyCensus>();
  for (const row of rows) {
    if (row.区划代码 === 'NA') continue;
    if (byCode.has(row.区划代码)) throw new Error(`county census: duplicate 区划代码 ${row.区划代码}`);
    byCode.set(row.区划代码, { population: Number(row.人口数_合计), workingAge: Number(row.人口数_15到59岁) });
  }
  return byCode;
}
