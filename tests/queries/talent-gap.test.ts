import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/talent-gap.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Occupations (tests/fixtures/reference/occupation.csv): 2-02-10-09 is in group 2, 6-18-01-01 in group 6.
// 440000 and 810000 rows are reported at province level (no prefecture).
const labor = `quarter,region_code,occupation_code,vacancies,job_seekers
2024Q2,110100,2-02-10-09,100,50
2024Q2,110100,6-18-01-01,20,40
2024Q2,440100,2-02-10-09,60,30
2024Q2,440300,2-02-10-09,40,0
2024Q2,440300,6-18-01-01,180,120
2024Q2,440000,6-18-01-01,0,10
2024Q2,540100,6-18-01-01,0,0
2024Q2,810000,2-02-10-09,40,20
2024Q1,110100,2-02-10-09,80,40
2024Q1,440100,2-02-10-09,50,50
2024Q1,440300,6-18-01-01,100,100
2023Q2,110100,2-02-10-09,90,60
2023Q2,440300,2-02-10-09,20,10
`;

// National 2024Q2 vacancies: group 2 = 100 (BJ) + 60 + 40 (GD) + 40 (HK) = 240; group 6 = 20 + 180 + 0 + 0 = 200;
// total 440. National shares: group 2 = 240/440 = 6/11, group 6 = 200/440 = 5/11.

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb({ 'labor_market.csv': labor });
});
afterAll(() => db.close());

const cell = (rows: Record<string, unknown>[], region: string, group: string) =>
  rows.find((r) => r.region_code === region && r.group_code === group)!;

describe('talent-gap', () => {
  it('defaults to the latest quarter and provinces, one row per province × group', async () => {
    const rows = await runByParams(db.connection, definition);
    expect(rows.map((r) => [r.region_code, r.group_code])).toEqual([
      ['110000', '2'],
      ['110000', '6'],
      ['440000', '2'],
      ['440000', '6'],
      ['540000', '6'],
      ['810000', '2'],
    ]);
    expect(rows[0]).toMatchObject({
      quarter: '2024Q2',
      name_en: 'Beijing',
      macro_region: 'east',
      province_code: '110000',
      group_name_en: 'Professional and technical personnel',
    });
  });

  it('computes gap, ratio, changes on the previous quarter and year, and the location quotient', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q2' });
    // Beijing group 2: 100 − 50 = 50, ratio 2. 2024Q1: 80/40 = 2 (gap 40); 2023Q2: 90/60 = 1.5 (gap 30).
    // LQ = (100 / 120) ÷ (6/11) = 55/36.
    const bj2 = cell(rows, '110000', '2');
    expect(bj2).toMatchObject({
      vacancies: 100,
      job_seekers: 50,
      gap: 50,
      ratio: 2,
      gap_change_on_previous_quarter: 10,
      gap_change_on_previous_year: 20,
    });
    expect(bj2.ratio_change_on_previous_quarter).toBeCloseTo(0, 12);
    expect(bj2.ratio_change_on_previous_year).toBeCloseTo(0.5, 12);
    expect(bj2.location_quotient).toBeCloseTo(55 / 36, 12);

    // Beijing group 6: 20 − 40 = −20, ratio 0.5; no earlier data → nulls. LQ = (20/120) ÷ (5/11) = 11/30.
    const bj6 = cell(rows, '110000', '6');
    expect(bj6).toMatchObject({
      gap: -20,
      ratio: 0.5,
      ratio_change_on_previous_quarter: null,
      ratio_change_on_previous_year: null,
      gap_change_on_previous_quarter: null,
      gap_change_on_previous_year: null,
    });
    expect(bj6.location_quotient).toBeCloseTo(11 / 30, 12);

    // Guangdong group 2: 60 + 40 = 100 vacancies, 30 + 0 = 30 seekers, gap 70, ratio 10/3.
    // 2024Q1: 50/50 = 1 (gap 0) → +7/3, +70. 2023Q2: 20/10 = 2 (gap 10) → +4/3, +60.
    // Guangdong total vacancies 100 + 180 = 280 → LQ = (100/280) ÷ (6/11) = 55/84.
    const gd2 = cell(rows, '440000', '2');
    expect(gd2).toMatchObject({
      vacancies: 100,
      job_seekers: 30,
      gap: 70,
      gap_change_on_previous_quarter: 70,
      gap_change_on_previous_year: 60,
    });
    expect(gd2.ratio).toBeCloseTo(10 / 3, 12);
    expect(gd2.ratio_change_on_previous_quarter).toBeCloseTo(7 / 3, 12);
    expect(gd2.ratio_change_on_previous_year).toBeCloseTo(4 / 3, 12);
    expect(gd2.location_quotient).toBeCloseTo(55 / 84, 12);

    // Guangdong group 6 includes the province-level row: 180 + 0 = 180 vacancies, 120 + 10 = 130 seekers.
    // Gap 50, ratio 18/13; 2024Q1 100/100 = 1 → +5/13, gap +50; no 2023Q2 row → null. LQ = (180/280) ÷ (5/11) = 99/70.
    const gd6 = cell(rows, '440000', '6');
    expect(gd6).toMatchObject({
      vacancies: 180,
      job_seekers: 130,
      gap: 50,
      gap_change_on_previous_quarter: 50,
      ratio_change_on_previous_year: null,
      gap_change_on_previous_year: null,
    });
    expect(gd6.ratio).toBeCloseTo(18 / 13, 12);
    expect(gd6.ratio_change_on_previous_quarter).toBeCloseTo(5 / 13, 12);
    expect(gd6.location_quotient).toBeCloseTo(99 / 70, 12);

    // Hong Kong has no macro-region; LQ = (40/40) ÷ (6/11) = 11/6.
    const hk2 = cell(rows, '810000', '2');
    expect(hk2).toMatchObject({ macro_region: null, gap: 20, ratio: 2 });
    expect(hk2.location_quotient).toBeCloseTo(11 / 6, 12);
  });

  it('returns null ratio and quotient when there are no seekers and no vacancies', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q2' });
    // Tibet group 6: 0 vacancies, 0 seekers → ratio 0/0 null; region total 0 → LQ null.
    expect(cell(rows, '540000', '6')).toMatchObject({ vacancies: 0, job_seekers: 0, gap: 0, ratio: null, location_quotient: null });
  });

  it('restricts to one group without changing the quotient', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q2', group: '6' });
    expect(rows.map((r) => r.region_code)).toEqual(['110000', '440000', '540000']);
    expect(rows[0].location_quotient).toBeCloseTo(11 / 30, 12);
  });

  it("lists a province's prefectures, leaving out rows reported at province level only", async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024q2', level: 'prefecture', province: '440000' });
    expect(rows.map((r) => [r.region_code, r.group_code])).toEqual([
      ['440100', '2'],
      ['440300', '2'],
      ['440300', '6'],
    ]);
    // Guangzhou group 2: 60/30 = 2, gap 30; 2024Q1 50/50 = 1 (gap 0) → +1, +30; no 2023Q2 → null.
    // Guangzhou total 60 → LQ = (60/60) ÷ (6/11) = 11/6.
    const gz = rows[0];
    expect(gz).toMatchObject({
      name_en: 'Guangzhou',
      province_code: '440000',
      gap: 30,
      ratio: 2,
      ratio_change_on_previous_quarter: 1,
      gap_change_on_previous_quarter: 30,
      ratio_change_on_previous_year: null,
    });
    expect(gz.location_quotient).toBeCloseTo(11 / 6, 12);
    // Shenzhen group 2: 40 vacancies, 0 seekers → ratio null, so its changes are null; gap 40, 2023Q2 gap 10 → +30.
    // Shenzhen total 40 + 180 = 220 → LQ = (40/220) ÷ (6/11) = 1/3.
    const sz2 = rows[1];
    expect(sz2).toMatchObject({
      gap: 40,
      ratio: null,
      ratio_change_on_previous_year: null,
      gap_change_on_previous_quarter: null,
      gap_change_on_previous_year: 30,
    });
    expect(sz2.location_quotient).toBeCloseTo(1 / 3, 12);
    // Shenzhen group 6 (the 440000 province-level row is not here): 180/120 = 1.5; 2024Q1 1 → +0.5, gap 60 − 0.
    // LQ = (180/220) ÷ (5/11) = 9/5.
    const sz6 = rows[2];
    expect(sz6).toMatchObject({
      vacancies: 180,
      job_seekers: 120,
      ratio: 1.5,
      ratio_change_on_previous_quarter: 0.5,
      gap_change_on_previous_quarter: 60,
    });
    expect(sz6.location_quotient).toBeCloseTo(9 / 5, 12);
  });

  it('lists every prefecture without a province filter', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q2', level: 'prefecture' });
    expect([...new Set(rows.map((r) => r.region_code))]).toEqual(['110100', '440100', '440300', '540100']);
  });

  it('gives null changes when the earlier quarters have no data', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q1' });
    // 2023Q4 and 2023Q1 have no rows.
    expect(rows.map((r) => [r.region_code, r.group_code])).toEqual([
      ['110000', '2'],
      ['440000', '2'],
      ['440000', '6'],
    ]);
    for (const r of rows)
      expect(r).toMatchObject({
        quarter: '2024Q1',
        ratio_change_on_previous_quarter: null,
        ratio_change_on_previous_year: null,
        gap_change_on_previous_quarter: null,
        gap_change_on_previous_year: null,
      });
  });
});
