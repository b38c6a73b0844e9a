import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/poverty-counties.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Fixture: tests/fixtures/poverty-counties (README there). By hand from its facts:
//
// 2024 (the nation reported vocational training January to March: year to date, three months)
//   Linxia County 622921  24 + 16 = 40 person-times, working-age 80  →  40 × 10000 / 80 = 5000 per 10k
//   Dongxiang 622926      15, working-age 50                          →  3000
//   Du'an 451228          12, working-age 60                          →  2000
//   Gansu (whole province) 24 + 16 + 15 + 20 (province level) + 9 (Linxia prefecture level) = 84 / 1000 → 840
//   Guangxi               12 / 500 → 240
//   nation                84 + 12 = 96 / 5000 → 192 (knowledge renewal's 999 is another programme)
//   the same months of 2023: Linxia County 40 (March); Dongxiang and Du'an none.
//   placements 2024: Linxia County 6 (→ 6 × 10000 / 80 = 750), Dongxiang none (unknown), Du'an 3 (→ 500);
//   Gansu 6 + 14 = 20 (→ 200), Guangxi 3 + 7 = 10 (→ 200), nation 20 + 10 + 30 (Beijing) = 60 (→ 120; Hong
//   Kong's 5 left out).
// 2023 (January to December)
//   Linxia County 40 + 11 = 51 → 6375; Dongxiang 10 → 2000; Du'an 30 → 5000;
//   Gansu 100 + 40 + 11 + 10 = 161 → 1610; nation 161 + 30 + 500 = 691 → 1382.
const fixture = (path: string) => new URL(`../fixtures/poverty-counties/${path}`, import.meta.url);
const facts = (name: string) => readFileSync(fixture(`facts/${name}`), 'utf8');

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': facts('training.csv'), 'talent_stock.csv': facts('talent_stock.csv') },
    fileURLToPath(fixture('reference')),
  );
});
afterAll(() => db.close());

const run = (params: Record<string, string>) => runByParams(db.connection, definition, params);

describe('poverty-counties', () => {
  it('lists the flagged counties by rate, year to date, against province and nation, with placements', async () => {
    const rows = await run({});
    expect(rows.map((r) => [r.row_kind, r.region_code, r.rank])).toEqual([
      ['county', '622921', 1],
      ['county', '622926', 2],
      ['county', '451228', 3],
      ['all', null, null],
    ]);
    expect(rows[0]).toEqual({
      year: 2024,
      period_start: '2024-01',
      period_end: '2024-03',
      months_covered: 3,
      period_complete: false,
      row_kind: 'county',
      region_code: '622921',
      name_zh: '临夏县',
      name_en: 'Linxia County',
      prefecture_code: '622900',
      prefecture_name_zh: '临夏回族自治州',
      prefecture_name_en: 'Linxia',
      province_code: '620000',
      province_name_zh: '甘肃省',
      province_name_en: 'Gansu',
      person_times: 40,
      working_age: 80,
      per_10k: 5000,
      province_per_10k: 840,
      national_per_10k: 192,
      ratio_to_national: expect.closeTo(5000 / 192, 9),
      rank: 1,
      previous_person_times: 40,
      change_on_previous_year: 0,
      placements: 6,
      placements_per_10k: 750,
      province_placements_per_10k: 200,
      national_placements_per_10k: 120,
    });
    // Dongxiang reported no placements: unknown, not zero; and nothing in January to March 2023.
    expect(rows[1]).toMatchObject({
      person_times: 15,
      per_10k: 3000,
      previous_person_times: null,
      placements: null,
      placements_per_10k: null,
    });
    expect(rows[2]).toMatchObject({
      province_code: '450000',
      person_times: 12,
      per_10k: 2000,
      province_per_10k: 240,
      placements_per_10k: 500,
    });
  });

  it('totals the counties listed: sums first, then the rate', async () => {
    const total = (await run({})).at(-1);
    // 40 + 15 + 12 = 67 over 80 + 50 + 60 = 190 → 3526.32; placements 6 + 3 = 9 → 473.68; previous 40 → +67.5 %.
    expect(total).toMatchObject({
      row_kind: 'all',
      name_zh: '52个未摘帽贫困县合计',
      person_times: 67,
      working_age: 190,
      per_10k: 3526.32,
      province_per_10k: null,
      national_per_10k: 192,
      previous_person_times: 40,
      change_on_previous_year: expect.closeTo(67 / 40 - 1, 9),
      placements: 9,
      placements_per_10k: 473.68,
      province_placements_per_10k: null,
    });
  });

  it("narrows to one province's counties, whose total carries the province's rates", async () => {
    const rows = await run({ province: '620000' });
    expect(rows.map((r) => r.name_zh)).toEqual(['临夏县', '东乡族自治县', '本省未摘帽贫困县合计']);
    // Gansu's part: 40 + 15 = 55 over 130 → 4230.77; placements 6 → 461.54.
    expect(rows[2]).toMatchObject({
      province_code: '620000',
      person_times: 55,
      working_age: 130,
      per_10k: 4230.77,
      province_per_10k: 840,
      placements: 6,
      placements_per_10k: 461.54,
      province_placements_per_10k: 200,
    });
  });

  it('takes a whole past year when asked, ranking on that year', async () => {
    const rows = await run({ year: '2023' });
    expect(rows.map((r) => [r.region_code, r.person_times, r.per_10k, r.rank])).toEqual([
      ['622921', 51, 6375, 1],
      ['451228', 30, 5000, 2],
      ['622926', 10, 2000, 3],
      [null, 91, 4789.47, null], // 91 × 10000 / 190
    ]);
    expect(rows[0]).toMatchObject({
      period_end: '2023-12',
      months_covered: 12,
      period_complete: true,
      province_per_10k: 1610,
      national_per_10k: 1382,
    });
    // No placements were recorded at Linxia County in 2023; Dongxiang's 9 are that year's.
    expect(rows.find((r) => r.region_code === '622926')).toMatchObject({ placements: 9, placements_per_10k: 1800 });
  });

  it('returns nothing for a year the nation did not report the programme', async () => {
    expect(await run({ year: '2022' })).toEqual([]);
  });
});
