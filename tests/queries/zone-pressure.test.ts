import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/zone-pressure.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference: tests/fixtures/zone-pressure/reference (README there).
//   gba members 440100, 440300, 810000; catalogue A = 2-02-10-09, C = 6-18-01-01, D = 6-18-01-02.
//   jjj members 110000 and 110100; catalogue A, B = 2-02-10-10, D. hainan: no members, no catalogue.
// The facts (shared with the sibling query's test): tests/fixtures/zone-pressure/facts/labor_market.csv.
const zoneLabor = readFileSync(new URL('../fixtures/zone-pressure/facts/labor_market.csv', import.meta.url), 'utf8');

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'labor_market.csv': zoneLabor },
    fileURLToPath(new URL('../fixtures/zone-pressure/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

describe('zone-pressure', () => {
  it('defaults to the latest quarter and θ = 1.5, one row per zone', async () => {
    const rows = await runByParams(db.connection, definition);
    expect(rows.map((r) => r.zone_code)).toEqual(['gba', 'hainan', 'jjj']);
    const [gba, hainan, jjj] = rows;
    // gba rows: 440100 A 50/60, 440305 (county of member 440300) C 200/100, 440300 D 12/8, 810000 B 20/0.
    //   The 440000 province-level row is outside (440000 is not a member).
    //   All occupations: 50+200+12+20 = 282 vacancies, 60+100+8+0 = 168 seekers.
    //   Catalogue: A 50/60 = 0.83, C 2, D 1.5 → 3 reported; above 1.5: C only (1.5 is not above) → 1/3.
    //   Catalogue totals 262 / 168.
    expect(gba).toMatchObject({
      quarter: '2024Q2',
      name_en: 'Greater Bay Area',
      theta: 1.5,
      catalogue_size: 3,
      occupations_reported: 3,
      occupations_over_theta: 1,
      vacancies: 282,
      job_seekers: 168,
      catalogue_vacancies: 262,
      catalogue_job_seekers: 168,
    });
    expect(gba.share_over_theta).toBeCloseTo(1 / 3, 12);
    expect(gba.ratio).toBeCloseTo(282 / 168, 12);
    expect(gba.catalogue_ratio).toBeCloseTo(262 / 168, 12);
    // hainan: nothing → zeros, and null shares and ratios.
    expect(hainan).toMatchObject({
      catalogue_size: 0,
      occupations_reported: 0,
      occupations_over_theta: 0,
      share_over_theta: null,
      vacancies: 0,
      job_seekers: 0,
      ratio: null,
      catalogue_ratio: null,
    });
    // jjj: 110100 rows match both members 110000 and 110100 but count once.
    //   All: 100+30+10+5 = 145 vacancies, 40+10+70+0 = 120 seekers.
    //   Catalogue: A 100/40 = 2.5, B 30/10 = 3, D 5/0 (no seekers → above any θ) → 3 of 3 above 1.5. Totals 135 / 50.
    expect(jjj).toMatchObject({
      catalogue_size: 3,
      occupations_reported: 3,
      occupations_over_theta: 3,
      share_over_theta: 1,
      vacancies: 145,
      job_seekers: 120,
      catalogue_vacancies: 135,
      catalogue_job_seekers: 50,
    });
    expect(jjj.ratio).toBeCloseTo(145 / 120, 12);
    expect(jjj.catalogue_ratio).toBeCloseTo(135 / 50, 12);
  });

  it('applies θ', async () => {
    const rows = await runByParams(db.connection, definition, { theta: '2.6' });
    // gba: A 0.83, C 2, D 1.5 → none above 2.6. jjj: A 2.5 no, B 3 yes, D (no seekers) yes → 2 of 3.
    expect(rows.map((r) => [r.zone_code, r.theta, r.occupations_over_theta])).toEqual([
      ['gba', 2.6, 0],
      ['hainan', 2.6, 0],
      ['jjj', 2.6, 2],
    ]);
    expect(rows[2].share_over_theta).toBeCloseTo(2 / 3, 12);
    const low = await runByParams(db.connection, definition, { theta: '0.8', zone: 'gba' });
    // A 50/60 = 0.833 > 0.8, C 2, D 1.5 → 3 of 3.
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({ zone_code: 'gba', occupations_over_theta: 3, share_over_theta: 1 });
  });

  it('rejects θ out of range', () => {
    expect(() => definition.schema.parse({ theta: '0' })).toThrow();
    expect(() => definition.schema.parse({ theta: '11' })).toThrow();
  });

  it('reads the chosen quarter', async () => {
    const rows = await runByParams(db.connection, definition, { quarter: '2024Q1', zone: 'gba' });
    // Only 440100 A 10/10: ratio 1 → reported 1, none above 1.5.
    expect(rows).toEqual([
      expect.objectContaining({
        quarter: '2024Q1',
        occupations_reported: 1,
        occupations_over_theta: 0,
        share_over_theta: 0,
        vacancies: 10,
        job_seekers: 10,
        ratio: 1,
      }),
    ]);
  });
});
