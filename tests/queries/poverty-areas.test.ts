import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/poverty-areas.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference: tests/fixtures/poverty-areas/reference (README there). Working-age population:
//   mainland provinces 600 (BJ) + 2000 (GD) + 400 (XZ) + 1000 (GS) = 4000 (Hong Kong has none and is not mainland);
//   poverty-area prefectures: Lhasa 300 + Shigatse 100 (three_districts) + Linxia 200 (three_states) = 600.
const training = `month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny
2023-03,440100,vocational_training,general,400,0,0,0
2023-03,540100,vocational_training,general,30,0,0,0
2024-03,110100,vocational_training,general,200,0,0,0
2024-03,440300,vocational_training,general,1400,0,0,0
2024-03,540100,vocational_training,general,60,0,0,0
2024-04,540102,vocational_training,general,20,0,0,0
2024-04,540200,vocational_training,general,40,0,0,0
2024-04,622900,vocational_training,general,80,0,0,0
2024-05,540000,vocational_training,general,10,0,0,0
2024-05,620000,vocational_training,general,50,0,0,0
2024-05,810000,vocational_training,general,500,0,0,0
2024-05,540100,knowledge_renewal,general,999,0,0,0
`;
// 2024 national (mainland): 200 + 1400 + 60 + 20 + 40 + 80 + 10 + 50 = 1860 → 1860 × 10000 / 4000 = 4650.
// 2024 areas: Lhasa 60 + its county 20 + Shigatse 40 + Linxia 80 = 200; Tibet's and Gansu's province-level rows do not count.
const talentStock = `year,region_code,indicator_code,value
2024,540100,three_supports,12
2024,540102,three_supports,3
2024,622900,three_supports,6
2024,540000,three_supports,9
2024,440000,three_supports,30
2024,810000,three_supports,100
2023,540000,three_supports,5
2022,440000,three_supports,8
`;
// Placements 2024: national (mainland) 12 + 3 + 6 + 9 + 30 = 60; areas 12 + 3 + 6 = 21.

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': training, 'talent_stock.csv': talentStock },
    fileURLToPath(new URL('../fixtures/poverty-areas/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

describe('poverty-areas', () => {
  it('compares the areas with the nation per 10,000 working-age people, year by year', async () => {
    const rows = await runByParams(db.connection, definition);
    expect(rows.map((r) => r.year)).toEqual([2022, 2023, 2024]);
    const [y2022, y2023, y2024] = rows;
    expect(y2024).toMatchObject({ area_person_times: 200, area_working_age: 600, national_per_10k: 4650, area_placements: 21 });
    expect(y2024.area_per_10k).toBeCloseTo((200 * 10000) / 600, 8); // 3333.33
    expect(y2024.ratio_to_national).toBeCloseTo(3333.3333333 / 4650, 8); // 0.7168
    expect(y2024.area_placements_per_10k).toBeCloseTo((21 * 10000) / 600, 8); // 350
    expect(y2024.national_placements_per_10k).toBeCloseTo((60 * 10000) / 4000, 8); // 150
    // 2023: national 400 + 30 = 430 → 1075; areas 30 → 500; placements only at Tibet's province level → unknown.
    expect(y2023).toMatchObject({
      area_person_times: 30,
      area_per_10k: 500,
      national_per_10k: 1075,
      area_placements: null,
      area_placements_per_10k: null,
      national_placements_per_10k: 12.5,
    });
    expect(y2023.ratio_to_national).toBeCloseTo(500 / 1075, 10);
    // 2022: placements (Guangdong 8 → 8 × 10000 / 4000 = 20) but no training at all.
    expect(y2022).toMatchObject({
      area_person_times: null,
      area_per_10k: null,
      national_per_10k: null,
      ratio_to_national: null,
      national_placements_per_10k: 20,
      area_placements: null,
    });
  });

  it('narrows to one group', async () => {
    const districts = await runByParams(db.connection, definition, { group: 'three_districts' });
    const d2024 = districts.find((r) => r.year === 2024)!;
    // Lhasa + Shigatse: training 60 + 20 + 40 = 120 over 400 → 3000; placements 12 + 3 = 15 → 375.
    expect(d2024).toMatchObject({
      area_person_times: 120,
      area_working_age: 400,
      area_per_10k: 3000,
      area_placements: 15,
      area_placements_per_10k: 375,
    });
    expect(d2024.ratio_to_national).toBeCloseTo(3000 / 4650, 10);
    const states = await runByParams(db.connection, definition, { group: 'three_states' });
    // Linxia: training 80 over 200 → 4000; placements 6 → 300. In 2023 it trained no one: 0, not null.
    expect(states.find((r) => r.year === 2024)).toMatchObject({
      area_person_times: 80,
      area_working_age: 200,
      area_per_10k: 4000,
      area_placements: 6,
      area_placements_per_10k: 300,
    });
    expect(states.find((r) => r.year === 2023)).toMatchObject({ area_person_times: 0, area_per_10k: 0, ratio_to_national: 0 });
  });

  it('reads one training programme at a time', async () => {
    const rows = await runByParams(db.connection, definition, { program: 'knowledge_renewal' });
    const y2024 = rows.find((r) => r.year === 2024)!;
    // Knowledge renewal: 999 in Lhasa, the whole nation's: areas 999 / 600, nation 999 / 4000.
    expect(y2024).toMatchObject({ area_person_times: 999 });
    expect(y2024.ratio_to_national).toBeCloseTo(4000 / 600, 10);
    expect(rows.find((r) => r.year === 2023)).toMatchObject({ area_person_times: null, national_per_10k: null });
  });
});
