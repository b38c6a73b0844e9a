import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/prefecture-trend.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference and facts: tests/fixtures/province-mode (README there). Working-age population: Lanzhou 620100 400,
// Gansu 1000, the nation (31 mainland provinces: Beijing 600 + Guangdong 2500 + Tibet 400 + Gansu 1000) 4500;
// Jiayuguan 620200 has none. Vocational training was reported nationally in 2023 up to December and in 2024
// January to May (knowledge renewal's July row does not extend it).
//
// Vocational training, by hand from facts/training.csv:
//   2023  Lanzhou 40 + 60 = 100; Gansu 100 + 70 (province level) + 30 (Linxia) + 10 (Gannan) = 210;
//         nation 40 + 145 + 300 + 45 + 10 + 60 + 70 + 30 + 200 = 900 (Hong Kong's 1000 left out).
//   2024  Lanzhou 20 + 30 = 50; Gansu 50 + 40 + 25 + 35 = 150;
//         nation 20 + 30 + 435 + 40 + 15 + 25 + 20 + 35 + 100 = 720 (Hong Kong's 500 and knowledge renewal left out).
const facts = (name: string) => readFileSync(new URL(`../fixtures/province-mode/facts/${name}`, import.meta.url), 'utf8');

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': facts('training.csv') },
    fileURLToPath(new URL('../fixtures/province-mode/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

describe('prefecture-trend', () => {
  it("gives a prefecture's years beside its province and the nation, the year in progress labelled year to date", async () => {
    const rows = await runByParams(db.connection, definition, { prefecture: '620100' });
    expect(rows).toEqual([
      {
        period: '2023',
        period_start: '2023-01',
        period_end: '2023-12',
        months_covered: 12,
        period_complete: true,
        prefecture_code: '620100',
        name_zh: '兰州市',
        name_en: 'Lanzhou',
        person_times: 100,
        working_age: 400,
        per_10k: 2500, // 100 × 10000 / 400
        province_code: '620000',
        province_name_zh: '甘肃省',
        province_name_en: 'Gansu',
        province_person_times: 210,
        province_working_age: 1000,
        province_per_10k: 2100, // 210 × 10000 / 1000
        national_person_times: 900,
        national_working_age: 4500,
        national_per_10k: 2000, // 900 × 10000 / 4500
      },
      expect.objectContaining({
        period: '2024',
        period_start: '2024-01',
        period_end: '2024-05',
        months_covered: 5,
        period_complete: false,
        person_times: 50,
        per_10k: 1250, // 50 × 10000 / 400
        province_person_times: 150,
        province_per_10k: 1500,
        national_person_times: 720,
        national_per_10k: 1600, // 720 × 10000 / 4500
      }),
    ]);
  });

  it('gives months, one month each, with 0 where the prefecture reported nothing', async () => {
    const rows = await runByParams(db.connection, definition, { prefecture: '620100', grain: 'month', from: '2024', to: '2024' });
    // 2024 by month. Lanzhou: Jan 20, Feb 30 (field ai). Gansu: Jan 20, Feb 30, Mar 40 (Linxia), Apr 25 (Gannan),
    // May 35 (province level). Nation: Jan 20, Feb 30 + 435, Mar 40 + 15, Apr 25 + 20, May 35 + 100.
    expect(rows.map((r) => [r.period, r.person_times, r.province_person_times, r.national_person_times])).toEqual([
      ['2024-01', 20, 20, 20],
      ['2024-02', 30, 30, 465],
      ['2024-03', 0, 40, 55],
      ['2024-04', 0, 25, 45],
      ['2024-05', 0, 35, 135],
    ]);
    expect(rows.every((r) => r.months_covered === 1 && r.period_complete === true && r.period_start === r.period)).toBe(true);
    expect(rows.every((r) => r.period_end === r.period)).toBe(true);
    expect(rows[1]).toMatchObject({ per_10k: 750, province_per_10k: 300, national_per_10k: 1033.33 }); // 465 × 10000 / 4500 = 1033.33…
    expect(rows[2]).toMatchObject({ per_10k: 0, province_per_10k: 400 });
  });

  it('follows the chosen programme’s own calendar', async () => {
    const rows = await runByParams(db.connection, definition, { prefecture: '620100', program: 'knowledge_renewal' });
    // Knowledge renewal: Lhasa 999 in May and Lanzhou 77 in July 2024, so 2024 covers January to July.
    expect(rows).toEqual([
      expect.objectContaining({
        period: '2024',
        period_end: '2024-07',
        months_covered: 7,
        period_complete: false,
        person_times: 77,
        per_10k: 1925,
        province_per_10k: 770,
        national_person_times: 1076,
        national_per_10k: 2391.11, // 1076 × 10000 / 4500 = 2391.11…
      }),
    ]);
  });

  it('keeps the years asked for, and gives a null rate to a prefecture without a working-age population', async () => {
    const rows = await runByParams(db.connection, definition, { prefecture: '620200', to: '2023' });
    expect(rows).toEqual([
      expect.objectContaining({
        period: '2023',
        name_en: 'Jiayuguan',
        person_times: 0,
        working_age: null,
        per_10k: null,
        province_per_10k: 2100,
        national_per_10k: 2000,
      }),
    ]);
  });

  it('counts a county’s rows for its prefecture and a Guangdong prefecture against Guangdong', async () => {
    const rows = await runByParams(db.connection, definition, { prefecture: '440300', from: '2023', to: '2023' });
    // Shenzhen 2023: its county Nanshan 200 → 200 × 10000 / 1300 = 1538.46; Guangdong 300 + 200 = 500 → 2000.
    expect(rows).toEqual([
      expect.objectContaining({ period: '2023', person_times: 200, per_10k: 1538.46, province_person_times: 500, province_per_10k: 2000 }),
    ]);
  });
});

// A county that reports on its own (tests/fixtures/poverty-counties, README there): Linxia County 622921,
// working-age 80, in Gansu (1000) of a nation of 5000. By hand from its facts: 2023 (January to December) the
// county 40 + 11 = 51, Gansu 161, the nation 691; 2024 (January to March) the county 24 + 16 = 40, Gansu 84,
// the nation 96.
describe('prefecture-trend at county level', () => {
  let counties: FixtureDb;
  const fixture = (path: string) => new URL(`../fixtures/poverty-counties/${path}`, import.meta.url);
  beforeAll(async () => {
    counties = await buildFixtureDb(
      { 'training.csv': readFileSync(fixture('facts/training.csv'), 'utf8') },
      fileURLToPath(fixture('reference')),
    );
  });
  afterAll(() => counties.close());

  it("gives a county's own rows beside its province and the nation", async () => {
    const rows = await runByParams(counties.connection, definition, { prefecture: '622921' });
    expect(rows.map((r) => [r.period, r.months_covered, r.person_times, r.per_10k, r.province_per_10k, r.national_per_10k])).toEqual([
      ['2023', 12, 51, 6375, 1610, 1382], // 51 × 10000 / 80; 161 × 10000 / 1000; 691 × 10000 / 5000
      ['2024', 3, 40, 5000, 840, 192],
    ]);
    expect(rows[0]).toMatchObject({ prefecture_code: '622921', name_zh: '临夏县', working_age: 80, province_code: '620000' });
  });

  it('still counts the county within its prefecture', async () => {
    // Linxia prefecture 622900 in 2024: its own 9 plus its counties' 40 + 15 = 64.
    const rows = await runByParams(counties.connection, definition, { prefecture: '622900', from: '2024' });
    expect(rows.map((r) => r.person_times)).toEqual([64]);
  });
});
