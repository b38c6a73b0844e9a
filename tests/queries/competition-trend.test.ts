import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/competition-trend.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference: tests/fixtures/competition-results/reference (adds worldskills).
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

const series = (rows: Record<string, unknown>[]) =>
  rows.map((r) => [r.year, r.competition_code, r.entrants, r.gold, r.silver, r.bronze, r.medals, r.provinces_with_medals]);

describe('competition-trend', () => {
  it('gives every competition year by year', async () => {
    const rows = await runByParams(db.connection, definition);
    // national_skills 2023: entrants 10+12+3 = 25; gold 1, silver 2, bronze 1 → 4 medals; BJ and GD won → 2.
    // national_skills 2024: entrants 8+5+10+6+4+2 = 35; gold 1+2 = 3, silver 1, bronze 2+1+1 = 4 → 8; BJ, GD, XZ → 3.
    // worldskills 2022: GD gold 1. worldskills 2023: HK bronze 1.
    expect(series(rows)).toEqual([
      [2022, 'worldskills', 1, 1, 0, 0, 1, 1],
      [2023, 'national_skills', 25, 1, 2, 1, 4, 2],
      [2023, 'worldskills', 1, 0, 0, 1, 1, 1],
      [2024, 'national_skills', 35, 3, 1, 4, 8, 3],
    ]);
    expect(rows[1]).toMatchObject({ name_en: 'National Skills Competition', name_zh: '全国技能大赛' });
  });

  it('filters by competition', async () => {
    const rows = await runByParams(db.connection, definition, { competition: 'worldskills' });
    expect(rows.map((r) => [r.year, r.competition_code])).toEqual([
      [2022, 'worldskills'],
      [2023, 'worldskills'],
    ]);
  });

  it('filters by a province, counting its prefectures', async () => {
    const rows = await runByParams(db.connection, definition, { region: '440000' });
    // Guangdong: 2023 Guangzhou 12 entrants, silver 2; 2024 Guangzhou + Shenzhen 10 + 6 = 16, gold 2, bronze 1;
    // worldskills 2022 Shenzhen gold 1.
    expect(series(rows)).toEqual([
      [2022, 'worldskills', 1, 1, 0, 0, 1, 1],
      [2023, 'national_skills', 12, 0, 2, 0, 2, 1],
      [2024, 'national_skills', 16, 2, 0, 1, 3, 1],
    ]);
  });

  it('filters by a prefecture; a year without medals counts no province', async () => {
    const rows = await runByParams(db.connection, definition, { region: '440300', competition: 'national_skills' });
    // Shenzhen 2024: 6 entrants, no medals.
    expect(series(rows)).toEqual([[2024, 'national_skills', 6, 0, 0, 0, 0, 0]]);
  });
});
