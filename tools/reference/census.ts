import type { TextRow } from './csv-io.js';

/** A prefecture-level row of the census city table, with the figures the region table needs. */
export interface CensusPrefecture {
  code: string;
  nameZh: string;
  provinceCode: string;
  /** Resident population 2020; null where the census table has none (the XPCC cities of Xinjiang). */
  population: number | null;
  /** round(population × share aged 15–59 / 100); null where either figure is missing. */
  workingAge: number | null;
}

const wholeNumber = (text: string, what: string): number | null => {
  if (text.trim() === '') return null;
  if (!/^\d+$/.test(text.trim())) throw new Error(`${what}: not a whole number: "${text}"`);
  return Number(text);
};

/**
 * Working-age population from a percentage share given to at most two decimals. The share is
 * turned into hundredths first, so the product is an exact integer and rounding is exactly half-up.
 */
export function workingAge(population: number | null, sharePercent: string): number | null {
  if (population === null || sharePercent.trim() === '') return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(sharePercent.trim())) throw new Error(`age share with more than two decimals: "${sharePercent}"`);
  const hundredths = Math.round(Number(sharePercent) * 100);
  return Math.round((population * hundredths) / 10_000);
}

/** Reads the census city table into prefectures, skipping rows whose code is a province code (Hong Kong, Macao). */
export function censusPrefectures(rows: readonly TextRow[]): CensusPrefecture[] {
  return rows
    .filter((row) => row.city_code !== row.province_code)
    .map((row) => {
      const population = wholeNumber(row.popu_2020, `census ${row.city_code} popu_2020`);
      return {
        code: row.city_code,
        nameZh: row.city,
        provinceCode: row.province_code,
        population,
        workingAge: workingAge(population, row.age_15_59_2020),
      };
    });
}

/** Sum of the non-null values, or null when every value is null. */
export function sumKnown(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}
