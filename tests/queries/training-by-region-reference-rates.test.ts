import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/training-by-region.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// training-by-region's reference columns: parent_per_10k (a prefecture's province's own rate) and national_per_10k
// (the 31 mainland provinces), over the same months as the row. The rest of the query: training-by-region.test.ts.
//
// Reference and facts: tests/fixtures/province-mode (README there). Working-age population: Beijing 600,
// Guangdong 2500, Tibet 400, Gansu 1000: the nation 4500 (Hong Kong has none and is outside the series).
// Vocational training, by hand from facts/training.csv:
//   2024 (January–May, the months the nation reported): Gansu 20 + 30 + 40 + 25 + 35 = 150 → 1500 per 10k;
//     Guangdong 435 + 100 = 535 → 2140; Tibet 15 + 20 = 35 → 875; Beijing 0; nation 720 → 1600
//     (with Hong Kong's 500 it would be 2711.11).
//   2023 (whole year): Gansu 40 + 60 + 70 + 30 + 10 = 210 → 2100; nation 900 → 2000.
//   2024, field ai: Lanzhou 30 only → Gansu 300, nation 30 × 10000 / 4500 = 66.67.
const facts = (name: string) => readFileSync(new URL(`../fixtures/province-mode/facts/${name}`, import.meta.url), 'utf8');

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': facts('training.csv') },
    fileURLToPath(new URL('../fixtures/province-mode/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

const reference = (rows: Record<string, unknown>[]) => rows.map((r) => [r.region_code, r.per_10k, r.parent_per_10k, r.national_per_10k]);

describe('training-by-region: reference rates', () => {
  it("gives a province's prefectures the province's own rate and the nation's, over the months covered", async () => {
    const rows = await runByParams(db.connection, definition, { year: '2024', level: 'prefecture', province: '620000' });
    // Gansu's rate counts its province-level row (35) that no prefecture has: 1500, not the prefectures' 1150 / 700.
    expect(reference(rows)).toEqual([
      ['623000', 2500, 1500, 1600], // Gannan 25 × 10000 / 100
      ['622900', 2000, 1500, 1600], // Linxia 40 × 10000 / 200
      ['620100', 1250, 1500, 1600], // Lanzhou 50 × 10000 / 400
    ]);
    expect(rows.every((r) => r.months_covered === 5)).toBe(true);
  });

  it("gives every prefecture its own province's rate", async () => {
    const rows = await runByParams(db.connection, definition, { year: '2024', level: 'prefecture' });
    const parents = Object.fromEntries(rows.map((r) => [r.region_code, r.parent_per_10k]));
    expect(parents).toEqual({
      '110100': 0, // Beijing reported only in 2023
      '440100': 2140,
      '440300': 2140,
      '540100': 875,
      '540200': 875,
      '620100': 1500,
      '622900': 1500,
      '623000': 1500,
    });
    expect(rows.every((r) => r.national_per_10k === 1600)).toBe(true);
  });

  it('leaves the parent rate empty on province rows, whose reference is the nation', async () => {
    const rows = await runByParams(db.connection, definition, { year: '2024' });
    expect(rows.map((r) => r.region_code).sort()).toEqual(['110000', '440000', '540000', '620000', '810000']);
    expect(rows.every((r) => r.parent_per_10k === null && r.national_per_10k === 1600)).toBe(true);
    expect(rows.find((r) => r.region_code === '620000')?.per_10k).toBe(1500);
  });

  it('takes a whole year whole, and follows the field filter', async () => {
    const y2023 = await runByParams(db.connection, definition, { year: '2023', level: 'prefecture', province: '620000' });
    expect(y2023.every((r) => r.months_covered === 12 && r.parent_per_10k === 2100 && r.national_per_10k === 2000)).toBe(true);
    expect(y2023).toHaveLength(3);
    const ai = await runByParams(db.connection, definition, { year: '2024', level: 'prefecture', province: '620000', field: 'ai' });
    expect(reference(ai)).toEqual([['620100', 750, 300, 66.67]]);
  });
});
