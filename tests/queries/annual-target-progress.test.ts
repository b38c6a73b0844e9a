import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/annual-target-progress.js';
import pathDefinition from '../../queries/annual-target-path.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';
import { annualTargetTraining } from '../fixtures/annual-target-progress/training.js';

// Reference: tests/fixtures/annual-target-progress/reference (README there). Knowledge-renewal targets:
// national 2024 = 1000, Guangdong 2024 = 500, Beijing 2023 = 100, national 2023 = 310, national 2021 = 200,
// national 2019 = 240.
// Training: tests/fixtures/annual-target-progress/training.ts. National 2024 by month (GD + BJ):
//   Jan 60, Feb 60, Mar 60, Apr 80, May 20 (GD reported nothing), Jun 70 → latest month June, total 350.
// Seasonal history for 2024: the three latest complete years before it are 2023, 2021 and 2020 (2022 has no
// December; 2019 is a fourth). Share of each year's volume in January..June:
//   2023: 60/300 = 0.2, 2021: 120/240 = 0.5, 2020: 180/240 = 0.75 → mean 1.45/3 = 0.48333.
// January..March: 2023 30/300 = 0.1, 2021 60/240 = 0.25, 2020 90/240 = 0.375 → mean 0.725/3 = 0.241667.
// The year-end projection follows that profile: actual ÷ mean share by the as-of month (the December share is 1),
// which is pace × target; its band is actual ÷ each history year's own share by the as-of month (lowest, highest).

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': annualTargetTraining },
    fileURLToPath(new URL('../fixtures/annual-target-progress/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

describe('annual-target-progress', () => {
  it('defaults to knowledge renewal, the nation, the latest year and its latest month', async () => {
    const [row] = await runByParams(db.connection, definition);
    expect(row).toMatchObject({
      program_code: 'knowledge_renewal',
      unit_en: 'person-times',
      region_code: '000000',
      year: 2024,
      as_of: '2024-06',
      months_elapsed: 6,
      target: 1000,
      cumulative_actual: 350,
      period: '2024-01/2024-06',
      period_complete: false,
      seasonal_years: 3,
      expected_basis: 'seasonal',
      projection_basis: 'seasonal',
      status: 'acceleration_needed',
    });
    expect(row.share_achieved).toBeCloseTo(0.35, 10);
    expect(row.expected_linear).toBeCloseTo(500, 10); // 1000 × 6/12
    expect(row.expected_seasonal).toBeCloseTo((1000 * 1.45) / 3, 8); // 483.333
    expect(row.expected).toBeCloseTo((1000 * 1.45) / 3, 8);
    expect(row.pace).toBeCloseTo(350 / ((1000 * 1.45) / 3), 8); // 0.7241: between 0.60 and 0.95
    expect(row.required_monthly_rate).toBeCloseTo(650 / 6, 8); // (1000 − 350) / 6 = 108.33
    // Along the profile: 350 ÷ 0.48333 = 350 × 3/1.45 = 724.14; band 350 ÷ 0.75 (2020) = 466.67 to 350 ÷ 0.2 (2023) = 1750.
    expect(row.projected_year_end).toBeCloseTo((350 * 3) / 1.45, 8);
    expect(row.projected_low).toBeCloseTo(350 / 0.75, 8);
    expect(row.projected_high).toBeCloseTo(350 / 0.2, 8);
    // Last three months: Apr 80, May 20, Jun 70 → mean 170/3; 6 months remain → run rate 350 + 170/3 × 6 = 690.
    expect(row.recent_monthly_rate).toBeCloseTo(170 / 3, 8);
    expect(row.projected_year_end_run_rate).toBeCloseTo(690, 8);
  });

  it("uses a province's own target and its own history", async () => {
    const [row] = await runByParams(db.connection, definition, { region: '440000' });
    // Guangdong 2024: 40 + 40 + 40 + 60 + 0 + 50 = 230 against 500; its history is the nation's (Beijing has none).
    expect(row).toMatchObject({
      region_code: '440000',
      target: 500,
      cumulative_actual: 230,
      expected_basis: 'seasonal',
      status: 'on_track',
    });
    expect(row.expected_seasonal).toBeCloseTo((500 * 1.45) / 3, 8); // 241.667
    expect(row.pace).toBeCloseTo(230 / ((500 * 1.45) / 3), 8); // 0.9517 ≥ 0.95
    expect(row.required_monthly_rate).toBeCloseTo(270 / 6, 8); // 45
    // Along the profile: 230 × 3/1.45 = 475.86 (= pace × 500); band 230 ÷ 0.75 = 306.67 to 230 ÷ 0.2 = 1150.
    expect(row.projection_basis).toBe('seasonal');
    expect(row.projected_year_end).toBeCloseTo((230 * 3) / 1.45, 8);
    expect(row.projected_year_end).toBeCloseTo((row.pace as number) * 500, 8);
    expect(row.projected_low).toBeCloseTo(230 / 0.75, 8);
    expect(row.projected_high).toBeCloseTo(230 / 0.2, 8);
    // Apr 60, May 0 (no row), Jun 50 → mean 110/3 → run rate 230 + 110/3 × 6 = 450.
    expect(row.recent_monthly_rate).toBeCloseTo(110 / 3, 8);
    expect(row.projected_year_end_run_rate).toBeCloseTo(450, 8);
  });

  it('gives no target, no expectation basis and no status to a province without a target of its own; without history it projects the run rate', async () => {
    const [row] = await runByParams(db.connection, definition, { region: '110000' });
    // Beijing 2024: 6 × 20 = 120; no 2024 target for Beijing (so no expectation, nor a basis for one); no Beijing
    // volume in earlier years (so no seasonal profile).
    expect(row).toMatchObject({
      region_code: '110000',
      cumulative_actual: 120,
      target: null,
      share_achieved: null,
      expected_linear: null,
      expected_seasonal: null,
      seasonal_years: 0,
      expected_basis: null,
      expected: null,
      pace: null,
      required_monthly_rate: null,
      status: null,
      projection_basis: 'run_rate',
    });
    // Apr, May, Jun 20 each: 120 + 20 × 6 = 240, the band collapses, and the run-rate figure is the same.
    expect(row).toMatchObject({ projected_year_end: 240, projected_low: 240, projected_high: 240, projected_year_end_run_rate: 240 });
  });

  it('has no expectation basis without a target, yet projects along its seasonal history', async () => {
    const [row] = await runByParams(db.connection, definition, { year: '2023', region: '440000' });
    // Guangdong 2023: 300, no 2023 target of its own; history 2021, 2020, 2019 (2022 is incomplete), each with 100%
    // of its volume by December → projection 300 × 1/1 = 300.
    expect(row).toMatchObject({
      cumulative_actual: 300,
      target: null,
      seasonal_years: 3,
      expected_basis: null,
      expected: null,
      status: null,
      projection_basis: 'seasonal',
      projected_year_end: 300,
    });
  });

  it('reads "000000" as the nation', async () => {
    const [row] = await runByParams(db.connection, definition, { region: '000000' });
    expect(row).toMatchObject({ region_code: '000000', target: 1000, cumulative_actual: 350 });
  });

  it('holds an as_of beyond the latest reported month to that month: an open year is not closed by months not yet reported', async () => {
    // 2024 is reported to June: as of December it is still January–June, open, and judged as in the default case.
    const [row] = await runByParams(db.connection, definition, { as_of: '2024-12' });
    expect(row).toMatchObject({
      as_of: '2024-06',
      months_elapsed: 6,
      period: '2024-01/2024-06',
      period_complete: false,
      status: 'acceleration_needed',
    });
  });

  it('takes the year from as_of, and seasonality up to that month', async () => {
    const [row] = await runByParams(db.connection, definition, { as_of: '2024-03' });
    // January..March: 60 × 3 = 180; seasonal expectation 1000 × 0.725/3 = 241.667; pace 0.7448.
    expect(row).toMatchObject({ year: 2024, as_of: '2024-03', months_elapsed: 3, cumulative_actual: 180, status: 'acceleration_needed' });
    expect(row.expected_linear).toBeCloseTo(250, 10);
    expect(row.expected_seasonal).toBeCloseTo((1000 * 0.725) / 3, 8);
    expect(row.pace).toBeCloseTo(180 / ((1000 * 0.725) / 3), 8);
    expect(row.required_monthly_rate).toBeCloseTo(820 / 9, 8); // (1000 − 180) / 9
    // Along the March profile: 180 ÷ 0.241667 = 744.83; band 180 ÷ 0.375 (2020) = 480 to 180 ÷ 0.1 (2023) = 1800.
    expect(row.projected_year_end).toBeCloseTo((180 * 3) / 0.725, 8);
    expect(row.projected_low).toBeCloseTo(480, 8);
    expect(row.projected_high).toBeCloseTo(1800, 8);
    // Jan, Feb, Mar all 60 → run rate 180 + 60 × 9 = 720.
    expect(row).toMatchObject({ recent_monthly_rate: 60, projected_year_end_run_rate: 720 });
  });

  it('averages fewer than three months in January', async () => {
    const [row] = await runByParams(db.connection, definition, { as_of: '2024-01' });
    // Only January (60) is in the year: run rate 60 + 60 × 11 = 720.
    expect(row).toMatchObject({ months_elapsed: 1, period: '2024-01/2024-01', cumulative_actual: 60, recent_monthly_rate: 60 });
    expect(row.projected_year_end_run_rate).toBe(720);
    // Seasonal January shares: 2023 10/300, 2021 20/240, 2020 30/240.
    const januaryShare = (10 / 300 + 20 / 240 + 30 / 240) / 3; // 0.080556
    expect(row.expected_seasonal).toBeCloseTo(1000 * januaryShare, 8); // 80.56
    // 60 ÷ 0.080556 = 744.83; band 60 ÷ (30/240) = 480 to 60 ÷ (10/300) = 1800.
    expect(row.projected_year_end).toBeCloseTo(60 / januaryShare, 8);
    expect(row.projected_low).toBeCloseTo(480, 8);
    expect(row.projected_high).toBeCloseTo(1800, 8);
  });

  it('marks a target met by December as achieved, with nothing more required', async () => {
    const [row] = await runByParams(db.connection, definition, { year: '2021' });
    // 2021: 12 × 20 = 240 ≥ 200. History: 2020 and 2019 (two years), each 100% of its volume by December.
    expect(row).toMatchObject({
      year: 2021,
      as_of: '2021-12',
      months_elapsed: 12,
      period: '2021',
      period_complete: true,
      target: 200,
      cumulative_actual: 240,
      seasonal_years: 2,
      expected_basis: 'seasonal',
      expected_seasonal: 200,
      required_monthly_rate: 0,
      status: 'achieved',
    });
    expect(row.pace).toBeCloseTo(1.2, 10);
    expect(row.projected_year_end).toBe(240); // no month remains
  });

  it('falls back to the linear path without earlier complete years, and has no required rate after December', async () => {
    const [row] = await runByParams(db.connection, definition, { year: '2019' });
    // 2019 is the first year: 12 × 10 = 120 against 240; linear expectation 240 × 12/12 = 240; pace 0.5. The year
    // is over and short of its target: missed (no longer limited_progress by pace).
    expect(row).toMatchObject({
      months_elapsed: 12,
      period: '2019',
      period_complete: true,
      cumulative_actual: 120,
      share_achieved: 0.5,
      expected_basis: 'linear',
      expected_seasonal: null,
      expected: 240,
      pace: 0.5,
      required_monthly_rate: null,
      status: 'missed',
      // No history: the run rate, 120 + 10 × 0 months left.
      projection_basis: 'run_rate',
      projected_year_end: 120,
    });
  });

  it('marks a complete year that falls short as missed, even at a pace that would be on track', async () => {
    const [row] = await runByParams(db.connection, definition, { year: '2023' });
    // National 2023 = Guangdong's: 6 × 10 + 6 × 40 = 300 against 310. History 2021, 2020, 2019, each 100% by
    // December → expected 310 × 1 = 310, pace 300/310 = 0.9677 (≥ 0.95 would be on_track during the year).
    expect(row).toMatchObject({
      as_of: '2023-12',
      months_elapsed: 12,
      period: '2023',
      period_complete: true,
      target: 310,
      cumulative_actual: 300,
      seasonal_years: 3,
      expected_basis: 'seasonal',
      expected: 310,
      required_monthly_rate: null,
      status: 'missed',
      projection_basis: 'seasonal',
      projected_year_end: 300, // 300 ÷ 1 = pace × target
      projected_low: 300,
      projected_high: 300,
      projected_year_end_run_rate: 300, // nothing left to add
    });
    expect(row.pace).toBeCloseTo(300 / 310, 10);
    expect(row.share_achieved).toBeCloseTo(300 / 310, 10);
  });

  it('misses a complete year with nothing done', async () => {
    const [row] = await runByParams(db.connection, definition, { year: '2023', region: '110000' });
    // Beijing reported no knowledge renewal in 2023 (the nation did, up to December) against its target of 100.
    expect(row).toMatchObject({
      as_of: '2023-12',
      period_complete: true,
      target: 100,
      cumulative_actual: 0,
      expected_basis: 'linear',
      pace: 0,
      status: 'missed',
    });
  });

  it('is falling behind with nothing done while the year runs', async () => {
    const [row] = await runByParams(db.connection, definition, { as_of: '2023-06', region: '110000' });
    // Beijing to June 2023: 0 against 100 × 6/12 = 50 (linear: no Beijing history) → pace 0.
    expect(row).toMatchObject({
      as_of: '2023-06',
      period: '2023-01/2023-06',
      period_complete: false,
      target: 100,
      cumulative_actual: 0,
      expected_basis: 'linear',
      expected: 50,
      pace: 0,
      status: 'falling_behind',
    });
  });

  it("projects the year end along the seasonal profile: the path's December, and pace × target", async () => {
    const [row] = await runByParams(db.connection, definition);
    const path = await runByParams(db.connection, pathDefinition);
    const december = path[11];
    // National 2024 to June: 350; mean share by June 1.45/3 → 724.14. Every year's own share gives the band:
    // 2023 350 ÷ 0.2 = 1750, 2021 350 ÷ 0.5 = 700, 2020 350 ÷ 0.75 = 466.67 → low 466.67, high 1750.
    expect(row.projected_year_end).toBeCloseTo((350 * 3) / 1.45, 8);
    expect(december.month).toBe('2024-12');
    expect(december.projected_cumulative).toBeCloseTo(row.projected_year_end as number, 8);
    expect(row.projected_year_end).toBeCloseTo((row.pace as number) * (row.target as number), 8);
    expect(december.projected_low).toBeCloseTo(350 / 0.75, 8);
    expect(december.projected_high).toBeCloseTo(350 / 0.2, 8);
    expect(row).toMatchObject({ projected_low: december.projected_low, projected_high: december.projected_high });
    // The run rate is a second figure, not the projection: 350 + (80 + 20 + 70)/3 × 6 = 690.
    expect(row.projected_year_end_run_rate).toBeCloseTo(690, 8);
  });

  it('rejects an as_of month outside the year', async () => {
    await expect(runByParams(db.connection, definition, { year: '2023', as_of: '2024-03' })).rejects.toThrow(
      /as_of must be a month of the chosen year/,
    );
  });
});
