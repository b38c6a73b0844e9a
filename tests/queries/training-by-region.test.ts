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
  it('ranks provinces by per-10k rate, with national shares and change on the same months of the previous year', async () => {
    const rows = await runByParams(db.connection, definition, { program: 'vocational_training', year: '2024' });
    // Vocational training in 2024 was reported nationally up to May (knowledge renewal's row does not count), so
    // 2024 covers January..May and is compared with January..May 2023.
    // 2024 national total = 120 (BJ) + 300 (GD) + 30 (XZ) = 450. Per 10k: BJ 120/600 → 2000, GD 300/2000 → 1500,
    // XZ 30/300 → 1000: ranked by rate BJ, GD, XZ (by volume it would be GD first). Annualised: × 12/5.
    expect(rows.map((r) => r.region_code)).toEqual(['110000', '440000', '540000']);
    expect(
      rows.every(
        (r) =>
          r.year === 2024 &&
          r.period_start === '2024-01' &&
          r.period_end === '2024-05' &&
          r.months_covered === 5 &&
          r.period_complete === false &&
          r.rank_by === 'rate',
      ),
    ).toBe(true);
    const [bj, gd, xz] = rows;
    // Guangdong's 2023 May (150, Shenzhen) falls in January..May: 300/150 − 1 = 1.
    expect(gd).toMatchObject({
      person_times: 300,
      certificates: 20,
      working_age: 2000,
      per_10k: 1500,
      per_10k_annualised: 3600, // 1500 × 12/5
      previous_person_times: 150,
      rank: 2,
    });
    expect(gd.share_of_national).toBeCloseTo(300 / 450, 10);
    expect(gd.change_on_previous_year).toBeCloseTo(300 / 150 - 1, 10);
    // Beijing's 2023 volume (100) came in June, after the months covered: nothing to compare with (it was +20%
    // against the whole of 2023).
    expect(bj).toMatchObject({
      person_times: 120,
      per_10k: 2000,
      per_10k_annualised: 4800,
      previous_person_times: null,
      change_on_previous_year: null,
      rank: 1,
    });
    expect(xz).toMatchObject({
      person_times: 30,
      per_10k: 1000,
      per_10k_annualised: 2400,
      previous_person_times: null,
      change_on_previous_year: null,
      rank: 3,
    });
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

describe('training-by-region on a year still being reported', () => {
  // Vocational training by month (same reference). 2025 is whole; 2026 is reported nationally January..April only.
  //   Beijing 110100:   2025 10 every month (Jan..Apr 40, year 120);          2026 15 × 4 = 60
  //   Guangzhou 440100: 2025 10 × 4 Jan..Apr, then 40 × 8 (Jan..Apr 40, year 360); 2026 20 × 4 = 80
  //   Shenzhen 440300:  2025 10 in January, then 10 × 8 May..Dec (Jan..Apr 10, year 90); 2026 5 × 4 = 20
  //   Lhasa 540100:     2025 30 in December only;                             2026 12 in March
  // Guangdong = Guangzhou + Shenzhen: 2025 Jan..Apr 50, year 450; 2026 100. National 2026 = 60 + 100 + 12 = 172.
  // A knowledge-renewal row in September 2026 must not stretch vocational training's months.
  const row = (month: string, region: string, personTimes: number) => `${month},${region},vocational_training,general,${personTimes},0,0,0`;
  const months = (year: number, region: string, values: Record<number, number>) =>
    Object.entries(values).map(([m, v]) => row(`${year}-${m.padStart(2, '0')}`, region, v));
  const everyMonth = (value: number, from = 1, to = 12) =>
    Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, value])) as Record<number, number>;
  const partYear = [
    'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny',
    ...months(2025, '110100', everyMonth(10)),
    ...months(2025, '440100', { ...everyMonth(10, 1, 4), ...everyMonth(40, 5, 12) }),
    ...months(2025, '440300', { 1: 10, ...everyMonth(10, 5, 12) }),
    ...months(2025, '540100', { 12: 30 }),
    ...months(2026, '110100', everyMonth(15, 1, 4)),
    ...months(2026, '440100', everyMonth(20, 1, 4)),
    ...months(2026, '440300', everyMonth(5, 1, 4)),
    ...months(2026, '540100', { 3: 12 }),
    '2026-09,440100,knowledge_renewal,general,500,0,0,0',
    '',
  ].join('\n');

  let partDb: FixtureDb;
  beforeAll(async () => {
    partDb = await buildFixtureDb({ 'training.csv': partYear });
  });
  afterAll(() => partDb.close());

  it('compares January..April with the same months of the previous year, not its whole', async () => {
    const rows = await runByParams(partDb.connection, definition, { program: 'vocational_training' });
    expect(
      rows.every(
        (r) =>
          r.year === 2026 && r.period_start === '2026-01' && r.period_end === '2026-04' && r.months_covered === 4 && !r.period_complete,
      ),
    ).toBe(true);
    const byRegion = Object.fromEntries(rows.map((r) => [r.region_code, r]));
    // Beijing: 60 against 40 → +50% (against the whole of 2025, 120, it would read −50%).
    expect(byRegion['110000']).toMatchObject({ person_times: 60, previous_person_times: 40, change_on_previous_year: 0.5 });
    // Guangdong: 100 against 40 + 10 = 50 → +100% (against 450 it would read −77.8%).
    expect(byRegion['440000']).toMatchObject({ person_times: 100, previous_person_times: 50, change_on_previous_year: 1 });
    // Tibet's 2025 volume came in December: nothing in the same months to compare with.
    expect(byRegion['540000']).toMatchObject({ person_times: 12, previous_person_times: null, change_on_previous_year: null });
    // Shares of January..April nationally (172).
    expect(byRegion['110000'].share_of_national).toBeCloseTo(60 / 172, 10);
    expect(byRegion['440000'].share_of_national).toBeCloseTo(100 / 172, 10);
    expect(byRegion['540000'].share_of_national).toBeCloseTo(12 / 172, 10);
  });

  it('gives the rate for the months covered and annualised, and ranks by rate unless asked for volume', async () => {
    const byRate = await runByParams(partDb.connection, definition, { program: 'vocational_training' });
    // Per 10k, January..April: BJ 60/600 → 1000, GD 100/2000 → 500, XZ 12/300 → 400; annualised × 12/4.
    expect(byRate.map((r) => [r.region_code, r.per_10k, r.per_10k_annualised, r.rank_by, r.rank])).toEqual([
      ['110000', 1000, 3000, 'rate', 1],
      ['440000', 500, 1500, 'rate', 2],
      ['540000', 400, 1200, 'rate', 3],
    ]);
    // By volume: GD 100, BJ 60, XZ 12.
    const byVolume = await runByParams(partDb.connection, definition, { program: 'vocational_training', rank_by: 'volume' });
    expect(byVolume.map((r) => [r.region_code, r.person_times, r.rank_by, r.rank])).toEqual([
      ['440000', 100, 'volume', 1],
      ['110000', 60, 'volume', 2],
      ['540000', 12, 'volume', 3],
    ]);
  });

  it("compares a province's prefectures over the same months", async () => {
    const rows = await runByParams(partDb.connection, definition, {
      program: 'vocational_training',
      level: 'prefecture',
      province: '440000',
    });
    // Guangzhou 80 against 40 (not 360); Shenzhen 20 against 10 (not 90): both +100%.
    expect(rows.map((r) => [r.region_code, r.person_times, r.previous_person_times, r.change_on_previous_year, r.months_covered])).toEqual([
      ['440100', 80, 40, 1, 4],
      ['440300', 20, 10, 1, 4],
    ]);
    // Guangzhou per 10k: round(80 × 10000/700, 2) = 1142.86; annualised from the unrounded rate: round(1142.857… × 12/4, 2) = 3428.57.
    expect(rows[0]).toMatchObject({ per_10k: 1142.86, per_10k_annualised: 3428.57 });
    expect(rows[0].share_of_national).toBeCloseTo(80 / 172, 10);
  });

  it('covers all twelve months of a whole year, where the annualised rate is the rate', async () => {
    const rows = await runByParams(partDb.connection, definition, { program: 'vocational_training', year: '2025' });
    // 2025 per 10k: GD 450/2000 → 2250, BJ 120/600 → 2000, XZ 30/300 → 1000; no 2024 to compare with.
    expect(
      rows.map((r) => [
        r.region_code,
        r.period_start,
        r.period_end,
        r.months_covered,
        r.period_complete,
        r.per_10k,
        r.per_10k_annualised,
        r.previous_person_times,
      ]),
    ).toEqual([
      ['440000', '2025-01', '2025-12', 12, true, 2250, 2250, null],
      ['110000', '2025-01', '2025-12', 12, true, 2000, 2000, null],
      ['540000', '2025-01', '2025-12', 12, true, 1000, 1000, null],
    ]);
  });
});
