import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/region-comparison.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';
import { regionProfileFacts } from '../fixtures/region-profile/facts.js';

// Same fixture as region-profile (tests/fixtures/region-profile: README and facts.ts), year 2024.
// Values BJ / GD / HE / XZ (worked out in region-profile.test.ts):
//   training_per_10k 2000 / 1500 / 1000 / 500 (mean 1250, σ √312500); competition_medals 1 / 4 / 0 / 0 (national
//   total 5, so the national value is 5 / 4 provinces = 1.25 a province);
//   vacancy_seeker_ratio 2 / 1.5 / 1 / unknown.

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(regionProfileFacts, fileURLToPath(new URL('../fixtures/region-profile/reference', import.meta.url)));
});
afterAll(() => db.close());

describe('region-comparison', () => {
  it('puts the provinces asked for side by side, in the order asked', async () => {
    const rows = await runByParams(db.connection, definition, { regions: '540000,110000' });
    expect(rows).toHaveLength(12);
    expect(rows.slice(0, 6).every((r) => r.region_code === '540000')).toBe(true);
    expect(rows.slice(6).every((r) => r.region_code === '110000')).toBe(true);
    const training = rows.filter((r) => r.indicator === 'training_per_10k');
    expect(training.map((r) => [r.region_code, r.value, r.rank, r.macro_region_median])).toEqual([
      ['540000', 500, 4, 500], // the west is Tibet alone
      ['110000', 2000, 1, 1500], // east median of 2000, 1500, 1000
    ]);
    expect(training[0].z_score).toBeCloseTo(-750 / Math.sqrt(312500), 10); // −1.3416
    expect(training[1].z_score).toBeCloseTo(750 / Math.sqrt(312500), 10);
    // The national value is the same for every province: for a rate, the nation as a whole.
    expect(training[0].national_value).toBeCloseTo((535 * 10000) / 3900, 8);
    expect(training[1].national_value).toBeCloseTo((535 * 10000) / 3900, 8);
    expect(training.map((r) => r.national_basis)).toEqual(['national_rate', 'national_rate']);
    // For a count, the average per province: 5 / 4 = 1.25.
    const medals = rows.filter((r) => r.indicator === 'competition_medals');
    expect(medals.map((r) => [r.value, r.rank, r.national_value, r.national_basis])).toEqual([
      [0, 3, 1.25, 'province_average'],
      [1, 2, 1.25, 'province_average'],
    ]); // XZ ties HE at 0
  });

  it('lists every mainland province when none is given', async () => {
    const rows = await runByParams(db.connection, definition);
    // BJ, HE, GD, XZ × 6 indicators; Hong Kong is not mainland.
    expect(rows).toHaveLength(24);
    expect([...new Set(rows.map((r) => r.region_code))]).toEqual(['110000', '130000', '440000', '540000']);
    const labour = rows.filter((r) => r.indicator === 'vacancy_seeker_ratio');
    expect(labour.map((r) => [r.value, r.rank])).toEqual([
      [2, 1],
      [1, 3],
      [1.5, 2],
      [null, null],
    ]);
  });

  it('reads another year', async () => {
    const rows = await runByParams(db.connection, definition, { regions: '440000', year: '2023' });
    expect(rows.every((r) => r.year === 2023)).toBe(true);
    expect(rows.find((r) => r.indicator === 'competition_medals')).toMatchObject({ value: 9, rank: 1 });
  });
});
