import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/province-target-league.js';
import progress from '../../queries/annual-target-progress.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';
import { provinceLeagueTraining } from '../fixtures/province-target-league/training.js';

// Reference: tests/fixtures/province-target-league/reference (README there); training: training.ts beside it.
// Mainland provinces: Beijing, Hebei, Shanghai, Guangdong, Tibet (Hong Kong is not mainland). Knowledge renewal
// 2025 is reported nationally January..June → as of 2025-06, 6 months elapsed.
//   Guangdong: 30 × 6 = 180 against 500. History 2024 (share by June 60/240 = 0.25) and 2023 (120/240 = 0.5)
//              → mean 0.375; expected 500 × 0.375 = 187.5; pace 180/187.5 = 0.96 → on_track.
//              Projection 180 ÷ 0.375 = 480 (= 0.96 × 500); band 180 ÷ 0.5 = 360 to 180 ÷ 0.25 = 720.
//   Beijing:   6 × 6 = 36 against 100. No history → linear 100 × 6/12 = 50; pace 0.72 → acceleration_needed.
//              Run rate 36 + 6 × 6 = 72 (every month 6: no band).
//   Hebei:     5 × 6 = 30 against 200. History 2024 only (2023 had nothing), share by June 0.5 → expected 100;
//              pace 0.3 → limited_progress. Projection 30 ÷ 0.5 = 60.
//   Shanghai:  nothing against 50 → linear 25, pace 0 → falling_behind (ranked: a pace of 0 is a pace).
//   Tibet:     10 in March, no knowledge-renewal target → no expectation, pace, status or rank; run rate
//              10 + 0 × 6 (April..June were 0) = 10.

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': provinceLeagueTraining },
    fileURLToPath(new URL('../fixtures/province-target-league/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

describe('province-target-league', () => {
  it('ranks the mainland provinces by pace against their own targets, a province without one last and unranked', async () => {
    const rows = await runByParams(db.connection, definition);
    expect(rows.map((r) => [r.region_code, r.rank, r.status])).toEqual([
      ['440000', 1, 'on_track'],
      ['110000', 2, 'acceleration_needed'],
      ['130000', 3, 'limited_progress'],
      ['310000', 4, 'falling_behind'],
      ['540000', null, null],
    ]);
    expect(
      rows.every(
        (r) =>
          r.program_code === 'knowledge_renewal' &&
          r.year === 2025 &&
          r.as_of === '2025-06' &&
          r.months_elapsed === 6 &&
          r.period === '2025-01/2025-06' &&
          r.period_complete === false,
      ),
    ).toBe(true);
    const [gd, bj, he, sh, xz] = rows;

    expect(gd).toMatchObject({
      name_en: 'Guangdong',
      macro_region: 'east',
      target: 500,
      cumulative_actual: 180,
      expected_basis: 'seasonal',
    });
    expect(gd.share_achieved).toBeCloseTo(180 / 500, 10);
    expect(gd.expected).toBeCloseTo(187.5, 8);
    expect(gd.pace).toBeCloseTo(0.96, 10);
    expect(gd.projected_year_end).toBeCloseTo(480, 8);
    expect(gd.projected_low).toBeCloseTo(360, 8);
    expect(gd.projected_high).toBeCloseTo(720, 8);

    expect(bj).toMatchObject({ target: 100, cumulative_actual: 36, expected_basis: 'linear', expected: 50 });
    expect(bj.pace).toBeCloseTo(0.72, 10);
    expect(bj).toMatchObject({ projected_year_end: 72, projected_low: 72, projected_high: 72 });

    expect(he).toMatchObject({ target: 200, cumulative_actual: 30, expected_basis: 'seasonal', expected: 100 });
    expect(he.pace).toBeCloseTo(0.3, 10);
    expect(he.projected_year_end).toBeCloseTo(60, 8);

    expect(sh).toMatchObject({ target: 50, cumulative_actual: 0, expected_basis: 'linear', expected: 25, pace: 0, projected_year_end: 0 });

    // Each province's target names its source (target.csv: Beijing's is its work plan); no target, no source.
    expect(rows.map((r) => r.target_source)).toEqual(['fixture', 'Beijing 2025 work plan', 'fixture', 'fixture', null]);

    expect(xz).toMatchObject({
      target: null,
      cumulative_actual: 10,
      share_achieved: null,
      expected_basis: null,
      expected: null,
      pace: null,
      projected_year_end: 10,
    });
  });

  it('has the numbers of annual-target-progress for each province', async () => {
    const [gd] = (await runByParams(db.connection, definition)).filter((r) => r.region_code === '440000');
    const [own] = await runByParams(db.connection, progress, { region: '440000' });
    // Both 180 against 500 at a pace of 0.96, projected 480 (360..720), on track.
    for (const column of ['target', 'cumulative_actual', 'expected_basis', 'status', 'period', 'period_complete'])
      expect(gd[column]).toEqual(own[column]);
    for (const column of ['expected', 'pace', 'projected_year_end', 'projected_low', 'projected_high'])
      expect(gd[column]).toBeCloseTo(own[column] as number, 10);
  });

  it('judges a complete year: achieved, or missed however close', async () => {
    const rows = await runByParams(db.connection, definition, { year: '2024' });
    // 2024 is whole (as of December). Hebei: 10 × 12 = 120 against 100, no history → linear 100 → pace 1.2, achieved.
    // Guangdong: 240 against 250; history 2023 (100% by December) → expected 250, pace 0.96 — missed, not on track.
    expect(rows.map((r) => [r.region_code, r.period, r.period_complete, r.cumulative_actual, r.status, r.rank])).toEqual([
      ['130000', '2024', true, 120, 'achieved', 1],
      ['440000', '2024', true, 240, 'missed', 2],
      ['110000', '2024', true, 0, null, null],
      ['310000', '2024', true, 0, null, null],
      ['540000', '2024', true, 0, null, null],
    ]);
    expect(rows[0].pace).toBeCloseTo(1.2, 10);
    expect(rows[1].pace).toBeCloseTo(0.96, 10);
    expect(rows[1].projected_year_end).toBeCloseTo(240, 8); // 240 ÷ 1
  });

  it('reads an earlier as-of month along the same seasonal profile', async () => {
    const rows = await runByParams(db.connection, definition, { as_of: '2025-03' });
    const gd = rows.find((r) => r.region_code === '440000')!;
    // Guangdong to March: 90; shares by March 2023 60/240 = 0.25, 2024 30/240 = 0.125 → mean 0.1875; expected
    // 500 × 0.1875 = 93.75; pace 0.96; projection 90 ÷ 0.1875 = 480, band 90 ÷ 0.25 = 360 to 90 ÷ 0.125 = 720.
    expect(gd).toMatchObject({ as_of: '2025-03', months_elapsed: 3, period: '2025-01/2025-03', cumulative_actual: 90 });
    expect(gd.expected).toBeCloseTo(93.75, 8);
    expect(gd.pace).toBeCloseTo(0.96, 10);
    expect(gd.projected_year_end).toBeCloseTo(480, 8);
    expect(gd.projected_low).toBeCloseTo(360, 8);
    expect(gd.projected_high).toBeCloseTo(720, 8);
  });
});
