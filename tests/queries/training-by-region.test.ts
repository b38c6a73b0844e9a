import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/training-by-region.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Working-age population (tests/fixtures/reference/region.csv): Beijing 600 (its prefecture 110100: 600),
// Guangdong 2000 (Guangzhou 700, Shenzhen 1300), Tibet 300 (Lhasa 300).
const training = `month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny
2023-06,110100,vocational_training,general,100,90,10,0
2023-05,440300,vocational_training,general,150,140,0,0
2024-01,110100,vocational_training,general,60,50,5,0
2024-02,110100,vocational_training,ai,60,50,5,0
2024-03,440100,vocational_training,general,200,180,20,0
2024-03,440300,vocational_training,general,100,90,0,0
2024-05,540100,vocational_training,general,30,30,0,0
2024-05,540100,knowledge_renewal,ai,999,999,0,0
`;

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb({ 'training.csv': training });
});
afterAll(() => db.close());

describe('training-by-region', () => {
  it('ranks provinces with per-10k rates, national shares and year-on-year change', async () => {
    const rows = await runByParams(db.connection, definition, { program: 'vocational_training', year: '2024' });
    // 2024 national total = 120 (BJ) + 300 (GD) + 30 (XZ) = 450.
    expect(rows.map((r) => r.region_code)).toEqual(['440000', '110000', '540000']);
    const [gd, bj, xz] = rows;
    expect(gd).toMatchObject({
      person_times: 300,
      certificates: 20,
      working_age: 2000,
      per_10k: 1500,
      previous_person_times: 150,
      rank: 1,
    });
    expect(gd.share_of_national).toBeCloseTo(300 / 450, 10);
    expect(gd.change_on_previous_year).toBeCloseTo(300 / 150 - 1, 10);
    expect(bj).toMatchObject({ person_times: 120, per_10k: 2000, previous_person_times: 100, rank: 2 });
    expect(bj.change_on_previous_year).toBeCloseTo(0.2, 10);
    expect(xz).toMatchObject({ person_times: 30, per_10k: 1000, previous_person_times: null, change_on_previous_year: null, rank: 3 });
  });

  it('defaults to the latest year that has the programme', async () => {
    const rows = await runByParams(db.connection, definition, { program: 'vocational_training' });
    expect(rows[0].year).toBe(2024);
  });

  it("lists a province's prefectures, with shares of the national total", async () => {
    const rows = await runByParams(db.connection, definition, {
      program: 'vocational_training',
      year: '2024',
      level: 'prefecture',
      province: '440000',
    });
    expect(rows.map((r) => [r.region_code, r.person_times, r.rank])).toEqual([
      ['440100', 200, 1],
      ['440300', 100, 2],
    ]);
    expect(rows[0].per_10k).toBeCloseTo((200 * 10000) / 700, 2); // 2857.14
    expect(rows[0].share_of_national).toBeCloseTo(200 / 450, 10);
    expect(rows[1].change_on_previous_year).toBeCloseTo(100 / 150 - 1, 10);
  });

  it('filters by field', async () => {
    const rows = await runByParams(db.connection, definition, { program: 'vocational_training', year: '2024', field: 'ai' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ region_code: '110000', person_times: 60, share_of_national: 1 });
  });
});
