import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/published-figures.js';
import exportDefinition from '../../queries/exports/published.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Five published values by hand: a quarter in a leap year, a year-end level, a multi-year total printed "近1亿",
// the same medal count from two sources, and a running total as of a February.
const published = `indicator_code,indicator_zh,indicator_en,topic,program_code,period,period_kind,period_first_month,period_last_month,value,value_as_printed,approximate,qualifier,unit_zh,unit_en,source_title,source_url,source_date
PES_RATIO,求人倍率,Vacancy-to-seeker ratio,labour_market,,2020Q1,quarter,2020-01,2020-03,1.62,1.62,false,,比率,vacancies per job seeker,Report A,https://a.example/1,2021-08-16
POSTDOC_STATIONS,博士后流动站,Postdoctoral stations,postdoctoral,postdoc_stations,2017,year_end,2017-12,2017-12,3010,3010,false,,个,stations,Report B,https://b.example/2,2018-05-22
SKILL_TRAIN_CUM,补贴性培训累计,Subsidised training cumulative,vocational_training,vocational_training,2020,years,2016-01,2020-12,100000000,近1亿,true,nearly,人次,person-times,Report C,https://c.example/3,2022-01-07
WSC_GOLD,金牌,Gold medals,worldskills,,2024,year,2024-01,2024-12,36,36,false,,枚,medals,Report D,https://d.example/4,2024-09-15
WSC_GOLD,金牌,Gold medals,worldskills,,2024,year,2024-01,2024-12,36,36,false,,枚,medals,Report E,https://e.example/5,2024-09-17
SZYF_CUM,三支一扶累计,Three Supports cumulative,grassroots,,2024,as_of,2024-02,2024-02,46.9,46.9,false,,万人,"10,000 persons",Report F,https://f.example/6,2024-03-01
`;

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb({ 'published.csv': published });
});
afterAll(() => db.close());

const brief = (rows: Record<string, unknown>[]) => rows.map((r) => [r.indicator_code, r.period_start, r.period_end, r.source_url]);

describe('published-figures', () => {
  it('returns every figure by topic, indicator and period, each period as its first and last day', async () => {
    const rows = await runByParams(db.connection, definition);
    // Topics sorted: grassroots, labour_market, postdoctoral, vocational_training, worldskills; the two gold rows by source date.
    // Last days: 2024-02 (leap year) → 29th; 2020Q1 → 31 March; December 2017 → 31st; 2016–2020 → 31 December 2020.
    expect(brief(rows)).toEqual([
      ['SZYF_CUM', '2024-02-01', '2024-02-29', 'https://f.example/6'],
      ['PES_RATIO', '2020-01-01', '2020-03-31', 'https://a.example/1'],
      ['POSTDOC_STATIONS', '2017-12-01', '2017-12-31', 'https://b.example/2'],
      ['SKILL_TRAIN_CUM', '2016-01-01', '2020-12-31', 'https://c.example/3'],
      ['WSC_GOLD', '2024-01-01', '2024-12-31', 'https://d.example/4'],
      ['WSC_GOLD', '2024-01-01', '2024-12-31', 'https://e.example/5'],
    ]);
  });

  it('keeps an approximate value approximate: the printed number, the flag, the qualifier and the text as printed', async () => {
    const [row] = await runByParams(db.connection, definition, { indicator: 'SKILL_TRAIN_CUM' });
    expect(row).toMatchObject({
      value: 100000000,
      value_as_printed: '近1亿',
      approximate: true,
      qualifier: 'nearly',
      period: '2020',
      period_kind: 'years',
      program_code: 'vocational_training',
      unit_zh: '人次',
      source_title: 'Report C',
      source_date: '2022-01-07',
    });
    const [exact] = await runByParams(db.connection, definition, { indicator: 'PES_RATIO' });
    expect(exact).toMatchObject({ value: 1.62, approximate: false, qualifier: null, program_code: null });
  });

  it('filters by topic and by indicator', async () => {
    expect(brief(await runByParams(db.connection, definition, { topic: 'worldskills' })).map((r) => r[3])).toEqual([
      'https://d.example/4',
      'https://e.example/5',
    ]);
    expect(await runByParams(db.connection, definition, { topic: 'worldskills', indicator: 'PES_RATIO' })).toEqual([]);
    expect(brief(await runByParams(db.connection, definition, { indicator: 'POSTDOC_STATIONS' }))).toEqual([
      ['POSTDOC_STATIONS', '2017-12-01', '2017-12-31', 'https://b.example/2'],
    ]);
  });

  it('refuses a topic that does not exist, naming the allowed ones', () => {
    const parsed = definition.schema.safeParse({ topic: 'medals' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('worldskills');
  });

  it('exports the same rows, filtered by several topics', async () => {
    const rows = await runByParams(db.connection, exportDefinition, { topics: 'worldskills,grassroots' });
    expect(brief(rows).map((r) => r[0])).toEqual(['SZYF_CUM', 'WSC_GOLD', 'WSC_GOLD']);
    expect((await runByParams(db.connection, exportDefinition)).length).toBe(6);
  });
});
