import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/multi-year-target-progress.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';
import { multiYearTalentStock, multiYearTraining } from '../fixtures/multi-year-target-progress/facts.js';

// Reference: tests/fixtures/multi-year-target-progress/reference (README there); facts: facts.ts beside it.
// Vocational training, person-times (GD + BJ = national):
//   2019 100+50 = 150, 2020 120+80 = 200, 2021 60+40 = 100, 2022 70+50 = 120, 2023 60+84 = 144,
//   2024 (January..June only) 50+30 = 80. The latest year is 2024, reported up to June.

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': multiYearTraining, 'talent_stock.csv': multiYearTalentStock },
    fileURLToPath(new URL('../fixtures/multi-year-target-progress/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

const find = (rows: Record<string, unknown>[], program: string, start: number) => {
  const row = rows.find((r) => r.program_code === program && r.period_start === start);
  if (!row) throw new Error(`no row for ${program} ${start}`);
  return row;
};

describe('multi-year-target-progress', () => {
  it('lists every national multi-year target, and no annual one', async () => {
    const rows = await runByParams(db.connection, definition);
    expect(rows.map((r) => [r.program_code, r.period_start, r.period_end])).toEqual([
      ['postdoc_stations', 2021, 2025],
      ['public_training_bases', 2021, 2025],
      ['skill_certificate', 2021, 2025],
      ['vocational_training', 2016, 2020],
      ['vocational_training', 2021, 2025],
    ]);
    expect(rows.every((r) => r.region_code === '000000')).toBe(true);
  });

  it('paces a training flow on the period elapsed and solves the growth still required', async () => {
    const row = find(await runByParams(db.connection, definition), 'vocational_training', 2021);
    // Cumulative 2021..2024-06: 100 + 120 + 144 + 80 = 444; elapsed 3 years + 6 months = 3.5 of 5.
    expect(row).toMatchObject({
      as_of_year: 2024,
      target: 904,
      cumulative_actual: 444,
      years_elapsed: 3.5,
      years_remaining: 1.5,
      period_ended: false,
      last_full_year: 2023,
    });
    expect(row.share_achieved).toBeCloseTo(444 / 904, 10);
    expect(row.expected_to_date).toBeCloseTo((904 * 3.5) / 5, 10); // 632.8
    expect(row.pace).toBeCloseTo(444 / 632.8, 10); // 0.7016 → acceleration needed
    expect(row.status).toBe('acceleration_needed');
    expect(row.observed_annual_volume).toBeCloseTo(444 / 3.5, 10); // 126.86
    expect(row.required_annual_volume).toBeCloseTo((904 - 444) / 1.5, 10); // 306.67
    // Observed growth 2021 → 2023 (complete years): (144/100)^(1/2) − 1 = 0.2.
    expect(row.observed_annual_growth).toBeCloseTo(0.2, 10);
    // Required: through 2023 the total is 364, so 540 must come in 2024 and 2025 from 144 growing at x = 1 + g:
    // 144(x + x²) = 540 → x² + x − 3.75 = 0 → x = (−1 + √16)/2 = 1.5 → g = 0.5.
    expect(row.required_annual_growth).toBeCloseTo(0.5, 10);
    expect(row.growth_ratio).toBeCloseTo(1.2 / 1.5, 10); // 0.8
  });

  it('counts a programme by its own metric column and marks a met target achieved', async () => {
    const row = find(await runByParams(db.connection, definition), 'skill_certificate', 2021);
    // Certificates 100 + 100 + 100 + 120 = 420 ≥ 400 (person-times of 7 a year ignored).
    expect(row).toMatchObject({
      cumulative_actual: 420,
      status: 'achieved',
      required_annual_volume: 0,
      required_annual_growth: null,
      growth_ratio: null,
      observed_annual_growth: 0,
    });
    expect(row.pace).toBeCloseTo(420 / ((400 * 3.5) / 5), 10); // 1.5
  });

  it('adds up a talent_stock flow over its years, as of its own latest year', async () => {
    const row = find(await runByParams(db.connection, definition), 'public_training_bases', 2021);
    // 2021 3 (GD), 2022 4 (a Guangzhou row, counted once under GD), 2023 2 + 3 = 5 → 12; the latest year is
    // 2023, a whole year: 3 of 5 years elapsed. Expected 20 × 3/5 = 12 → pace 1.0.
    expect(row).toMatchObject({
      as_of_year: 2023,
      cumulative_actual: 12,
      years_elapsed: 3,
      share_achieved: 0.6,
      expected_to_date: 12,
      pace: 1,
      status: 'on_track',
    });
    expect(row.observed_annual_volume).toBeCloseTo(4, 10); // 12 / 3
    expect(row.required_annual_volume).toBeCloseTo(4, 10); // (20 − 12) / 2
    expect(row.observed_annual_growth).toBeCloseTo(Math.sqrt(5 / 3) - 1, 10); // 0.2910
    // 5(x + x²) = 8 → x = (−1 + √(1 + 4 × 1.6))/2 = (−1 + √7.4)/2 = 0.86015.
    const x = (-1 + Math.sqrt(7.4)) / 2;
    expect(row.required_annual_growth).toBeCloseTo(x - 1, 10);
    expect(row.growth_ratio).toBeCloseTo(Math.sqrt(5 / 3) / x, 10); // 1.5009
  });

  it('takes a stock at its latest level and paces it by the ratio of observed to required growth', async () => {
    const row = find(await runByParams(db.connection, definition), 'postdoc_stations', 2021);
    // Levels: 2021 80 + 20 = 100, 2022 110, 2023 100 + 21 = 121 → actual 121 of 200.
    expect(row).toMatchObject({
      aggregation: 'last',
      as_of_year: 2023,
      cumulative_actual: 121,
      share_achieved: 0.605,
      expected_to_date: null,
      observed_annual_volume: null,
      required_annual_volume: null,
    });
    expect(row.observed_annual_growth).toBeCloseTo(0.1, 10); // √(121/100) − 1
    expect(row.required_annual_growth).toBeCloseTo(Math.sqrt(200 / 121) - 1, 10); // 0.2856 over 2024–2025
    expect(row.pace).toBeCloseTo(1.1 / Math.sqrt(200 / 121), 10); // 0.8556
    expect(row.growth_ratio).toBeCloseTo(row.pace as number, 12);
    expect(row.status).toBe('acceleration_needed');
  });

  it('marks an ended period that fell short as missed, with the share achieved', async () => {
    const row = find(await runByParams(db.connection, definition), 'vocational_training', 2016);
    // 2016–2020: only 2019 (150) and 2020 (200) have data → 350 of 500 = 0.7; expected 500 × 5/5 → pace 0.7 (which
    // during the period would read acceleration_needed); nothing remains, and the period is over: missed.
    expect(row).toMatchObject({
      cumulative_actual: 350,
      years_elapsed: 5,
      years_remaining: 0,
      period_ended: true,
      share_achieved: 0.7,
      pace: 0.7,
      status: 'missed',
      required_annual_volume: null,
      required_annual_growth: null,
      observed_annual_growth: null, // 2016 has no data
    });
  });

  it("shows a province's own targets with its own volumes", async () => {
    const rows = await runByParams(db.connection, definition, { region: '440000' });
    expect(rows.map((r) => [r.program_code, r.period_start])).toEqual([
      ['vocational_training', 2016],
      ['vocational_training', 2021],
    ]);
    const [ended, current] = rows;
    // 2016–2020: 100 + 120 = 220 of 1000 = 0.22, the period over → missed.
    expect(ended).toMatchObject({
      region_code: '440000',
      cumulative_actual: 220,
      share_achieved: 0.22,
      period_ended: true,
      status: 'missed',
    });
    // 2021–2025: 60 + 70 + 60 + 50 = 240 of 300; expected 300 × 3.5/5 = 210 → pace 1.142857.
    expect(current).toMatchObject({ cumulative_actual: 240, expected_to_date: 210, status: 'on_track', observed_annual_growth: 0 });
    expect(current.pace).toBeCloseTo(240 / 210, 10);
    // Still needed after 2023: 300 − 190 = 110 from 60: 60(x + x²) = 110 → x = (−1 + √(1 + 4 × 110/60))/2.
    const x = (-1 + Math.sqrt(1 + (4 * 110) / 60)) / 2;
    expect(current.required_annual_growth).toBeCloseTo(x - 1, 10); // −0.0566
    expect(current.growth_ratio).toBeCloseTo(1 / x, 10);
  });

  it('filters by programme', async () => {
    const rows = await runByParams(db.connection, definition, { program: 'postdoc_stations' });
    expect(rows.map((r) => r.program_code)).toEqual(['postdoc_stations']);
  });

  it('stops at an earlier as-of year', async () => {
    const rows = await runByParams(db.connection, definition, { as_of_year: '2022' });
    const row = find(rows, 'vocational_training', 2021);
    // 2021 + 2022 = 220 over 2 whole years; expected 904 × 2/5 = 361.6 → pace 0.6084.
    expect(row).toMatchObject({
      as_of_year: 2022,
      cumulative_actual: 220,
      years_elapsed: 2,
      last_full_year: 2022,
      status: 'acceleration_needed',
    });
    expect(row.pace).toBeCloseTo(220 / 361.6, 10);
    expect(row.observed_annual_growth).toBeCloseTo(0.2, 10); // 120/100 − 1
    // The required rate solves 120(x + x² + x³) = 904 − 220 = 684 over 2023–2025.
    const x = 1 + (row.required_annual_growth as number);
    expect(120 * (x + x ** 2 + x ** 3)).toBeCloseTo(684, 8);
  });

  it('has no status before a period starts', async () => {
    const rows = await runByParams(db.connection, definition, { as_of_year: '2020' });
    expect(find(rows, 'vocational_training', 2021)).toMatchObject({ cumulative_actual: 0, years_elapsed: 0, pace: null, status: null });
    expect(find(rows, 'postdoc_stations', 2021)).toMatchObject({ cumulative_actual: 0, years_elapsed: 0, status: null });
    // 2016–2020 has ended by December 2020: 350 of 500 → missed.
    expect(find(rows, 'vocational_training', 2016)).toMatchObject({
      cumulative_actual: 350,
      period_ended: true,
      share_achieved: 0.7,
      status: 'missed',
    });
  });
});
