import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/training-trend.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Shared reference (tests/fixtures/reference). Zones: jjj = 110000 and its own prefecture 110100 (a Beijing row
// must count once); gba = 440100, 440300 and 810000 (Hong Kong), not Guangdong as a whole.
const training = `month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny
2023-12,440100,vocational_training,general,100,90,10,0
2024-01,110100,vocational_training,general,10,9,1,0
2024-01,110000,vocational_training,general,5,5,0,0
2024-01,440100,vocational_training,general,20,18,2,0
2024-02,440300,vocational_training,general,40,35,4,0
2024-02,440100,vocational_training,ai,7,7,0,0
2024-02,540100,vocational_training,general,30,30,3,0
2024-02,810000,vocational_training,general,8,8,0,0
2024-03,540100,knowledge_renewal,general,999,999,0,0
`;
// National vocational training: 2023-12 100; 2024-01 10 + 5 + 20 = 35; 2024-02 40 + 7 + 30 + 8 = 85.

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb({ 'training.csv': training });
});
afterAll(() => db.close());

const pick = (rows: Record<string, unknown>[]) => rows.map((r) => [r.period, r.person_times, r.national_person_times]);

describe('training-trend', () => {
  it('gives the national monthly series by default, each period a full share of itself', async () => {
    const rows = await runByParams(db.connection, definition);
    expect(pick(rows)).toEqual([
      ['2023-12', 100, 100],
      ['2024-01', 35, 35],
      ['2024-02', 85, 85],
    ]);
    expect(rows[1]).toMatchObject({ participants: 32, certificates: 3, share_of_national: 1 }); // 9 + 5 + 18; 1 + 2
  });

  it('gives a province beside the nation', async () => {
    const rows = await runByParams(db.connection, definition, { region: '440000' });
    // Guangdong: 100; 20; 40 + 7 = 47.
    expect(pick(rows)).toEqual([
      ['2023-12', 100, 100],
      ['2024-01', 20, 35],
      ['2024-02', 47, 85],
    ]);
    expect(rows[2]).toMatchObject({ participants: 42, certificates: 4 });
    expect(rows[1].share_of_national).toBeCloseTo(20 / 35, 10);
    expect(rows[2].share_of_national).toBeCloseTo(47 / 85, 10);
  });

  it("counts a zone's facts once when both a province and its prefecture are members", async () => {
    const rows = await runByParams(db.connection, definition, { zone: 'jjj' });
    // 2024-01: 10 (110100) + 5 (110000) = 15, not 25; nothing in the other months.
    expect(pick(rows)).toEqual([
      ['2023-12', 0, 100],
      ['2024-01', 15, 35],
      ['2024-02', 0, 85],
    ]);
    expect(rows[1]).toMatchObject({ participants: 14, certificates: 1 });
    expect(rows[0].share_of_national).toBe(0);
  });

  it("sums a zone's prefecture and province members, and intersects a zone with a province", async () => {
    // gba 2024-02: Shenzhen 40 + Guangzhou 7 + Hong Kong 8 = 55.
    expect(pick(await runByParams(db.connection, definition, { zone: 'gba' }))).toEqual([
      ['2023-12', 100, 100],
      ['2024-01', 20, 35],
      ['2024-02', 55, 85],
    ]);
    // Guangdong's part of gba leaves Hong Kong out: 47.
    expect(pick(await runByParams(db.connection, definition, { zone: 'gba', region: '440000' }))).toEqual([
      ['2023-12', 100, 100],
      ['2024-01', 20, 35],
      ['2024-02', 47, 85],
    ]);
    // Beijing has no part in gba.
    expect((await runByParams(db.connection, definition, { zone: 'gba', region: '110000' })).map((r) => r.person_times)).toEqual([0, 0, 0]);
  });

  it('gives yearly periods', async () => {
    const rows = await runByParams(db.connection, definition, { grain: 'year', region: '440000' });
    // Guangdong 2023: 100 of 100; 2024: 20 + 47 = 67 of 35 + 85 = 120.
    expect(pick(rows)).toEqual([
      ['2023', 100, 100],
      ['2024', 67, 120],
    ]);
    expect(rows[1].share_of_national).toBeCloseTo(67 / 120, 10);
  });

  it('limits the years', async () => {
    expect(pick(await runByParams(db.connection, definition, { from: '2024' }))).toEqual([
      ['2024-01', 35, 35],
      ['2024-02', 85, 85],
    ]);
    expect(pick(await runByParams(db.connection, definition, { to: '2023' }))).toEqual([['2023-12', 100, 100]]);
    expect(await runByParams(db.connection, definition, { from: '2025' })).toEqual([]);
  });

  it('filters by field and programme', async () => {
    expect(pick(await runByParams(db.connection, definition, { field: 'ai', region: '440000' }))).toEqual([['2024-02', 7, 7]]);
    expect(pick(await runByParams(db.connection, definition, { program: 'knowledge_renewal' }))).toEqual([['2024-03', 999, 999]]);
  });
});
