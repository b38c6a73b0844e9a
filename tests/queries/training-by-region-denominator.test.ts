import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/training-by-region.js';
import { regionProfileFacts } from '../fixtures/region-profile/facts.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// The region-profile fixture holds Hebei (130000), whose census denominator is known to be incomplete, beside
// Beijing, Guangdong and Tibet, whose denominators are complete.
let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(regionProfileFacts, fileURLToPath(new URL('../fixtures/region-profile/reference', import.meta.url)));
});
afterAll(() => db.close());

describe('training-by-region: incomplete denominators', () => {
  it('notes the region whose rate reads high, in both languages, and no other', async () => {
    const rows = await runByParams(db.connection, definition, { program: 'vocational_training', year: '2024' });
    const byCode = new Map(rows.map((r) => [r.region_code, r]));
    expect(byCode.get('130000')?.denominator_note_en).toMatch(/^population is the census prefecture table's sum/);
    expect(byCode.get('130000')?.denominator_note_zh).toMatch(/^人口为普查地市表之和/);
    for (const code of ['110000', '440000', '540000']) {
      expect(byCode.get(code)).toMatchObject({ denominator_note_zh: null, denominator_note_en: null });
    }
  });
});
