import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/annual-target-progress.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';
import { annualTargetTraining } from '../fixtures/annual-target-progress/training.js';

// Reference: tests/fixtures/annual-target-progress/reference (README there). Knowledge-renewal targets:
// national 2024 = 1000, Guangdong 2024 = 500, Beijing 2023 = 100, national 2021 = 200, national 2019 = 240.
// Training: tests/fixtures/annual-target-progress/training.ts. National 2024 by month (GD + BJ):
//   Jan 60, Feb 60, Mar 60, Apr 80, May 20 (GD reported nothing), Jun 70 → latest month June, total 350.
// Seasonal history for 2024: the three latest complete years before it are 2023, 2021 and 2020 (2022 has no
// December; 2019 is a fourth). Share of each year's volume in January..June:
//   2023: 60/300 = 0.2, 2021: 120/240 = 0.5, 2020: 180/240 = 0.75 → mean 1.45/3 = 0.48333.
// January..March: 2023 30/300 = 0.1, 2021 60/240 = 0.25, 2020 90/240 = 0.375 → mean 0.725/3 = 0.241667.

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
      seasonal_years: 3,
      expected_basis: 'seasonal',
      status: 'acceleration_needed',
    });
    expect(row.share_achieved).toBeCloseTo(0.35, 10);
    expect(row.expected_linear).toBeCloseTo(500, 10); // 1000 × 6/12
    expect(row.expected_seasonal).toBeCloseTo((1000 * 1.45) / 3, 8); // 483.333
    expect(row.expected).toBeCloseTo((1000 * 1.45) / 3, 8);
    expect(row.pace).toBeCloseTo(350 / ((1000 * 1.45) / 3), 8); // 0.7241: between 0.60 and 0.95
    expect(row.required_monthly_rate).toBeCloseTo(650 / 6, 8); // (1000 − 350) / 6 = 108.33
    // Last three months: Apr 80, May 20, Jun 70 → mean 170/3; low 20, high 80; 6 months remain.
    expect(row.recent_monthly_rate).toBeCloseTo(170 / 3, 8);
    expect(row.projected_year_end).toBeCloseTo(350 + (170 / 3) * 6, 8); // 690
    expect(row.projected_low).toBeCloseTo(350 + 20 * 6, 8); // 470
    expect(row.projected_high).toBeCloseTo(350 + 80 * 6, 8); // 830
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
    // Apr 60, May 0 (no row), Jun 50 → mean 110/3, low 0, high 60.
    expect(row.recent_monthly_rate).toBeCloseTo(110 / 3, 8);
    expect(row.projected_year_end).toBeCloseTo(230 + (110 / 3) * 6, 8); // 450
    expect(row.projected_low).toBeCloseTo(230, 8);
    expect(row.projected_high).toBeCloseTo(230 + 60 * 6, 8); // 590
  });

  it('gives no target and no status to a province without a target of its own; without history the basis is linear', async () => {
    const [row] = await runByParams(db.connection, definition, { region: '110000' });
    // Beijing 2024: 6 × 20 = 120; no 2024 target for Beijing; no Beijing volume in earlier years.
    expect(row).toMatchObject({
      region_code: '110000',
      cumulative_actual: 120,
      target: null,
      share_achieved: null,
      expected_linear: null,
      expected_seasonal: null,
      seasonal_years: 0,
      expected_basis: 'linear',
      expected: null,
      pace: null,
      required_monthly_rate: null,
      status: null,
    });
    expect(row.projected_year_end).toBeCloseTo(120 + 20 * 6, 8); // 240
  });

  it('names the seasonal basis from history even where there is no target', async () => {
    const [row] = await runByParams(db.connection, definition, { year: '2023', region: '440000' });
    // Guangdong 2023: 300, no 2023 target of its own; history 2021, 2020, 2019 (2022 is incomplete).
    expect(row).toMatchObject({
      cumulative_actual: 300,
      target: null,
      seasonal_years: 3,
      expected_basis: 'seasonal',
      expected: null,
      status: null,
    });
  });

  it('reads "000000" as the nation', async () => {
    const [row] = await runByParams(db.connection, definition, { region: '000000' });
    expect(row).toMatchObject({ region_code: '000000', target: 1000, cumulative_actual: 350 });
  });

  it('takes the year from as_of, and seasonality up to that month', async () => {
    const [row] = await runByParams(db.connection, definition, { as_of: '2024-03' });
    // January..March: 60 × 3 = 180; seasonal expectation 1000 × 0.725/3 = 241.667; pace 0.7448.
    expect(row).toMatchObject({ year: 2024, as_of: '2024-03', months_elapsed: 3, cumulative_actual: 180, status: 'acceleration_needed' });
    expect(row.expected_linear).toBeCloseTo(250, 10);
    expect(row.expected_seasonal).toBeCloseTo((1000 * 0.725) / 3, 8);
    expect(row.pace).toBeCloseTo(180 / ((1000 * 0.725) / 3), 8);
    expect(row.required_monthly_rate).toBeCloseTo(820 / 9, 8); // (1000 − 180) / 9
    // Jan, Feb, Mar all 60 → the band collapses: 180 + 60 × 9 = 720.
    expect(row).toMatchObject({ recent_monthly_rate: 60, projected_year_end: 720, projected_low: 720, projected_high: 720 });
  });

  it('averages fewer than three months in January', async () => {
    const [row] = await runByParams(db.connection, definition, { as_of: '2024-01' });
    // Only January (60) is in the year: 60 + 60 × 11 = 720.
    expect(row).toMatchObject({ months_elapsed: 1, cumulative_actual: 60, recent_monthly_rate: 60, projected_year_end: 720 });
    // Seasonal January shares: 2023 10/300, 2021 20/240, 2020 30/240.
    expect(row.expected_seasonal).toBeCloseTo((1000 * (10 / 300 + 20 / 240 + 30 / 240)) / 3, 8); // 80.56
  });

  it('marks a target met by December as achieved, with nothing more required', async () => {
    const [row] = await runByParams(db.connection, definition, { year: '2021' });
    // 2021: 12 × 20 = 240 ≥ 200. History: 2020 and 2019 (two years), each 100% of its volume by December.
    expect(row).toMatchObject({
      year: 2021,
      as_of: '2021-12',
      months_elapsed: 12,
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
    // 2019 is the first year: 12 × 10 = 120 against 240; linear expectation 240 × 12/12 = 240; pace 0.5 < 0.60.
    expect(row).toMatchObject({
      cumulative_actual: 120,
      expected_basis: 'linear',
      expected_seasonal: null,
      expected: 240,
      pace: 0.5,
      required_monthly_rate: null,
      status: 'limited_progress',
    });
  });

  it('is falling behind with nothing done', async () => {
    const [row] = await runByParams(db.connection, definition, { year: '2023', region: '110000' });
    // Beijing reported no knowledge renewal in 2023 (the nation did, up to December) against its target of 100.
    expect(row).toMatchObject({
      as_of: '2023-12',
      target: 100,
      cumulative_actual: 0,
      expected_basis: 'linear',
      pace: 0,
      status: 'falling_behind',
    });
  });

  it('rejects an as_of month outside the year', async () => {
    await expect(runByParams(db.connection, definition, { year: '2023', as_of: '2024-03' })).rejects.toThrow(
      /as_of must be a month of the chosen year/,
    );
  });
});
