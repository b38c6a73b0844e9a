import { type DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../core/repo-paths.js';
import { currentSnapshotId } from '../../core/snapshot-layout.js';
import { openSnapshot } from '../../core/snapshot-open.js';
import { ensureDefaultData } from '../../tools/default-data.js';
import { rowsOf } from '../helpers/fixture-db.js';

/** One row of the compiled source file, as received (data/published/source). */
interface SourceRow {
  indicator_code: string;
  indicator_zh: string;
  indicator_en: string;
  period: string;
  value: string;
  unit: string;
  source_title: string;
  source_url: string;
  source_date: string;
  quote: string;
}

// The values printed as approximate, worked out by reading each row's value and quote (data/published/source):
// in the value itself (2500多, 近750, 约2, 近1亿 …) or, for the employment-service reports, in the sentence quoted
// (约475万人, 近509万人, 比率约为1.10). Key: indicator|period.
const approximateByHand: Record<string, 'about' | 'nearly' | 'more_than'> = {
  'NVSC_ENTRANTS|2020': 'more_than', // 2500多
  'SKILL_TRAIN_SUBSIDISED_MIGRANT|2017': 'more_than', // 800以上 (超过800)
  'SKILL_TRAIN_SUBSIDISED_MIGRANT|2019': 'nearly', // 近750
  'SKILL_TRAIN_SUBSIDISED_CUM|2020': 'nearly', // 近1亿
  'POSTDOC_RECRUITED_CUM|2017': 'more_than', // 18以上 (18万多)
  'POSTDOC_RECRUITED_CUM|2020': 'more_than', // 25以上 (25万多)
  'KU_SEMINAR_TRAINEES|2019': 'about', // 约2
  'BQW_NATIONAL_CUM|2018': 'more_than', // 5700多
  'BQW_NATIONAL_CUM|2019': 'more_than', // 6100多
  'BQW_NATIONAL_CUM|2021': 'more_than', // 6500多
  'PES_DEMAND|2013Q2': 'about', // 約609.2萬人
  'PES_SEEKERS|2013Q2': 'about',
  'PES_RATIO|2013Q2': 'about',
  'PES_DEMAND|2014Q3': 'about', // 约554万人
  'PES_SEEKERS|2014Q3': 'nearly', // 近509万人
  'PES_RATIO|2014Q3': 'about',
  'PES_DEMAND|2014Q4': 'about',
  'PES_SEEKERS|2014Q4': 'about',
  'PES_RATIO|2014Q4': 'about',
  'PES_DEMAND|2015Q1': 'about',
  'PES_SEEKERS|2015Q1': 'about',
  'PES_RATIO|2015Q1': 'about',
  'PES_DEMAND|2016Q1': 'about',
  'PES_SEEKERS|2016Q1': 'about',
  'PES_DEMAND|2016Q3': 'about',
  'PES_SEEKERS|2016Q3': 'about',
  'PES_RATIO|2016Q3': 'about',
  'PES_DEMAND|2017Q4': 'about',
  'PES_SEEKERS|2017Q4': 'about',
  'PES_RATIO|2017Q4': 'about',
  'PES_SEEKERS|2018Q1': 'about', // the quote starts at the vacancies (574.8万人): only seekers and ratio carry 约
  'PES_RATIO|2018Q1': 'about',
  'PES_DEMAND|2021Q2': 'about',
  'PES_SEEKERS|2021Q2': 'about',
  'PES_RATIO|2021Q2': 'about',
  'PES_DEMAND|2022Q3': 'about',
  'PES_SEEKERS|2022Q3': 'about',
  'PES_RATIO|2022Q3': 'about',
};

/** The number a printed value states, read here on its own: digits, with 亿 (10^8) and the qualifiers set aside. */
function printedNumber(text: string): number {
  const match = /^(?:约|近)?([0-9]+(?:\.[0-9]+)?)(亿)?(?:多|以上)?$/.exec(text);
  if (!match) throw new Error(`unreadable printed value ${text}`);
  return Number(match[1]) * (match[2] ? 100_000_000 : 1);
}

let root: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
let source: SourceRow[];
let loaded: Record<string, unknown>[];

beforeAll(async () => {
  source = parse(await readFile(join(repoRoot, 'data/published/source/published_national.csv')), {
    columns: true,
    bom: true,
  }) as SourceRow[];
  root = await mkdtemp(join(tmpdir(), 'talent-published-'));
  // The default data build, as npm start runs it (a small synthetic sample).
  await ensureDefaultData(root, () => {}, { scale: 0.02 });
  instance = await openSnapshot(root, (await currentSnapshotId(root))!);
  connection = await instance.connect();
  loaded = await rowsOf(
    connection,
    `SELECT * EXCLUDE (period_first_month, period_last_month),
            strftime(period_first_month, '%Y-%m') AS first_month, strftime(period_last_month, '%Y-%m') AS last_month
     FROM published`,
  );
}, 300_000);

afterAll(async () => {
  connection?.closeSync();
  instance?.closeSync();
  if (root) await rm(root, { recursive: true, force: true });
});

const keyOf = (r: Record<string, unknown> | SourceRow) => `${r.indicator_code}|${r.period}|${r.source_url}`;

describe('the published dataset in the default snapshot', () => {
  it('holds every row of the source file once, with its names, unit and source as given there', () => {
    expect(source.length).toBe(115);
    expect(loaded.length).toBe(115);
    const byKey = new Map(loaded.map((r) => [keyOf(r), r]));
    expect(byKey.size).toBe(115);
    for (const s of source) {
      const row = byKey.get(keyOf(s));
      expect(row, keyOf(s)).toMatchObject({
        indicator_zh: s.indicator_zh,
        indicator_en: s.indicator_en,
        value_as_printed: s.value,
        unit_zh: s.unit,
        source_title: s.source_title,
        source_date: s.source_date,
      });
    }
  });

  it('stores the number printed, never a more precise one', () => {
    const byKey = new Map(loaded.map((r) => [keyOf(r), r]));
    for (const s of source) expect(byKey.get(keyOf(s))!.value, keyOf(s)).toBe(printedNumber(s.value));
    // Hand-picked: 2500多 stays 2500, 近1亿 is 10^8 person-times, 1.10 is 1.1, 46.71 keeps its digits.
    const value = (code: string, period: string) => loaded.find((r) => r.indicator_code === code && r.period === period)!.value;
    expect(value('NVSC_ENTRANTS', '2020')).toBe(2500);
    expect(value('SKILL_TRAIN_SUBSIDISED_CUM', '2020')).toBe(100_000_000);
    expect(value('PES_RATIO', '2016Q3')).toBe(1.1);
    expect(value('HIGH_SKILL_CERT', '2012')).toBe(46.71);
  });

  it('flags exactly the values printed as approximate, with their qualifier', () => {
    const flagged = Object.fromEntries(
      loaded.filter((r) => r.approximate === true).map((r) => [`${r.indicator_code}|${r.period}`, r.qualifier]),
    );
    expect(flagged).toEqual(approximateByHand);
    for (const r of loaded.filter((r) => r.approximate === false)) expect(r.qualifier, keyOf(r)).toBeNull();
  });

  it('gives each period its kind and its first and last month', () => {
    const spans = Object.fromEntries(loaded.map((r) => [`${r.indicator_code}|${r.period}`, [r.period_kind, r.first_month, r.last_month]]));
    expect(spans['PES_RATIO|2016Q3']).toEqual(['quarter', '2016-07', '2016-09']);
    expect(spans['PES_RATIO|2020Q1']).toEqual(['quarter', '2020-01', '2020-03']);
    expect(spans['WSC_GOLD|2024']).toEqual(['year', '2024-01', '2024-12']);
    expect(spans['KU_CUM_2011_2020|2020']).toEqual(['years', '2011-01', '2020-12']);
    expect(spans['SKILL_TRAIN_SUBSIDISED_CUM|2020']).toEqual(['years', '2016-01', '2020-12']);
    expect(spans['POSTDOC_STATIONS|2017']).toEqual(['year_end', '2017-12', '2017-12']);
    expect(spans['SZYF_CUM|2022']).toEqual(['as_of', '2022-07', '2022-07']);
    // Every quarter named YYYYQn is a quarter and nothing else is; every period ends in the year it names.
    for (const r of loaded) {
      const quarter = /^(\d{4})Q([1-4])$/.exec(String(r.period));
      expect(r.period_kind === 'quarter', String(r.period)).toBe(quarter !== null);
      const year = quarter ? quarter[1] : String(r.period);
      expect(String(r.last_month).slice(0, 4), keyOf(r)).toBe(year);
    }
    expect(loaded.filter((r) => r.period_kind === 'quarter').length).toBe(source.filter((s) => /Q/.test(s.period)).length);
  });

  it('keeps the quote (the audit trail) out of the product', async () => {
    const columns = (await rowsOf(connection, 'DESCRIBE published')).map((c) => c.column_name);
    expect(columns).not.toContain('quote');
    expect(columns).toContain('source_url');
  });

  it('loads beside the synthetic sample without mixing with it: the fact tables stay synthetic', async () => {
    const [{ other }] = await rowsOf(
      connection,
      `SELECT count(*) AS other FROM (SELECT source FROM competition UNION ALL SELECT source FROM labor_market) WHERE source <> 'synthetic'`,
    );
    expect(other).toBe(0);
  });
});
