import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/competition-results.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference: tests/fixtures/competition-results/reference (adds worldskills). Prefecture rows count for
// their province: 110100 → Beijing 110000, 440100/440300 → Guangdong 440000, 540100 → Tibet 540000.
// The facts (shared with the sibling query's test): tests/fixtures/competition-results/facts/competition.csv.
const competition = readFileSync(new URL('../fixtures/competition-results/facts/competition.csv', import.meta.url), 'utf8');

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'competition.csv': competition },
    fileURLToPath(new URL('../fixtures/competition-results/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

const table = (rows: Record<string, unknown>[]) => rows.map((r) => [r.region_code, r.gold, r.silver, r.bronze, r.score, r.rank]);

describe('competition-results', () => {
  it('defaults to all competitions in the latest year, ranked by score then gold', async () => {
    const rows = await runByParams(db.connection, definition);
    // 2024 (national_skills only that year):
    //   GD: gold 2, bronze 1 → 3·2 + 1 = 7; entrants 10 + 6 = 16; excellence 0 + 2 = 2; medals 3
    //   BJ: gold 1, silver 1, bronze 2 → 3 + 2 + 2 = 7; entrants 8 + 5 = 13; excellence 1; medals 4
    //   XZ: bronze 1 → 1; HK: nothing → 0 (still listed: it entered)
    // GD and BJ tie on 7; GD has more gold → 1st.
    expect(table(rows)).toEqual([
      ['440000', 2, 0, 1, 7, 1],
      ['110000', 1, 1, 2, 7, 2],
      ['540000', 0, 0, 1, 1, 3],
      ['810000', 0, 0, 0, 0, 4],
    ]);
    expect(rows[0]).toMatchObject({
      year: 2024,
      from_year: 2024,
      to_year: 2024,
      name_en: 'Guangdong',
      macro_region: 'east',
      entrants: 16,
      excellence: 2,
      medals: 3,
    });
    expect(rows[1]).toMatchObject({ entrants: 13, excellence: 1, medals: 4 });
  });

  it('defaults to the latest year of the chosen competition', async () => {
    const rows = await runByParams(db.connection, definition, { competition: 'worldskills' });
    // worldskills' latest year is 2023: Hong Kong bronze 1 → score 1.
    expect(rows).toEqual([
      expect.objectContaining({ year: 2023, region_code: '810000', bronze: 1, medals: 1, entrants: 1, score: 1, rank: 1 }),
    ]);
  });

  it('breaks equal scores by gold', async () => {
    const rows = await runByParams(db.connection, definition, { competition: 'national_skills', year: '2023' });
    // BJ gold 1 + bronze 1 = 4; GD silver 2 = 4 → BJ (more gold) 1st; XZ 0.
    expect(table(rows)).toEqual([
      ['110000', 1, 0, 1, 4, 1],
      ['440000', 0, 2, 0, 4, 2],
      ['540000', 0, 0, 0, 0, 3],
    ]);
  });

  it('adds up all years, and provinces equal in score and gold share a rank', async () => {
    const rows = await runByParams(db.connection, definition, { scope: 'all_years' });
    // GD: gold 0+2+1 (worldskills 2022) = 3, silver 2, bronze 1 → 9 + 4 + 1 = 14; entrants 12+10+6+1 = 29
    // BJ: gold 1+1 = 2, silver 1, bronze 1+2 = 3 → 6 + 2 + 3 = 11; entrants 10+8+5 = 23; excellence 2+0+1 = 3
    // XZ: bronze 1 → 1, gold 0; HK: bronze 1 (worldskills 2023) → 1, gold 0 → both 3rd.
    expect(table(rows)).toEqual([
      ['440000', 3, 2, 1, 14, 1],
      ['110000', 2, 1, 3, 11, 2],
      ['540000', 0, 0, 1, 1, 3],
      ['810000', 0, 0, 1, 1, 3],
    ]);
    expect(rows[0]).toMatchObject({ year: null, from_year: 2022, to_year: 2024, entrants: 29, medals: 6 });
    expect(rows[1]).toMatchObject({ entrants: 23, excellence: 3, medals: 6 });
  });

  it('returns nothing for a year without data', async () => {
    expect(await runByParams(db.connection, definition, { year: '2020' })).toEqual([]);
  });
});
