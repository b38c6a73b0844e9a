import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/annual-target-path.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';
import { annualTargetTraining } from '../fixtures/annual-target-progress/training.js';

// Same fixture as annual-target-progress (tests/fixtures/annual-target-progress: README and training.ts).
// National 2024: Jan 60, Feb 60, Mar 60, Apr 80, May 20, Jun 70 (latest month); target 1000.
// Cumulative share of each history year's volume by month k (history = 2023, 2021, 2020):
//   2023 (300): k ≤ 6 → 10k/300, k > 6 → (60 + 40(k − 6))/300
//   2021 (240): 20k/240
//   2020 (240): k ≤ 6 → 30k/240, k > 6 → (180 + 10(k − 6))/240
const yearShares = (k: number) => [
  (k <= 6 ? 10 * k : 60 + 40 * (k - 6)) / 300, // 2023
  (20 * k) / 240, // 2021
  (k <= 6 ? 30 * k : 180 + 10 * (k - 6)) / 240, // 2020
];
const seasonalShare = (k: number) => yearShares(k).reduce((a, b) => a + b, 0) / 3;
// From the as-of month a on, the projection grows the volume to date along the profile: actual × share(k)/share(a);
// each history year's own shares give one path, and the lowest and highest of those make the band.

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': annualTargetTraining },
    fileURLToPath(new URL('../fixtures/annual-target-progress/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

describe('annual-target-path', () => {
  it('gives twelve months: actuals up to the as-of month, expected paths, and a projection band after it', async () => {
    const rows = await runByParams(db.connection, definition);
    expect(rows.map((r) => r.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    expect(rows.map((r) => r.actual_monthly)).toEqual([60, 60, 60, 80, 20, 70, null, null, null, null, null, null]);
    expect(rows.map((r) => r.cumulative_actual)).toEqual([60, 120, 180, 260, 280, 350, null, null, null, null, null, null]);
    expect(rows.every((r) => r.target === 1000)).toBe(true);
    // Expected paths: 1000 × mean share; linear 1000 × k/12.
    expect(rows[0].expected_cumulative_seasonal).toBeCloseTo((1000 * (10 / 300 + 20 / 240 + 30 / 240)) / 3, 8); // 80.56
    expect(rows[5].expected_cumulative_seasonal).toBeCloseTo((1000 * 1.45) / 3, 8); // 483.33
    expect(rows[8].expected_cumulative_seasonal).toBeCloseTo((1000 * (0.6 + 0.75 + 0.875)) / 3, 8); // 741.67
    expect(rows[11].expected_cumulative_seasonal).toBeCloseTo(1000, 8);
    rows.forEach((r, i) => {
      expect(r.expected_cumulative_seasonal).toBeCloseTo(1000 * seasonalShare(i + 1), 8);
      expect(r.expected_cumulative_linear).toBeCloseTo((1000 * (i + 1)) / 12, 8);
    });
    // Projection from June (350) along the profile: share(6) = 1.45/3 = 0.48333.
    expect(rows.slice(0, 5).map((r) => r.projected_cumulative)).toEqual([null, null, null, null, null]);
    expect(rows[5]).toMatchObject({ projected_cumulative: 350, projected_low: 350, projected_high: 350 });
    // July: share(7) = (100/300 + 140/240 + 190/240)/3 = 0.569444 → 350 × 0.569444/0.483333 = 412.36;
    // band 2020 350 × 190/180 = 369.44, 2021 350 × 140/120 = 408.33, 2023 350 × 100/60 = 583.33.
    expect(rows[6].projected_cumulative).toBeCloseTo((350 * (100 / 300 + 140 / 240 + 190 / 240)) / 1.45, 8);
    expect(rows[6].projected_low).toBeCloseTo((350 * 190) / 180, 8);
    expect(rows[6].projected_high).toBeCloseTo((350 * 100) / 60, 8);
    rows.slice(5).forEach((r, i) => {
      const k = i + 6;
      const own = yearShares(k).map((share, y) => (350 * share) / yearShares(6)[y]);
      expect(r.projected_cumulative).toBeCloseTo((350 * seasonalShare(k)) / seasonalShare(6), 8);
      expect(r.projected_low).toBeCloseTo(Math.min(...own), 8);
      expect(r.projected_high).toBeCloseTo(Math.max(...own), 8);
    });
    // December: 350 ÷ 0.48333 = 724.14 (annual-target-progress's projected_year_end); band 350 ÷ 0.75 = 466.67
    // (2020) to 350 ÷ 0.2 = 1750 (2023).
    expect(rows[11].projected_cumulative).toBeCloseTo((350 * 3) / 1.45, 8);
    expect(rows[11].projected_low).toBeCloseTo(350 / 0.75, 8);
    expect(rows[11].projected_high).toBeCloseTo(350 / 0.2, 8);
  });

  it('cuts the actuals at an earlier as-of month even when later months have data', async () => {
    const rows = await runByParams(db.connection, definition, { as_of: '2024-03' });
    expect(rows.map((r) => r.cumulative_actual)).toEqual([60, 120, 180, null, null, null, null, null, null, null, null, null]);
    // From March (180, share(3) = 0.725/3): the first half is even in every history year, so April is
    // 180 × 4/3 = 240; December 180 ÷ 0.241667 = 744.83, band 180 ÷ 0.375 = 480 (2020) to 180 ÷ 0.1 = 1800 (2023).
    expect(rows[2]).toMatchObject({ projected_cumulative: 180, projected_low: 180, projected_high: 180 });
    expect(rows[3].projected_cumulative).toBeCloseTo(240, 8);
    expect(rows[11].projected_cumulative).toBeCloseTo((180 * 3) / 0.725, 8);
    expect(rows[11].projected_low).toBeCloseTo(480, 8);
    expect(rows[11].projected_high).toBeCloseTo(1800, 8);
  });

  it('has no seasonal path without history, and no target for a province without one', async () => {
    const rows = await runByParams(db.connection, definition, { region: '110000' });
    // Beijing: 20 a month January..June, no history (the run rate: 120 + 20 × 6), no target.
    expect(rows[5]).toMatchObject({
      cumulative_actual: 120,
      expected_cumulative_seasonal: null,
      expected_cumulative_linear: null,
      target: null,
    });
    expect(rows[11].projected_cumulative).toBe(240);
  });
});
