import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/catalogue-in-province.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference and facts: tests/fixtures/province-mode (README there).
//   gba members: Guangzhou 440100, Shenzhen 440300 (county Nanshan 440305 under it), Hong Kong 810000 — Guangdong
//   440000 itself and Shaoguan 440200 are not members; catalogue A = 2-02-10-09, C = 6-18-01-01, D = 6-18-01-02.
//   jjj members: Beijing 110000 and its prefecture 110100; catalogue A, B = 2-02-10-10, D. Gansu is in no zone.
// Labour market 2024Q2 (the latest quarter), from facts/labor_market.csv:
//   Guangdong  A: Guangzhou 50/60 + Shaoguan 30/10 = 80/70;  C: Nanshan 200/100 + province level 0/50 = 200/150;
//              D: Shenzhen 12/0;  B: Guangzhou 40/10 (not in gba's catalogue).
//   gba        A: Guangzhou 50/60 + Hong Kong 20/0 = 70/60;  C: 200/100;  D: 12/0.
//   nation     A: 80/70 + Beijing 100/40 = 180/110 (Hong Kong left out);  C: 200/150 + Lanzhou 9/3 = 209/153;
//              D: 12/0 + Beijing 5/5 = 17/5;  B: Guangzhou 40/10.
//   2023Q2     Guangdong A: Guangzhou 20/40;  C: Nanshan 90/100.
const facts = (name: string) => readFileSync(new URL(`../fixtures/province-mode/facts/${name}`, import.meta.url), 'utf8');

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'labor_market.csv': facts('labor_market.csv') },
    fileURLToPath(new URL('../fixtures/province-mode/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

describe('catalogue-in-province', () => {
  it("lists the province's zone catalogue with its own ratios, tightness at θ = 1.5, and the zone's and nation's ratios", async () => {
    const rows = await runByParams(db.connection, definition, { province: '440000' });
    // Ranked by ratio: D (vacancies, no seekers) first, C 200/150 = 1.33, A 80/70 = 1.14. Tight at θ = 1.5: D only.
    expect(rows.map((r) => [r.zone_code, r.occupation_code, r.vacancies, r.job_seekers, r.tight, r.rank])).toEqual([
      ['gba', '6-18-01-02', 12, 0, true, 1],
      ['gba', '6-18-01-01', 200, 150, false, 2],
      ['gba', '2-02-10-09', 80, 70, false, 3],
    ]);
    expect(
      rows.every(
        (r) =>
          r.quarter === '2024Q2' &&
          r.province_code === '440000' &&
          r.area_code === '440000' &&
          r.area_level === 'province' &&
          r.area_name_en === 'Guangdong' &&
          r.prefecture_in_zone === null &&
          r.zone_name_en === 'Greater Bay Area' &&
          r.theta === 1.5,
      ),
    ).toBe(true);
    const [d, c, a] = rows;
    expect(d).toMatchObject({
      name_en: 'Milling machine operators',
      group_code: '6',
      ratio: null,
      previous_ratio: null,
      zone_ratio: null,
      national_ratio: 3.4,
    });
    expect(d.ratio_change_on_previous_year).toBeNull();
    expect(c.ratio).toBeCloseTo(200 / 150, 12);
    expect(c.previous_ratio).toBeCloseTo(0.9, 12);
    expect(c.ratio_change_on_previous_year).toBeCloseTo(200 / 150 - 0.9, 12);
    expect(c.zone_ratio).toBe(2);
    expect(c.national_ratio).toBeCloseTo(209 / 153, 12);
    expect(a.ratio).toBeCloseTo(80 / 70, 12);
    expect(a.previous_ratio).toBe(0.5);
    expect(a.ratio_change_on_previous_year).toBeCloseTo(80 / 70 - 0.5, 12);
    expect(a.zone_ratio).toBeCloseTo(70 / 60, 12);
    expect(a.national_ratio).toBeCloseTo(180 / 110, 12);
  });

  it('calls an occupation tight when its ratio is above θ', async () => {
    const tight = async (theta: string) =>
      (await runByParams(db.connection, definition, { province: '440000', theta })).filter((r) => r.tight).map((r) => r.occupation_code);
    expect(await tight('1.2')).toEqual(['6-18-01-02', '6-18-01-01']); // 200 > 1.2 × 150 = 180; 80 ≤ 84
    expect(await tight('1')).toEqual(['6-18-01-02', '6-18-01-01', '2-02-10-09']); // 80 > 70
    expect(await tight('10')).toEqual(['6-18-01-02']); // vacancies with no seekers are over any θ
    // Above, not at: Shenzhen's C is 200/100 = 2.
    const shenzhen = async (theta: string) =>
      (await runByParams(db.connection, definition, { province: '440000', prefecture: '440300', theta }))
        .filter((r) => r.tight)
        .map((r) => r.occupation_code);
    expect(await shenzhen('2')).toEqual(['6-18-01-02']);
    expect(await shenzhen('1.99')).toEqual(['6-18-01-02', '6-18-01-01']);
  });

  it('narrows to a prefecture: its rows and its counties’, the province-level rows left out', async () => {
    const rows = await runByParams(db.connection, definition, { province: '440000', prefecture: '440300' });
    // Shenzhen: D 12/0; C = Nanshan 200/100 = 2 (2023Q2 90/100 = 0.9), tight; A nothing reported: unknown, no rank.
    expect(rows.map((r) => [r.occupation_code, r.vacancies, r.job_seekers, r.ratio, r.tight, r.rank, r.previous_ratio])).toEqual([
      ['6-18-01-02', 12, 0, null, true, 1, null],
      ['6-18-01-01', 200, 100, 2, true, 2, 0.9],
      ['2-02-10-09', null, null, null, null, null, null],
    ]);
    expect(rows[1].ratio_change_on_previous_year).toBeCloseTo(1.1, 12);
    expect(rows.every((r) => r.area_code === '440300' && r.area_level === 'prefecture' && r.area_name_en === 'Shenzhen')).toBe(true);
    expect(rows.every((r) => r.prefecture_in_zone === true)).toBe(true);
    // The zone and the nation do not narrow.
    expect(rows[0].national_ratio).toBe(3.4);
    expect(rows[1].zone_ratio).toBe(2);
  });

  it("shows the zone's catalogue in a prefecture of the province that is not a member", async () => {
    const rows = await runByParams(db.connection, definition, { province: '440000', prefecture: '440200' });
    expect(rows.map((r) => [r.occupation_code, r.vacancies, r.job_seekers, r.ratio, r.tight, r.rank, r.prefecture_in_zone])).toEqual([
      ['2-02-10-09', 30, 10, 3, true, 1, false],
      ['6-18-01-01', null, null, null, null, null, false],
      ['6-18-01-02', null, null, null, null, null, false],
    ]);
  });

  it("finds Beijing's zone through the province itself, and the chosen quarter", async () => {
    const rows = await runByParams(db.connection, definition, { province: '110000' });
    // jjj: A 100/40 = 2.5 (tight), D 5/5 = 1, B nothing in Beijing (the nation has Guangzhou's 40/10 = 4).
    expect(rows.map((r) => [r.zone_code, r.occupation_code, r.ratio, r.tight, r.rank, r.zone_ratio, r.national_ratio])).toEqual([
      ['jjj', '2-02-10-09', 2.5, true, 1, 2.5, 180 / 110],
      ['jjj', '6-18-01-02', 1, false, 2, 1, 3.4],
      ['jjj', '2-02-10-10', null, null, null, null, 4],
    ]);
    const q1 = await runByParams(db.connection, definition, { province: '440000', quarter: '2024Q1' });
    // 2024Q1: Guangzhou A 10/10 = 1 only; nothing a year before.
    expect(q1.map((r) => [r.quarter, r.occupation_code, r.ratio, r.tight, r.previous_ratio])).toEqual([
      ['2024Q1', '2-02-10-09', 1, false, null],
      ['2024Q1', '6-18-01-01', null, null, null],
      ['2024Q1', '6-18-01-02', null, null, null],
    ]);
  });

  it('returns nothing for a province in no zone', async () => {
    expect(await runByParams(db.connection, definition, { province: '620000' })).toEqual([]);
    expect(await runByParams(db.connection, definition, { province: '620000', prefecture: '620100' })).toEqual([]);
  });

  it('refuses a prefecture of another province', () => {
    const values = definition.schema.parse({ province: '440000', prefecture: '620100' });
    expect(definition.check!(values)).toEqual([{ name: 'prefecture', reason: '620100 is not a prefecture of the province 440000' }]);
    expect(definition.check!(definition.schema.parse({ province: '440000', prefecture: '440300' }))).toEqual([]);
  });
});
