import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/zone-tightest-occupations.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference: tests/fixtures/zone-pressure/reference (README there).
//   gba members 440100, 440300, 810000; catalogue A = 2-02-10-09, C = 6-18-01-01, D = 6-18-01-02.
//   jjj members 110000 and 110100; catalogue A, B = 2-02-10-10, D.
// The facts (shared with the sibling query's test): tests/fixtures/zone-pressure/facts/labor_market.csv.
const labor = readFileSync(new URL('../fixtures/zone-pressure/facts/labor_market.csv', import.meta.url), 'utf8');

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb({ 'labor_market.csv': labor }, fileURLToPath(new URL('../fixtures/zone-pressure/reference', import.meta.url)));
});
afterAll(() => db.close());

describe('zone-tightest-occupations', () => {
  it('defaults to gba and the latest quarter, catalogue occupations only, by ratio', async () => {
    const rows = await runByParams(db.connection, definition);
    // C: 200/100 = 2 (county 440305 under member 440300; the 440000 row is outside), gap 100.
    // D: 12/8 = 1.5, gap 4. A: 50/60 = 0.83, gap −10. B (Hong Kong 20/0) is not in gba's catalogue.
    expect(rows.map((r) => [r.occupation_code, r.vacancies, r.job_seekers, r.gap, r.rank])).toEqual([
      ['6-18-01-01', 200, 100, 100, 1],
      ['6-18-01-02', 12, 8, 4, 2],
      ['2-02-10-09', 50, 60, -10, 3],
    ]);
    expect(rows[0]).toMatchObject({ quarter: '2024Q2', zone_code: 'gba', name_en: 'Lathe operators', group_code: '6', ratio: 2 });
    expect(rows[2].ratio).toBeCloseTo(50 / 60, 12);
  });

  it('ranks vacancies with no seekers first, counts nested members once, and limits rows', async () => {
    const rows = await runByParams(db.connection, definition, { zone: 'jjj', limit: '2' });
    // D: 5/0 → ratio null but tightest; B 30/10 = 3; A 100/40 = 2.5 (cut by the limit).
    // 110100 rows (members 110000 and 110100 both match) count once: A would otherwise show 200.
    expect(rows.map((r) => [r.occupation_code, r.ratio, r.rank])).toEqual([
      ['6-18-01-02', null, 1],
      ['2-02-10-10', 3, 2],
    ]);
    const all = await runByParams(db.connection, definition, { zone: 'jjj' });
    expect(all[2]).toMatchObject({ occupation_code: '2-02-10-09', vacancies: 100, job_seekers: 40, ratio: 2.5, gap: 60, rank: 3 });
  });

  it('reads the chosen quarter', async () => {
    const rows = await runByParams(db.connection, definition, { zone: 'gba', quarter: '2024Q1' });
    expect(rows).toEqual([expect.objectContaining({ quarter: '2024Q1', occupation_code: '2-02-10-09', ratio: 1, gap: 0, rank: 1 })]);
  });

  it('returns nothing for a zone with no data', async () => {
    expect(await runByParams(db.connection, definition, { zone: 'hainan' })).toEqual([]);
  });
});
