import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/talent-stock.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference: tests/fixtures/talent-stock/reference (adds the flow indicator expert_service).
// Population 2020: Beijing 1000, Guangdong 3000, Tibet 500, Hong Kong none.
const talentStock = `year,region_code,indicator_code,value
2023,110000,postdoc_stations,50
2023,440100,postdoc_stations,20
2023,440300,postdoc_stations,10
2023,540000,postdoc_stations,2
2024,110000,postdoc_stations,40
2024,110100,postdoc_stations,15
2024,440000,postdoc_stations,30
2024,440300,postdoc_stations,12
2024,810000,postdoc_stations,3
2022,540100,expert_service,7
`;

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'talent_stock.csv': talentStock },
    fileURLToPath(new URL('../fixtures/talent-stock/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

describe('talent-stock', () => {
  it('defaults to postdoctoral stations in the latest year, by province', async () => {
    const rows = await runByParams(db.connection, definition);
    // 2024: BJ 40 + 15 (prefecture row) = 55; GD 30 (province row) + 12 = 42; HK 3; Tibet has no 2024 value → left out.
    // National 55 + 42 + 3 = 100.
    expect(rows.map((r) => [r.region_code, r.value, r.rank])).toEqual([
      ['110000', 55, 1],
      ['440000', 42, 2],
      ['810000', 3, 3],
    ]);
    const [bj, gd, hk] = rows;
    // BJ: 55 × 1e6 / 1000 = 55000 per million; 55/100; 2023 50 → 55/50 − 1 = 0.1.
    expect(bj).toMatchObject({
      year: 2024,
      name_en: 'Beijing',
      unit_en: 'stations',
      aggregation: 'last',
      population: 1000,
      per_million: 55000,
      share_of_national: 0.55,
      previous_value: 50,
    });
    expect(bj.change_on_previous_year).toBeCloseTo(0.1, 12);
    // GD: 42 × 1e6 / 3000 = 14000; 0.42; 2023 20 + 10 = 30 → 42/30 − 1 = 0.4.
    expect(gd).toMatchObject({ per_million: 14000, share_of_national: 0.42, previous_value: 30 });
    expect(gd.change_on_previous_year).toBeCloseTo(0.4, 12);
    // HK: no population → null per million; no 2023 value → null change.
    expect(hk).toMatchObject({ per_million: null, share_of_national: 0.03, previous_value: null, change_on_previous_year: null });
  });

  it('reads the chosen year', async () => {
    const rows = await runByParams(db.connection, definition, { year: '2023' });
    // 2023: BJ 50, GD 30, XZ 2 → national 82; no 2022 values → changes null.
    expect(rows.map((r) => [r.region_code, r.value, r.rank, r.change_on_previous_year])).toEqual([
      ['110000', 50, 1, null],
      ['440000', 30, 2, null],
      ['540000', 2, 3, null],
    ]);
    expect(rows[2].share_of_national).toBeCloseTo(2 / 82, 12);
    expect(rows[2].per_million).toBe(4000); // 2 × 1e6 / 500
  });

  it('defaults to the latest year of the chosen indicator', async () => {
    const rows = await runByParams(db.connection, definition, { indicator: 'expert_service' });
    // expert_service (a flow) has data only in 2022: Lhasa 7 → Tibet; 7 × 1e6 / 500 = 14000.
    expect(rows).toEqual([
      expect.objectContaining({
        year: 2022,
        region_code: '540000',
        value: 7,
        unit_en: 'person-times',
        aggregation: 'sum',
        per_million: 14000,
        share_of_national: 1,
        rank: 1,
      }),
    ]);
  });

  it('returns nothing for a year without data', async () => {
    expect(await runByParams(db.connection, definition, { year: '2020' })).toEqual([]);
  });
});
