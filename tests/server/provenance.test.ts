import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtureDb, plain, type FixtureDb } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';
import { bulletin, guangdong, training } from './provenance-fixture.js';

const laborMarket = `quarter,region_code,occupation_code,vacancies,job_seekers,source
2024Q2,440100,6-18-01-01,50,20,synthetic
2023Q4,440100,6-18-01-01,30,25,synthetic
`;
// Published figures: two from one report, one from another.
const published = `indicator_code,indicator_zh,indicator_en,topic,program_code,period,period_kind,period_first_month,period_last_month,value,value_as_printed,approximate,qualifier,unit_zh,unit_en,source_title,source_url,source_date
PES_SEEKERS,公共就业服务机构进入市场求职人数,Public employment service job seekers,labour_market,,2016Q3,quarter,2016-07,2016-09,432,432,true,about,万人,"10,000 persons",2016年第三季度分析,http://www.mohrss.gov.cn/a.html,2016-10-26
PES_CITIES,季度供求监测城市数,Number of cities in quarterly PES supply-demand monitoring,labour_market,,2016Q3,quarter,2016-07,2016-09,97,97,false,,个,cities,2016年第三季度分析,http://www.mohrss.gov.cn/a.html,2016-10-26
PES_CITIES,季度供求监测城市数,Number of cities in quarterly PES supply-demand monitoring,labour_market,,2016Q2,quarter,2016-04,2016-06,96,96,false,,个,cities,2016年第二季度分析,http://www.mohrss.gov.cn/b.html,2016-07-26
`;

let db: FixtureDb;
let server: RunningServer;
let dir: string;
let instance: DuckDBInstance;
let duck: DuckDBConnection;
const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
const started = new Date();

beforeAll(async () => {
  db = await buildFixtureDb({ 'training.csv': training, 'labor_market.csv': laborMarket, 'published.csv': published });
  server = await startServer(db.dataDir);
  dir = await mkdtemp(join(tmpdir(), 'provenance-test-'));
  instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
});
afterAll(async () => {
  duck.closeSync();
  instance.closeSync();
  await server.close();
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
/** Saves a response body to a file DuckDB can read. */
async function saved(path: string, extension: string): Promise<string> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  const file = join(dir, `${files++}.${extension}`);
  await writeFile(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

const read = async (sql: string) => (await duck.runAndReadAll(sql)).getRowObjectsJS().map(plain);

/** Parquet key-value metadata as DuckDB reads it (parquet_kv_metadata), values decoded from UTF-8. */
async function kvMetadata(file: string): Promise<Record<string, string>> {
  const rows = await read(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}')`);
  return Object.fromEntries(rows.map((r) => [String(r.key), String(r.value)]));
}

interface Source {
  title: string;
  license: string;
  source_value?: string;
  rows?: number;
}

describe('Parquet carries the provenance as key-value metadata', () => {
  it('data version, request, generation time, sources with their licences and rows, column descriptions', async () => {
    const kv = await kvMetadata(await saved(`${guangdong}&format=parquet`, 'parquet'));
    expect(kv.data_version).toBe(db.snapshotId);
    expect(JSON.parse(kv.request)).toEqual({
      kind: 'dataset',
      name: 'training',
      params: { from_year: 2024, to_year: null, regions: ['440000'], limit: null, programs: null, fields: null },
      url: `${guangdong}&format=parquet`,
    });
    const generated = new Date(kv.generated_at);
    expect(generated.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
    expect(generated.getTime()).toBeLessThanOrEqual(Date.now());
    const sources = JSON.parse(kv.sources) as Source[];
    expect(sources.filter((s) => s.source_value !== undefined)).toEqual([
      expect.objectContaining({ source_value: 'synthetic', rows: 3, license: 'CC0-1.0', path: 'docs/sample-data.md' }),
    ]);
    // The region names and codes come from the region reference (MIT sources) and the programme and field names from the code lists.
    expect(sources.map((s) => s.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/GB\/T 2260/), expect.stringMatching(/code lists/)]),
    );
    // It has no census or poverty-area columns, so those sources are not claimed.
    expect(sources.filter((s) => /census|poverty/i.test(s.title))).toEqual([]);
    expect((JSON.parse(kv.licenses) as { name: string }[]).map((l) => l.name)).toContain('CC0-1.0');
    expect(JSON.parse(kv.row_count)).toBe(3);
    expect(JSON.parse(kv.row_order)).toEqual(['month', 'region_code', 'program_code', 'field_code']);
    const columns = JSON.parse(kv.columns) as { name: string; description: { zh: string; en: string }; parquet_type?: string }[];
    expect(columns.find((c) => c.name === 'person_times')?.description).toEqual({
      zh: '培训人次；单位：人次',
      en: 'Person-times; unit: person-times',
    });
    expect(columns.find((c) => c.name === 'month')?.parquet_type).toBe('DATE');
    expect(columns.find((c) => c.name === 'source')?.description.en).toMatch(/'synthetic' marks the synthetic sample \(CC0/);
  });

  it('a published source is named with its own terms, beside the CC0 sample', async () => {
    const kv = await kvMetadata(await saved('/api/datasets/training?format=parquet', 'parquet'));
    const own = (JSON.parse(kv.sources) as Source[]).filter((s) => s.source_value !== undefined);
    expect(own.map((s) => [s.source_value, s.rows, s.license])).toEqual([
      ['synthetic', 4, 'CC0-1.0'],
      [bulletin, 1, 'source-terms'],
    ]);
    expect((JSON.parse(kv.licenses) as { name: string }[]).map((l) => l.name)).toEqual(
      expect.arrayContaining(['CC0-1.0', 'source-terms', 'MIT']),
    );
  });

  it('stores month and quarter as DATE (parquet_schema), the first day of the period, rows in key order', async () => {
    const file = await saved(`${guangdong}&format=parquet`, 'parquet');
    const schema = await read(
      `SELECT name, converted_type, logical_type::VARCHAR AS logical FROM parquet_schema('${file}') WHERE name = 'month'`,
    );
    expect(schema[0].converted_type).toBe('DATE');
    const rows = await read(`SELECT month::VARCHAR AS month, region_code, program_code, person_times FROM read_parquet('${file}')`);
    expect(rows).toEqual([
      { month: '2024-01-01', region_code: '440100', program_code: 'vocational_training', person_times: 200 },
      { month: '2024-02-01', region_code: '440100', program_code: 'knowledge_renewal', person_times: 40 },
      { month: '2024-03-01', region_code: '440300', program_code: 'vocational_training', person_times: 100 },
    ]);
    const quarters = await saved('/api/datasets/labor_market?format=parquet', 'parquet');
    const types = await read(`SELECT converted_type FROM parquet_schema('${quarters}') WHERE name = 'quarter'`);
    expect(types).toEqual([{ converted_type: 'DATE' }]);
    // 2023Q4 starts on 1 October, 2024Q2 on 1 April; the earlier quarter comes first.
    expect(await read(`SELECT quarter::VARCHAR AS quarter, vacancies FROM read_parquet('${quarters}')`)).toEqual([
      { quarter: '2023-10-01', vacancies: 30 },
      { quarter: '2024-04-01', vacancies: 50 },
    ]);
  });

  it("an analytic's Parquet names the query and every source of the snapshot's fact tables", async () => {
    const kv = await kvMetadata(
      await saved('/api/queries/training-by-region?program=vocational_training&year=2024&format=parquet', 'parquet'),
    );
    expect(JSON.parse(kv.request)).toMatchObject({
      kind: 'query',
      name: 'training-by-region',
      params: { program: 'vocational_training', year: 2024 },
    });
    const own = (JSON.parse(kv.sources) as Source[]).filter((s) => s.source_value !== undefined).map((s) => s.source_value);
    expect(own).toEqual(['synthetic', bulletin]);
    expect(kv.data_version).toBe(db.snapshotId);
  });
});

describe('reference data is listed by what a result takes from it', () => {
  it('the region export names the division codes, the census and the designated poverty areas, not the code lists', async () => {
    const doc = await (await get('/api/datasets/region?format=provenance')).json();
    expect(doc.sources.map((s: Source) => s.title)).toEqual([
      expect.stringMatching(/GB\/T 2260/),
      expect.stringMatching(/census/),
      expect.stringMatching(/poverty/i),
    ]);
    expect(doc.sources.map((s: Source) => s.license)).toEqual(['MIT', 'MIT', 'source-terms']);
    // tests/fixtures/reference/region.csv: eight regions.
    expect(doc.row_count).toBe(8);
  });
});

describe('published figures name each report they quote', () => {
  it('sources by title and address, with their rows, under the sources own terms', async () => {
    const doc = await (await get('/api/datasets/published?format=provenance')).json();
    expect(doc.row_count).toBe(3);
    expect(doc.sources.filter((s: Source) => s.license === 'source-terms')).toEqual([
      { title: '2016年第三季度分析', path: 'http://www.mohrss.gov.cn/a.html', license: 'source-terms', rows: 2 },
      { title: '2016年第二季度分析', path: 'http://www.mohrss.gov.cn/b.html', license: 'source-terms', rows: 1 },
    ]);
    expect(doc.licenses.map((l: { name: string }) => l.name)).toContain('source-terms');
  });
});

describe('Arrow carries the same provenance as schema metadata', () => {
  it('read back with apache-arrow: the document, the earlier keys, and each field its label, unit and description', async () => {
    const res = await get(guangdong, { headers: { Accept: 'application/vnd.apache.arrow.stream' } });
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    const metadata = table.schema.metadata;
    expect(metadata.get('data_version')).toBe(db.snapshotId);
    expect(metadata.get('snapshot')).toBe(db.snapshotId);
    expect(JSON.parse(metadata.get('request')!)).toMatchObject({ kind: 'dataset', name: 'training', params: { regions: ['440000'] } });
    expect((JSON.parse(metadata.get('sources')!) as Source[]).find((s) => s.source_value === 'synthetic')?.rows).toBe(3);
    const field = table.schema.fields.find((f) => f.name === 'person_times')!;
    expect(JSON.parse(field.metadata.get('unit')!)).toEqual({ zh: '人次', en: 'person-times' });
    expect(JSON.parse(field.metadata.get('label')!)).toEqual({ zh: '培训人次', en: 'Person-times' });
    // The web app reads Arrow by the wire contract: month stays text.
    expect(table.getChild('month')!.toArray()).toEqual(['2024-01', '2024-02', '2024-03']);
  });
});

describe('JSON has a meta block beside the rows', () => {
  it('the same document, with the row count; meta=false leaves it out', async () => {
    const body = await (await get(guangdong)).json();
    expect(Object.keys(body)).toEqual(['name', 'snapshot', 'params', 'columns', 'meta', 'rows', 'row_count']);
    expect(body.meta).toMatchObject({ data_version: db.snapshotId, row_count: 3, request: { kind: 'dataset', name: 'training' } });
    expect(body.rows.map((r: { month: string; person_times: number }) => [r.month, r.person_times])).toEqual([
      ['2024-01', 200],
      ['2024-02', 40],
      ['2024-03', 100],
    ]);
    const plainBody = await (await get(`${guangdong}&meta=false`)).json();
    expect(Object.keys(plainBody)).toEqual(['name', 'snapshot', 'params', 'columns', 'rows', 'row_count']);
    expect(plainBody.rows).toEqual(body.rows);
  });
});

/** The CSV's header line, after checking the UTF-8 byte-order mark (fetch's text() would drop it). */
async function headerLine(path: string): Promise<string> {
  const bytes = Buffer.from(await (await get(path)).arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8').split('\r\n')[0];
}

describe('CSV: headers in a language with units, provenance in headers and a sidecar', () => {
  it('without lang: machine names, as before', async () => {
    expect(await headerLine(`${guangdong}&format=csv`)).toBe(
      'month,region_code,region_name_zh,region_name_en,region_level,province_code,program_code,program_name_zh,program_name_en,field_code,field_name_zh,field_name_en,person_times,participants,certificates,funding_cny,source',
    );
  });

  it('lang=zh and lang=en: each label with its unit, every code column kept', async () => {
    expect(await headerLine(`${guangdong}&format=csv&lang=zh`)).toBe(
      '月份,地区代码,地区,地区（英文）,地区层级,省级代码,项目代码,项目,项目（英文）,领域代码,领域,领域（英文）,培训人次（人次）,培训人数（人）,发证数（本）,资金（元）,来源',
    );
    const en = parse(await (await get(`${guangdong}&format=csv&lang=en`)).text(), { bom: true }) as string[][];
    expect(en[0]).toEqual([
      'Month',
      'Region code',
      'Region (Chinese)',
      'Region',
      'Region level (province, prefecture or county)',
      'Province code',
      'Programme code',
      'Programme (Chinese)',
      'Programme',
      'Field code',
      'Field (Chinese)',
      'Field',
      'Person-times (person-times)',
      'Participants (persons)',
      'Certificates (certificates)',
      'Funding (CNY)',
      'Source',
    ]);
    expect(en.slice(1).map((row) => [row[0], row[1], row[12]])).toEqual([
      ['2024-01', '440100', '200'],
      ['2024-02', '440100', '40'],
      ['2024-03', '440300', '100'],
    ]);
  });

  it('X-Data-Version and a Link to the sidecar, which describes this CSV: its headers, rows and sources', async () => {
    const res = await get(`${guangdong}&format=csv&lang=zh`);
    expect(res.headers.get('x-data-version')).toBe(db.snapshotId);
    expect(res.headers.get('content-language')).toBe('zh');
    const link = res.headers.get('link')!;
    const [, target] = /^<([^>]+)>; rel="describedby"; type="application\/json"$/.exec(link)!;
    const csv = parse(await res.text(), { bom: true }) as string[][];
    const sidecar = await get(target);
    expect(sidecar.headers.get('content-type')).toMatch(/^application\/json/);
    expect(sidecar.headers.get('x-data-version')).toBe(db.snapshotId);
    const doc = await sidecar.json();
    expect(doc.columns.map((c: { csv_header: string }) => c.csv_header)).toEqual(csv[0]);
    expect(doc.row_count).toBe(csv.length - 1);
    expect(doc.request).toMatchObject({ kind: 'dataset', name: 'training', params: { regions: ['440000'], from_year: 2024 } });
    expect(doc.licenses.map((l: { name: string }) => l.name)).toContain('CC0-1.0');
  });

  it("an analytic's CSV links its sidecar too, and the sidecar counts the rows", async () => {
    const path = '/api/queries/training-by-region?program=vocational_training&year=2024&level=province';
    const res = await get(`${path}&format=csv&lang=en`);
    const csv = parse(await res.text(), { bom: true }) as string[][];
    expect(csv[0]).toEqual(
      expect.arrayContaining([
        'Person-times (person-times)',
        'Person-times per 10,000 working-age (months covered) (per 10,000 working-age people)',
      ]),
    );
    const [, target] = /^<([^>]+)>/.exec(res.headers.get('link')!)!;
    const doc = await (await get(target)).json();
    expect(doc.columns.map((c: { csv_header: string }) => c.csv_header)).toEqual(csv[0]);
    expect(doc.row_count).toBe(csv.length - 1);
  });
});

describe('output parameters are checked', () => {
  it('400 names lang or meta and what they allow', async () => {
    const lang = await get(`${guangdong}&format=csv&lang=fr`);
    expect(lang.status).toBe(400);
    expect((await lang.json()).invalid_params).toEqual([
      { name: 'lang', reason: 'unknown language "fr"', allowed: 'zh, en (absent: machine names)' },
    ]);
    const meta = await get('/api/queries/training-by-region?meta=yes');
    expect(meta.status).toBe(400);
    expect((await meta.json()).invalid_params[0]).toMatchObject({ name: 'meta', allowed: 'true, false' });
    const format = await get('/api/datasets/training?format=xlsx');
    expect((await format.json()).invalid_params[0].allowed).toBe('json, csv, arrow, parquet, provenance, datapackage');
  });
});
