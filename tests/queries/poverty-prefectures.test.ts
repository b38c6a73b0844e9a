import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/poverty-prefectures.js';
import povertyAreas from '../../queries/poverty-areas.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference and facts: tests/fixtures/province-mode (README there). Designated prefectures and working-age
// population: three_districts Lhasa 540100 300, Shigatse 540200 100 (Tibet 400), Gannan 623000 100 (Gansu 1000);
// three_states Linxia 622900 200. The nation (31 mainland provinces) 4500.
// Vocational training 2024 was reported nationally January to May, so 2024 is compared with January–May 2023.
//   2024 (Jan–May): Lhasa 15 (its county Chengguan), Shigatse 20, Gannan 25, Linxia 40; Tibet 35, Gansu 150;
//                   nation 720 (Hong Kong's 500 left out) → 1600 per 10k.
//   2023 (Jan–May): Lhasa 45 (April), Gannan 10 (May); Linxia's 30 came in December, outside the months.
//   2023 (whole):   Lhasa 45, Gannan 10, Linxia 30, Shigatse 0; Tibet 45, Gansu 210; nation 900 → 2000 per 10k.
const facts = (name: string) => readFileSync(new URL(`../fixtures/province-mode/facts/${name}`, import.meta.url), 'utf8');

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': facts('training.csv') },
    fileURLToPath(new URL('../fixtures/province-mode/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

const key = (r: Record<string, unknown>) => [r.row_kind, r.poverty_group, r.region_code];

describe('poverty-prefectures', () => {
  it('lists every designated prefecture against its province and the nation over the same months, then the totals', async () => {
    const rows = await runByParams(db.connection, definition);
    expect(rows.map(key)).toEqual([
      ['prefecture', 'three_districts', '540100'],
      ['prefecture', 'three_districts', '540200'],
      ['prefecture', 'three_districts', '623000'],
      ['group', 'three_districts', null],
      ['prefecture', 'three_states', '622900'],
      ['group', 'three_states', null],
      ['all', null, null],
    ]);
    expect(
      rows.every(
        (r) =>
          r.year === 2024 &&
          r.period_start === '2024-01' &&
          r.period_end === '2024-05' &&
          r.months_covered === 5 &&
          r.period_complete === false &&
          r.national_per_10k === 1600,
      ),
    ).toBe(true);
    const [lhasa, shigatse, gannan, districts, linxia, states, all] = rows;
    // Lhasa: 15 × 10000 / 300 = 500; Tibet 35 × 10000 / 400 = 875; 500 / 1600; 15 / 45 − 1.
    expect(lhasa).toMatchObject({
      name_en: 'Lhasa',
      province_code: '540000',
      province_name_en: 'Tibet',
      person_times: 15,
      working_age: 300,
      per_10k: 500,
      province_per_10k: 875,
      ratio_to_national: 0.3125,
      previous_person_times: 45,
    });
    expect(lhasa.change_on_previous_year).toBeCloseTo(15 / 45 - 1, 12);
    // Shigatse: 20 × 10000 / 100 = 2000, nothing in January–May 2023.
    expect(shigatse).toMatchObject({
      per_10k: 2000,
      province_per_10k: 875,
      ratio_to_national: 1.25,
      previous_person_times: null,
      change_on_previous_year: null,
    });
    // Gannan: 25 → 2500; Gansu 150 → 1500; 2500 / 1600 = 1.5625; 25 / 10 − 1 = 1.5.
    expect(gannan).toMatchObject({
      province_code: '620000',
      per_10k: 2500,
      province_per_10k: 1500,
      ratio_to_national: 1.5625,
      previous_person_times: 10,
      change_on_previous_year: 1.5,
    });
    // Linxia: 40 → 2000; its December 2023 row is outside January–May.
    expect(linxia).toMatchObject({ per_10k: 2000, province_per_10k: 1500, ratio_to_national: 1.25, previous_person_times: null });
    // Three districts: 15 + 20 + 25 = 60 over 300 + 100 + 100 = 500 → 1200; previous 45 + 10 = 55.
    expect(districts).toMatchObject({
      name_en: 'Three districts (total)',
      province_code: null,
      province_per_10k: null,
      person_times: 60,
      working_age: 500,
      per_10k: 1200,
      ratio_to_national: 0.75,
      previous_person_times: 55,
    });
    expect(districts.change_on_previous_year).toBeCloseTo(60 / 55 - 1, 12);
    expect(states).toMatchObject({ name_zh: '“三州”合计', person_times: 40, working_age: 200, per_10k: 2000, previous_person_times: null });
    // Both: 100 over 700 → 1428.57; previous 55.
    expect(all).toMatchObject({
      name_en: 'Three districts and three states (total)',
      person_times: 100,
      working_age: 700,
      per_10k: 1428.57,
      previous_person_times: 55,
    });
    expect(all.ratio_to_national).toBeCloseTo(100 / 700 / (720 / 4500), 12); // 0.8929, on unrounded rates
    expect(all.change_on_previous_year).toBeCloseTo(100 / 55 - 1, 12);
  });

  it("narrows to one province's prefectures, its totals carrying the province's rate", async () => {
    const rows = await runByParams(db.connection, definition, { province: '620000' });
    expect(rows.map((r) => [...key(r), r.person_times, r.per_10k, r.province_code, r.province_per_10k])).toEqual([
      ['prefecture', 'three_districts', '623000', 25, 2500, '620000', 1500],
      ['group', 'three_districts', null, 25, 2500, '620000', 1500],
      ['prefecture', 'three_states', '622900', 40, 2000, '620000', 1500],
      ['group', 'three_states', null, 40, 2000, '620000', 1500],
      ['all', null, null, 65, 2166.67, '620000', 1500], // 65 × 10000 / 300
    ]);
    expect(rows[4].change_on_previous_year).toBeCloseTo(65 / 10 - 1, 12);
  });

  it('returns nothing for a province without a designated prefecture, or a year the nation did not report', async () => {
    expect(await runByParams(db.connection, definition, { province: '440000' })).toEqual([]);
    expect(await runByParams(db.connection, definition, { year: '2022' })).toEqual([]);
  });

  it('takes a whole year whole, a prefecture with no rows at 0, and agrees with poverty-areas', async () => {
    const rows = await runByParams(db.connection, definition, { year: '2023' });
    expect(rows.every((r) => r.months_covered === 12 && r.period_complete === true && r.period_end === '2023-12')).toBe(true);
    expect(rows.map((r) => [r.region_code ?? r.row_kind, r.person_times, r.per_10k, r.province_per_10k])).toEqual([
      ['540100', 45, 1500, 1125], // Tibet 45 × 10000 / 400
      ['540200', 0, 0, 1125],
      ['623000', 10, 1000, 2100], // Gansu 210 × 10000 / 1000
      ['group', 55, 1100, null],
      ['622900', 30, 1500, 2100],
      ['group', 30, 1500, null],
      ['all', 85, 1214.29, null], // 85 × 10000 / 700
    ]);
    expect(rows.every((r) => r.national_per_10k === 2000 && r.previous_person_times === null)).toBe(true);
    // The same areas and nation as the group-level analytic.
    const [areas2023] = (await runByParams(db.connection, povertyAreas)).filter((r) => r.year === 2023);
    expect(areas2023.area_per_10k).toBeCloseTo(rows[6].per_10k as number, 2);
    expect(areas2023.national_per_10k).toBeCloseTo(rows[6].national_per_10k as number, 2);
    expect(areas2023.ratio_to_national).toBeCloseTo(rows[6].ratio_to_national as number, 12);
  });
});
