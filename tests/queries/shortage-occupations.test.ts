import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/shortage-occupations.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference: tests/fixtures/shortage-occupations/reference (README there). Occupations:
//   A = 2-02-10-09 AI, B = 2-02-10-10 big data, C = 6-18-01-01 lathe, D = 6-18-01-02 milling; '2' is a group (never ranked).
// Zones: gba = 440100, 440300, 810000; jjj = 110000 and its own prefecture 110100.
const labor = `quarter,region_code,occupation_code,vacancies,job_seekers
2024Q2,110100,2-02-10-09,100,40
2024Q2,440100,2-02-10-09,50,60
2024Q2,440300,2-02-10-09,30,10
2024Q2,540100,2-02-10-09,5,25
2024Q2,110000,2-02-10-10,30,10
2024Q2,810000,2-02-10-10,20,0
2024Q2,440305,6-18-01-01,200,100
2024Q2,440000,6-18-01-01,0,50
2024Q2,110100,6-18-01-01,10,70
2024Q2,540100,6-18-01-02,10,30
2024Q2,110100,2,999,0
2024Q1,110100,2-02-10-09,50,10
2024Q1,110000,2-02-10-10,10,20
2024Q1,440300,6-18-01-01,30,10
`;

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'labor_market.csv': labor },
    fileURLToPath(new URL('../fixtures/shortage-occupations/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

describe('shortage-occupations', () => {
  it("ranks occupations nationally with provinces as regions, against last quarter's ranking", async () => {
    const rows = await runByParams(db.connection, definition);
    // 2024Q2 by province (gap = vacancies − seekers):
    //   A: BJ 100−40 = 60, GD (50+30)−(60+10) = 10, XZ 5−25 = −20 → Σ 50 × 2/3 = 33.33; 185 vs 135
    //   B: BJ 30−10 = 20, HK 20−0 = 20 → Σ 40 × 2/2 = 40; 50 vs 10 → ratio 5
    //   C: GD (200+0)−(100+50) = 50 (county and province-level rows), BJ 10−70 = −60 → Σ −10 × 1/2 = −5; 210 vs 220
    //   D: XZ 10−30 = −20 → Σ −20 × 0/1 = 0
    // 2024Q1: A 50−10 = 40 × 1/1 = 40 (1st); C 30−10 = 20 (2nd); B 10−20 = −10 × 0/1 = 0 (3rd); D absent.
    expect(rows.map((r) => [r.occupation_code, r.rank, r.previous_rank, r.rank_change])).toEqual([
      ['2-02-10-10', 1, 3, 2],
      ['2-02-10-09', 2, 1, -1],
      ['6-18-01-02', 3, null, null],
      ['6-18-01-01', 4, 2, -2],
    ]);
    const [b, a, d, c] = rows;
    expect(b).toMatchObject({
      quarter: '2024Q2',
      name_en: 'Big data engineering technicians',
      group_code: '2',
      vacancies: 50,
      job_seekers: 10,
      ratio: 5,
      regions_reporting: 2,
      regions_with_gap: 2,
      score: 40,
    });
    expect(a).toMatchObject({ vacancies: 185, job_seekers: 135, regions_reporting: 3, regions_with_gap: 2 });
    expect(a.score).toBeCloseTo(100 / 3, 10);
    expect(a.ratio).toBeCloseTo(185 / 135, 10);
    expect(d).toMatchObject({ regions_reporting: 1, regions_with_gap: 0, score: 0 });
    expect(c).toMatchObject({ vacancies: 210, job_seekers: 220, regions_reporting: 2, regions_with_gap: 1, score: -5 });
  });

  it('limits the number of rows', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q2', limit: '2' });
    expect(rows.map((r) => r.occupation_code)).toEqual(['2-02-10-10', '2-02-10-09']);
  });

  it('within a province, counts prefectures, and province-level rows as one more region', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q2', province: '440000' });
    // C: Shenzhen (via county 440305) 200−100 = 100, Guangdong province-level 0−50 = −50 → Σ 50 × 1/2 = 25.
    // A: Guangzhou 50−60 = −10, Shenzhen 30−10 = 20 → Σ 10 × 1/2 = 5.
    // 2024Q1 in Guangdong: only C (Shenzhen 30−10 = 20) → rank 1.
    expect(
      rows.map((r) => [r.occupation_code, r.score, r.regions_reporting, r.regions_with_gap, r.rank, r.previous_rank, r.rank_change]),
    ).toEqual([
      ['6-18-01-01', 25, 2, 1, 1, 1, 0],
      ['2-02-10-09', 5, 2, 1, 2, null, null],
    ]);
    expect(rows[0]).toMatchObject({ vacancies: 200, job_seekers: 150 });
  });

  it('within a zone, counts only member regions', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q2', zone: 'gba' });
    // C: Shenzhen 100 (the 440000 province-level row is outside the zone) → 100 × 1/1 = 100.
    // B: Hong Kong 20−0 = 20 → 20, ratio null (no seekers). A: Guangzhou −10, Shenzhen 20 → 10 × 1/2 = 5.
    // 2024Q1 in the zone: only C (Shenzhen 20) → rank 1.
    expect(rows.map((r) => [r.occupation_code, r.score, r.rank, r.previous_rank])).toEqual([
      ['6-18-01-01', 100, 1, 1],
      ['2-02-10-10', 20, 2, null],
      ['2-02-10-09', 5, 3, null],
    ]);
    expect(rows[0]).toMatchObject({ vacancies: 200, job_seekers: 100, ratio: 2 });
    expect(rows[1]).toMatchObject({ vacancies: 20, job_seekers: 0, ratio: null });
  });

  it('counts a row once when a province and its prefecture are both zone members', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q2', zone: 'jjj' });
    // 110100 rows match both members 110000 and 110100; they count once, in the broadest member 110000.
    // A: 100−40 = 60 → 60; B: 30−10 = 20 → 20; C: 10−70 = −60 × 0/1 = 0. The group row '2' is not ranked.
    expect(rows.map((r) => [r.occupation_code, r.vacancies, r.job_seekers, r.regions_reporting, r.score, r.rank])).toEqual([
      ['2-02-10-09', 100, 40, 1, 60, 1],
      ['2-02-10-10', 30, 10, 1, 20, 2],
      ['6-18-01-01', 10, 70, 1, 0, 3],
    ]);
  });

  it('intersects a zone with a province', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q2', zone: 'gba', province: '440000' });
    // Hong Kong drops out, so B does too.
    expect(rows.map((r) => r.occupation_code)).toEqual(['6-18-01-01', '2-02-10-09']);
  });

  it('has no previous rank when the previous quarter has no data', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q1' });
    expect(rows.map((r) => [r.occupation_code, r.rank, r.previous_rank, r.rank_change])).toEqual([
      ['2-02-10-09', 1, null, null],
      ['6-18-01-01', 2, null, null],
      ['2-02-10-10', 3, null, null],
    ]);
  });
});
