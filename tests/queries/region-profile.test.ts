import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/region-profile.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';
import { regionProfileFacts } from '../fixtures/region-profile/facts.js';

// Reference: tests/fixtures/region-profile/reference (README there); facts: facts.ts beside it.
// Mainland provinces (working-age / population): BJ 600 / 1000, HE 1000 / 1500, GD 2000 / 3000 (east); XZ 300 / 500 (west).
// Hong Kong is not mainland: its training never counts. Year: 2024 (the latest with training).
// The nation's training in 2024 runs to August (skill certificates 2024-08) and no further: the training
// indicators' period is '2024-01/2024-08' (2023: June only → '2023-01/2023-06').
// Values by province, BJ / GD / HE / XZ:
//   training_per_10k:          120, 300, 100, 15 per 600, 2000, 1000, 300 → 2000, 1500, 1000, 500
//   knowledge_renewal_per_10k: 0, 200, 0, 0 → 0, 1000, 0, 0
//   certificates_per_10k:      30, 100 (certificates, not person-times), 0, 0 → 500, 500, 0, 0
//   vacancy_seeker_ratio 2024Q3 (the latest quarter of 2024): 40/20, (40+20)/(20+20), 10/10, no data → 2, 1.5, 1, null
//   competition_medals 2024:   1, (1+0+1) + (0+2+0) = 4 (excellence awards not counted), 0, 0; a count, so its national
//                              value is the average per mainland province: 5 / 4 = 1.25 (national_basis 'province_average';
//                              every ratio's is 'national_rate': Σ numerators / Σ denominators)
//   platforms_per_million:     postdoc stations at 2023 (2025 is after the year), expert bases at 2024 (2022 is older):
//                              4, 2+4+3 = 9, 0, 1 per 1000, 3000, 1500, 500 residents → 4000, 3000, 0, 2000

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(regionProfileFacts, fileURLToPath(new URL('../fixtures/region-profile/reference', import.meta.url)));
});
afterAll(() => db.close());

describe('region-profile', () => {
  it('profiles Guangdong by default: six indicators with medians, national values, z-scores and ranks', async () => {
    const rows = await runByParams(db.connection, definition);
    expect(rows.map((r) => r.indicator)).toEqual([
      'training_per_10k',
      'knowledge_renewal_per_10k',
      'certificates_per_10k',
      'vacancy_seeker_ratio',
      'competition_medals',
      'platforms_per_million',
    ]);
    expect(
      rows.every((r) => r.region_code === '440000' && r.year === 2024 && r.macro_region === 'east' && r.higher_is_better === true),
    ).toBe(true);
    const [training, renewal, certificates, labour, medals, platforms] = rows;

    // Values 2000, 1500, 1000, 500: mean 1250, σ = √((750² + 250² + 250² + 750²)/4) = √312500 = 559.02.
    expect(training).toMatchObject({
      label_en: 'Vocational training per 10,000 working-age',
      period: '2024-01/2024-08',
      national_basis: 'national_rate',
      value: 1500,
      macro_region_median: 1500,
      rank: 2,
    });
    expect(training.z_score).toBeCloseTo(250 / Math.sqrt(312500), 10); // 0.4472
    expect(training.national_value).toBeCloseTo((535 * 10000) / 3900, 8); // (120+300+100+15) / (600+2000+1000+300)

    // 0, 1000, 0, 0: mean 250, σ = √((3 × 250² + 750²)/4) = √187500; east median of 0, 1000, 0 = 0.
    expect(renewal).toMatchObject({
      period: '2024-01/2024-08',
      national_basis: 'national_rate',
      value: 1000,
      macro_region_median: 0,
      rank: 1,
    });
    expect(renewal.z_score).toBeCloseTo(750 / Math.sqrt(187500), 10); // √3
    expect(renewal.national_value).toBeCloseTo((200 * 10000) / 3900, 8);

    // 500, 500, 0, 0: mean 250, σ = 250; Beijing ties Guangdong for first.
    expect(certificates).toMatchObject({
      period: '2024-01/2024-08',
      national_basis: 'national_rate',
      value: 500,
      macro_region_median: 500,
      rank: 1,
    });
    expect(certificates.z_score).toBeCloseTo(1, 10);
    expect(certificates.national_value).toBeCloseTo((130 * 10000) / 3900, 8);

    // 2, 1.5, 1 (Tibet unknown): mean 1.5 → z 0; rank 2 of 3; national 110 / 70.
    expect(labour).toMatchObject({
      period: '2024Q3',
      unit_en: 'ratio',
      national_basis: 'national_rate',
      value: 1.5,
      macro_region_median: 1.5,
      z_score: 0,
      rank: 2,
    });
    expect(labour.national_value).toBeCloseTo(110 / 70, 10);

    // 1, 4, 0, 0: mean 1.25, σ = √((0.25² + 2.75² + 1.25² + 1.25²)/4) = √2.6875; east median 1. National value: the
    // national total 5 over the 4 mainland provinces = 1.25 a province (against which Guangdong's 4 compares).
    expect(medals).toMatchObject({
      period: '2024',
      value: 4,
      macro_region_median: 1,
      national_value: 1.25,
      national_basis: 'province_average',
      rank: 1,
    });
    expect(medals.z_score).toBeCloseTo(2.75 / Math.sqrt(2.6875), 10); // 1.6775

    // 4000, 3000, 0, 2000: mean 2250, σ = √((1750² + 750² + 2250² + 250²)/4) = √2187500; national 14 / 6000 residents.
    expect(platforms).toMatchObject({
      period: '2023–2024',
      national_basis: 'national_rate',
      value: 3000,
      macro_region_median: 3000,
      rank: 2,
    });
    expect(platforms.z_score).toBeCloseTo(750 / Math.sqrt(2187500), 10); // 0.5071
    expect(platforms.national_value).toBeCloseTo((14 / 6000) * 1e6, 8); // 2333.33
  });

  it('compares a count with the average province and a ratio with the nation as a whole', async () => {
    const rows = await runByParams(db.connection, definition, { region: '110000' });
    expect(rows.map((r) => [r.indicator, r.national_basis])).toEqual([
      ['training_per_10k', 'national_rate'],
      ['knowledge_renewal_per_10k', 'national_rate'],
      ['certificates_per_10k', 'national_rate'],
      ['vacancy_seeker_ratio', 'national_rate'],
      ['competition_medals', 'province_average'],
      ['platforms_per_million', 'national_rate'],
    ]);
    // Medals BJ 1, GD 4, HE 0, XZ 0: (1 + 4 + 0 + 0) / 4 = 1.25, not the national total 5; Beijing is below it.
    expect(rows.find((r) => r.indicator === 'competition_medals')).toMatchObject({ value: 1, national_value: 1.25 });
  });

  it('leaves a ratio unknown, without a rank, where its denominator is zero', async () => {
    const rows = await runByParams(db.connection, definition, { region: '540000' });
    const labour = rows.find((r) => r.indicator === 'vacancy_seeker_ratio')!;
    expect(labour).toMatchObject({ value: null, z_score: null, rank: null, macro_region_median: null });
    // The west has only Tibet: its median is Tibet's own value.
    expect(rows.find((r) => r.indicator === 'training_per_10k')).toMatchObject({ value: 500, macro_region_median: 500, rank: 4 });
  });

  it('reads another year', async () => {
    const rows = await runByParams(db.connection, definition, { year: '2023' });
    // 2023: Guangdong trained 9999 of the nation's 9999, in June, the nation's only month of 2023; no labour quarter
    // in 2023; medals 9 (9 / 4 provinces = 2.25 a province); postdoc stations at 2023 (2 + 4) and expert bases at
    // their latest year up to 2023, 2022 (50): 56 per 3000 residents.
    expect(rows.find((r) => r.indicator === 'training_per_10k')).toMatchObject({
      year: 2023,
      period: '2023-01/2023-06',
      value: (9999 * 10000) / 2000,
      rank: 1,
    });
    expect(rows.find((r) => r.indicator === 'vacancy_seeker_ratio')).toMatchObject({ period: null, value: null, national_value: null });
    expect(rows.find((r) => r.indicator === 'competition_medals')).toMatchObject({
      value: 9,
      national_value: 2.25,
      national_basis: 'province_average',
    });
    expect(rows.find((r) => r.indicator === 'platforms_per_million')).toMatchObject({ period: '2022–2023' });
    expect(rows.find((r) => r.indicator === 'platforms_per_million')!.value).toBeCloseTo((56 / 3000) * 1e6, 8); // 18666.67
  });

  it("notes an incomplete census denominator on a province's per-capita indicators only", async () => {
    // Hebei's population is the census prefecture table's sum, whose Baoding row leaves out Dingzhou and Xiong'an:
    // its four per-capita indicators carry the note; the vacancy ratio (persons over persons) and the medal count do not.
    const hebei = await runByParams(db.connection, definition, { region: '130000' });
    const noted = hebei.filter((r) => r.denominator_note_en !== null).map((r) => r.indicator);
    expect(noted).toEqual(['training_per_10k', 'knowledge_renewal_per_10k', 'certificates_per_10k', 'platforms_per_million']);
    expect(hebei[0].denominator_note_en).toMatch(/Baoding row leaves out Dingzhou and Xiong'an/);
    expect(hebei[0].denominator_note_zh).toMatch(/定州市和雄安新区/);
    const beijing = await runByParams(db.connection, definition, { region: '110000' });
    expect(beijing.every((r) => r.denominator_note_en === null && r.denominator_note_zh === null)).toBe(true);
  });
});
