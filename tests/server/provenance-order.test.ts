import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRowOrder } from '../../queries/exports/row-order.js';
import { loadExports, type Registry } from '../../queries/registry.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Rows written out of order on purpose, some sharing the first key column, so that only a sort by the whole key
// gives the order; every fact export and the reference exports get at least two rows.
const facts = {
  'training.csv': `month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny,source
2024-03,440300,vocational_training,general,1,1,0,0,synthetic
2024-01,440300,vocational_training,general,2,2,0,0,synthetic
2024-01,440100,vocational_training,general,3,3,0,0,synthetic
2024-01,440100,knowledge_renewal,general,4,4,0,0,synthetic
2024-01,440100,knowledge_renewal,ai,5,5,0,0,synthetic
2023-12,540100,vocational_training,general,6,6,0,0,synthetic
`,
  'labor_market.csv': `quarter,region_code,occupation_code,vacancies,job_seekers,source
2024Q2,440100,6-18-01-01,1,1,synthetic
2023Q4,440300,6-18-01-01,2,2,synthetic
2023Q4,440100,2-02-10-09,3,3,synthetic
2023Q4,440100,6-18-01-01,4,4,synthetic
`,
  'competition.csv': `competition_code,year,region_code,trade,entrants,gold,silver,bronze,excellence,source
national_skills,2024,440100,welding,5,1,0,0,0,synthetic
national_skills,2023,440300,cnc,5,0,1,0,0,synthetic
national_skills,2023,440100,welding,5,0,0,1,0,synthetic
national_skills,2023,440100,cnc,5,0,0,0,1,synthetic
`,
  'talent_stock.csv': `year,region_code,indicator_code,value,source
2024,440000,postdoc_stations,1,synthetic
2023,440000,postdoc_stations,2,synthetic
2023,110000,postdoc_stations,3,synthetic
`,
  'target.csv': `program_code,period_start,period_end,region_code,value,source,note
vocational_training,2021,2025,000000,75000000,fixture,
knowledge_renewal,2024,2024,440000,100,fixture,
knowledge_renewal,2024,2024,000000,1000,fixture,
`,
  // Figures as published (data/published/published.csv), two sources and two periods.
  'published.csv': `indicator_code,indicator_zh,indicator_en,topic,program_code,period,period_kind,period_first_month,period_last_month,value,value_as_printed,approximate,qualifier,unit_zh,unit_en,source_title,source_url,source_date
PES_SEEKERS,公共就业服务机构进入市场求职人数,Public employment service job seekers,labour_market,,2016Q3,quarter,2016-07,2016-09,432,432,true,about,万人,"10,000 persons",2016年第三季度分析,http://www.mohrss.gov.cn/a.html,2016-10-26
PES_CITIES,季度供求监测城市数,Number of cities in quarterly PES supply-demand monitoring,labour_market,,2016Q3,quarter,2016-07,2016-09,97,97,false,,个,cities,2016年第三季度分析,http://www.mohrss.gov.cn/a.html,2016-10-26
PES_CITIES,季度供求监测城市数,Number of cities in quarterly PES supply-demand monitoring,labour_market,,2016Q2,quarter,2016-04,2016-06,96,96,false,,个,cities,2016年第二季度分析,http://www.mohrss.gov.cn/b.html,2016-07-26
`,
};

let db: FixtureDb;
let exports: Registry;
beforeAll(async () => {
  db = await buildFixtureDb(facts);
  exports = await loadExports();
});
afterAll(() => db.close());

const compare = (a: unknown, b: unknown) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : (a as string | number) < (b as string | number) ? -1 : 1;

describe('every dataset export', () => {
  it('declares its row order (its key)', () => {
    expect(Object.keys(exportRowOrder).sort()).toEqual([...exports.keys()].sort());
    for (const [name, order] of Object.entries(exportRowOrder)) {
      const columns = exports.get(name)!.columns.map((c) => c.name);
      expect(
        order.every((column) => columns.includes(column)),
        name,
      ).toBe(true);
    }
  });

  it('returns its rows sorted by that key, which no two rows share', async () => {
    for (const definition of exports.values()) {
      const order = exportRowOrder[definition.name];
      const rows = await runByParams(db.connection, definition);
      expect(rows.length, definition.name).toBeGreaterThan(1);
      const key = (row: Record<string, unknown>) => order.map((column) => row[column]);
      // The expected order is worked out here, by sorting the rows in JS by the key, column after column.
      const sorted = [...rows].sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        for (let i = 0; i < ka.length; i++) if (compare(ka[i], kb[i]) !== 0) return compare(ka[i], kb[i]);
        return 0;
      });
      expect(rows.map(key), definition.name).toEqual(sorted.map(key));
      expect(new Set(rows.map((row) => JSON.stringify(key(row)))).size, definition.name).toBe(rows.length);
    }
  });

  it('sorts the hand-made training rows as worked out by hand', async () => {
    const rows = await runByParams(db.connection, exports.get('training')!);
    expect(rows.map((r) => [r.month, r.region_code, r.program_code, r.field_code, r.person_times])).toEqual([
      ['2023-12', '540100', 'vocational_training', 'general', 6],
      ['2024-01', '440100', 'knowledge_renewal', 'ai', 5],
      ['2024-01', '440100', 'knowledge_renewal', 'general', 4],
      ['2024-01', '440100', 'vocational_training', 'general', 3],
      ['2024-01', '440300', 'vocational_training', 'general', 2],
      ['2024-03', '440300', 'vocational_training', 'general', 1],
    ]);
  });
});
