import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC, Type } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_ROWS } from '../../server/encode/arrow.js';
import { DICTIONARY_LIMIT } from '../../server/encode/utf8-dictionary.js';
import type { BoundQuery } from '../../server/encode/bound-query.js';
import { probeColumns } from '../../server/encode/columns.js';
import { encodeQuery, type EncodeFormat } from '../../server/encode/encode-result.js';
import type { ResultMeta } from '../../server/encode/meta.js';
import { BufferSink, type Sink } from '../../server/encode/sink.js';
import { col } from '../../queries/lib/define.js';
import { loadExports } from '../../queries/registry.js';
import { bindings } from '../../queries/lib/run.js';
import { sqlOf } from '../../queries/lib/sql-file.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';

// Four rows worked out by hand: formulas, a Chinese name with a comma, quotes, line breaks, NaN, nulls and ''.
const sample = `SELECT id, formula, name, amount, day, flag, note FROM (VALUES
  (1, 1::BIGINT, '=1+1', '广州,天河区', 12.5::DOUBLE, DATE '2024-03-01', true, 'say "hi"'),
  (2, -2::BIGINT, '+86 20 1234', '北京', 'nan'::DOUBLE, NULL, false, 'two' || chr(10) || 'lines'),
  (3, NULL, '-5', '', NULL, DATE '1999-12-31', NULL, NULL),
  (4, 4::BIGINT, '@SUM(A1)', NULL, 1e21::DOUBLE, DATE '2024-02-29', true, chr(9) || 'tab'),
  (5, 5::BIGINT, chr(13) || 'cr', '中文', -0.25::DOUBLE, DATE '2024-12-31', false, 'plain')
) t(k, id, formula, name, amount, day, flag, note)
WHERE $min IS NULL OR k >= $min
ORDER BY k`;

let instance: DuckDBInstance;
let connection: DuckDBConnection;
const meta: ResultMeta = { name: 'sample', snapshot: '20261125T1000-abcd', params: { min: null } };

const query = (sql: string, min: number | null = null): BoundQuery => ({ sql, values: { min }, types: {} });

async function encode(format: EncodeFormat, q: BoundQuery, sink = new BufferSink()): Promise<{ body: Buffer; rows: number }> {
  const rows = await encodeQuery(connection, q, await probeColumns(connection, q), format, meta, sink);
  return { body: sink.toBuffer(), rows };
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('CSV (DuckDB writes it)', () => {
  it('neutralises formulas, quotes what needs quoting, and writes nulls as empty fields', async () => {
    const { body, rows } = await encode('csv', query(sample));
    expect(rows).toBe(5);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.subarray(3).toString('utf8')).toBe(
      'id,formula,name,amount,day,flag,note\r\n' +
        `1,'=1+1,"广州,天河区",12.5,2024-03-01,true,"say ""hi"""\r\n` +
        `-2,'+86 20 1234,北京,,,false,"two\nlines"\r\n` +
        `,'-5,"",,1999-12-31,,\r\n` +
        `4,'@SUM(A1),,1e+21,2024-02-29,true,'\ttab\r\n` +
        `5,"'\rcr",中文,-0.25,2024-12-31,false,plain\r\n`,
    );
  });

  it('reads back with a CSV parser to the same cells', async () => {
    const { body } = await encode('csv', query(sample));
    const parsed = parse(body, { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => r.formula)).toEqual(["'=1+1", "'+86 20 1234", "'-5", "'@SUM(A1)", "'\rcr"]);
    expect(parsed.map((r) => r.name)).toEqual(['广州,天河区', '北京', '', '', '中文']);
    expect(parsed.map((r) => r.note)).toEqual(['say "hi"', 'two\nlines', '', "'\ttab", 'plain']);
    expect(parsed.map((r) => r.id)).toEqual(['1', '-2', '', '4', '5']);
  });

  it('keeps the header of an empty result', async () => {
    const { body, rows } = await encode('csv', query(sample, 100));
    expect(rows).toBe(0);
    expect(body.toString('utf8')).toBe('\ufeffid,formula,name,amount,day,flag,note\r\n');
  });
});

describe('JSON (DuckDB writes the rows inside the envelope)', () => {
  it('keeps the body shape: integers as numbers, dates as YYYY-MM-DD, NaN as null, text as is', async () => {
    const { body, rows } = await encode('json', query(sample));
    const json = JSON.parse(body.toString('utf8'));
    expect(Object.keys(json)).toEqual(['name', 'snapshot', 'params', 'columns', 'rows', 'row_count']);
    expect(json).toMatchObject({ name: 'sample', snapshot: '20261125T1000-abcd', params: { min: null }, row_count: 5 });
    expect(rows).toBe(5);
    expect(json.columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual([
      'id:integer',
      'formula:string',
      'name:string',
      'amount:number',
      'day:date',
      'flag:boolean',
      'note:string',
    ]);
    expect(json.rows).toEqual([
      { id: 1, formula: '=1+1', name: '广州,天河区', amount: 12.5, day: '2024-03-01', flag: true, note: 'say "hi"' },
      { id: -2, formula: '+86 20 1234', name: '北京', amount: null, day: null, flag: false, note: 'two\nlines' },
      { id: null, formula: '-5', name: '', amount: null, day: '1999-12-31', flag: null, note: null },
      { id: 4, formula: '@SUM(A1)', name: null, amount: 1e21, day: '2024-02-29', flag: true, note: '\ttab' },
      { id: 5, formula: '\rcr', name: '中文', amount: -0.25, day: '2024-12-31', flag: false, note: 'plain' },
    ]);
  });

  it('writes doubles that read back exactly, and escapes every character JSON requires', async () => {
    const doubles = [0.1 + 0.2, 1 / 3, 1e-7, 123456789.123, 5e-324, 1.7976931348623157e308, -1234.5];
    const sql = `SELECT d, s FROM (VALUES ${doubles.map((d, i) => `(${i}, ${d.toString()}::DOUBLE, ${i === 0 ? `'q"b\\' || chr(1) || chr(8232) || '丁'` : 'NULL'})`).join(', ')}) t(i, d, s) WHERE $min IS NULL ORDER BY i`;
    const json = JSON.parse((await encode('json', query(sql))).body.toString('utf8'));
    expect(json.rows.map((r: { d: number }) => r.d)).toEqual(doubles);
    expect(json.rows[0].s).toBe('q"b\\\u0001\u2028丁');
  });

  it('an empty result has no rows and a row count of 0', async () => {
    const json = JSON.parse((await encode('json', query(sample, 100))).body.toString('utf8'));
    expect(json.rows).toEqual([]);
    expect(json.row_count).toBe(0);
    expect(json.columns).toHaveLength(7);
  });
});

describe('Arrow (built in JS from the chunks)', () => {
  it('decodes with tableFromIPC to the same values and types, with the metadata', async () => {
    const table = tableFromIPC((await encode('arrow', query(sample))).body);
    expect(table.schema.fields.map((f) => `${f.name}:${Type[f.typeId]}`)).toEqual([
      'id:Int',
      'formula:Dictionary',
      'name:Dictionary',
      'amount:Float',
      'day:Date',
      'flag:Bool',
      'note:Dictionary',
    ]);
    expect(String(table.schema.fields[1].type)).toBe('Dictionary<Int32, Utf8>');
    expect(String(table.schema.fields[0].type)).toBe('Int64');
    expect(String(table.schema.fields[3].type)).toBe('Float64');
    expect(String(table.schema.fields[4].type)).toBe('Date32<DAY>');
    expect(Object.fromEntries(table.schema.metadata)).toEqual({ name: 'sample', snapshot: '20261125T1000-abcd', params: '{"min":null}' });
    const column = (name: string) => [...table.getChild(name)!];
    expect(column('id')).toEqual([1n, -2n, null, 4n, 5n]);
    expect(column('formula')).toEqual(['=1+1', '+86 20 1234', '-5', '@SUM(A1)', '\rcr']);
    expect(column('name')).toEqual(['广州,天河区', '北京', '', null, '中文']);
    expect(column('amount')).toEqual([12.5, null, null, 1e21, -0.25]);
    expect(column('day').map((d) => (d === null ? null : new Date(d as number).toISOString().slice(0, 10)))).toEqual([
      '2024-03-01',
      null,
      '1999-12-31',
      '2024-02-29',
      '2024-12-31',
    ]);
    expect(column('flag')).toEqual([true, false, null, true, false]);
    expect(column('note')).toEqual(['say "hi"', 'two\nlines', null, '\ttab', 'plain']);
  });

  it('an empty result keeps its schema', async () => {
    const table = tableFromIPC((await encode('arrow', query(sample, 100))).body);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['id', 'formula', 'name', 'amount', 'day', 'flag', 'note']);
    expect(table.schema.metadata.get('snapshot')).toBe('20261125T1000-abcd');
  });

  it('turns other integer, decimal and text-like types into Int64, Float64 and dictionary-encoded Utf8', async () => {
    const sql = `SELECT 7::INTEGER AS i32, (-3)::SMALLINT AS i16, 12.34::DECIMAL(10, 2) AS dec, 1.5::FLOAT AS f32,
      TIMESTAMP '2024-03-01 10:00:00' AS ts, ['a', 'b'] AS lst WHERE $min IS NULL`;
    const table = tableFromIPC((await encode('arrow', query(sql))).body);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      'Int64',
      'Int64',
      'Float64',
      'Float64',
      'Dictionary<Int32, Utf8>',
      'Dictionary<Int32, Utf8>',
    ]);
    expect(table.get(0)!.toJSON()).toEqual({ i32: 7n, i16: -3n, dec: 12.34, f32: 1.5, ts: '2024-03-01 10:00:00', lst: '[a, b]' });
    const json = JSON.parse((await encode('json', query(sql))).body.toString('utf8'));
    expect(json.rows).toEqual([{ i32: 7, i16: -3, dec: 12.34, f32: 1.5, ts: '2024-03-01 10:00:00', lst: '[a, b]' }]);
  });

  it('keeps every value across chunks and record batches: short and heap strings, nulls, booleans, dates', async () => {
    const n = 2 * BATCH_ROWS + 5_000;
    const sql = `SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE i * 3 END AS n,
        CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN 's' || i WHEN 2 THEN repeat('文', (i % 9)::INTEGER) || i ELSE 'a fairly long string number ' || i END AS s,
        i % 2 = 0 AS even, i / 8 AS d, DATE '2000-01-01' + (i % 1000)::INTEGER AS day
      FROM range(${n}) r(i) WHERE $min IS NULL ORDER BY i`;
    const table = tableFromIPC((await encode('arrow', query(sql))).body);
    expect(table.numRows).toBe(n);
    expect(table.batches.length).toBeGreaterThan(2);
    const [i, nn, s, even, d, day] = ['i', 'n', 's', 'even', 'd', 'day'].map((name) => [...table.getChild(name)!]);
    const text = (k: number) => [null, `s${k}`, `${'文'.repeat(k % 9)}${k}`, `a fairly long string number ${k}`][k % 4];
    for (let k = 0; k < n; k++) {
      if (
        i[k] !== BigInt(k) ||
        nn[k] !== (k % 7 === 0 ? null : BigInt(k * 3)) ||
        s[k] !== text(k) ||
        even[k] !== (k % 2 === 0) ||
        d[k] !== k / 8 ||
        day[k] !== Date.UTC(2000, 0, 1 + (k % 1000))
      ) {
        throw new Error(`row ${k}: ${[i[k], nn[k], s[k], even[k], d[k], day[k]].join(' | ')}`);
      }
    }
  });
  it('sends each distinct string once: later batches add only the strings they bring (delta dictionaries)', async () => {
    const n = 2 * BATCH_ROWS + 100;
    // Three labels on every row; 'late', in the last 100 rows only, is first seen in the last record batch.
    const sql = `SELECT i, CASE WHEN i >= ${2 * BATCH_ROWS} THEN 'late' ELSE ['甲地区名称较长的一个', 'beta', 'a label longer than twelve bytes'][i % 3 + 1] END AS label
      FROM range(${n}) r(i) WHERE $min IS NULL ORDER BY i`;
    const body = (await encode('arrow', query(sql))).body;
    const table = tableFromIPC(body);
    expect(table.batches.length).toBe(3);
    const label = table.getChild('label')!;
    const dictionaries = label.data.map((d) => [...d.dictionary!]);
    expect(dictionaries[0]).toEqual(['甲地区名称较长的一个', 'beta', 'a label longer than twelve bytes']);
    expect(dictionaries[2]).toEqual(['甲地区名称较长的一个', 'beta', 'a label longer than twelve bytes', 'late']);
    const labels = [...label];
    for (let k = 0; k < n; k++) {
      const expected = k >= 2 * BATCH_ROWS ? 'late' : ['甲地区名称较长的一个', 'beta', 'a label longer than twelve bytes'][k % 3];
      if (labels[k] !== expected) throw new Error(`row ${k}: ${String(labels[k])}`);
    }
    // Each label's bytes are in the stream once, not once a row.
    const occurrences = body.toString('latin1').split(Buffer.from('a label longer than twelve bytes').toString('latin1')).length - 1;
    expect(occurrences).toBe(1);
  });
  it('starts the dictionary of a column afresh once it holds DICTIONARY_LIMIT strings (a replacement dictionary)', async () => {
    const perBatch = BATCH_ROWS;
    const batches = DICTIONARY_LIMIT / perBatch + 1;
    const sql = `SELECT 'a distinct value, number ' || i AS s FROM range(${batches * perBatch}) r(i) WHERE $min IS NULL ORDER BY i`;
    const table = tableFromIPC((await encode('arrow', query(sql))).body);
    const column = table.getChild('s')!;
    // Every row distinct: batch k's dictionary holds the strings of batches 1…k, until the limit is reached.
    expect(column.data.map((d) => d.dictionary!.length)).toEqual([
      ...Array.from({ length: batches - 1 }, (_, k) => (k + 1) * perBatch),
      perBatch,
    ]);
    const values = [...column];
    for (let k = 0; k < values.length; k++)
      if (values[k] !== `a distinct value, number ${k}`) throw new Error(`row ${k}: ${String(values[k])}`);
  });
});

describe('Arrow export of hand-made training rows', () => {
  // Three rows over two regions, two programmes and two fields of the fixture reference (names from its files).
  const training = `month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny,source
2024-01,440100,knowledge_renewal,ai,5,4,1,1000.5,synthetic
2024-01,440100,vocational_training,general,7,6,0,0,synthetic
2024-02,440300,vocational_training,general,9,8,2,250,synthetic
`;
  let db: FixtureDb;
  beforeAll(async () => {
    db = await buildFixtureDb({ 'training.csv': training });
  });
  afterAll(() => db.close());

  it('has dictionary-encoded text columns whose values are the rows of the JSON export', async () => {
    const definition = (await loadExports()).get('training')!;
    const bound: BoundQuery = { sql: sqlOf(definition), ...bindings(definition, definition.schema.parse({})) };
    const columns = await probeColumns(db.connection, bound);
    const run = async (format: EncodeFormat) => {
      const sink = new BufferSink();
      await encodeQuery(db.connection, bound, columns, format, meta, sink);
      return sink.toBuffer();
    };
    const table = tableFromIPC(await run('arrow'));
    const text = definition.columns.filter((c) => c.type === 'string').map((c) => c.name);
    expect(text).toHaveLength(13);
    for (const name of text) expect(String(table.schema.fields.find((f) => f.name === name)!.type), name).toBe('Dictionary<Int32, Utf8>');
    const arrowRows = table
      .toArray()
      .map((row) => Object.fromEntries(Object.entries(row.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
    const jsonRows = JSON.parse((await run('json')).toString('utf8')).rows;
    expect(arrowRows).toEqual(jsonRows);
    // The same rows, worked out from the CSV above and the fixture's region, programme and field files.
    const guangzhou = {
      region_code: '440100',
      region_name_zh: '广州市',
      region_name_en: 'Guangzhou',
      region_level: 'prefecture',
      province_code: '440000',
    };
    const vocational = {
      program_code: 'vocational_training',
      program_name_zh: '补贴性职业技能培训',
      program_name_en: 'Subsidised vocational training',
    };
    const general = { field_code: 'general', field_name_zh: '通用', field_name_en: 'General' };
    expect(arrowRows).toEqual([
      {
        month: '2024-01',
        ...guangzhou,
        program_code: 'knowledge_renewal',
        program_name_zh: '专业技术人才知识更新工程',
        program_name_en: 'Knowledge-renewal project',
        field_code: 'ai',
        field_name_zh: '人工智能',
        field_name_en: 'Artificial intelligence',
        person_times: 5,
        participants: 4,
        certificates: 1,
        funding_cny: 1000.5,
        source: 'synthetic',
      },
      {
        month: '2024-01',
        ...guangzhou,
        ...vocational,
        ...general,
        person_times: 7,
        participants: 6,
        certificates: 0,
        funding_cny: 0,
        source: 'synthetic',
      },
      {
        month: '2024-02',
        ...{
          region_code: '440300',
          region_name_zh: '深圳市',
          region_name_en: 'Shenzhen',
          region_level: 'prefecture',
          province_code: '440000',
        },
        ...vocational,
        ...general,
        person_times: 9,
        participants: 8,
        certificates: 2,
        funding_cny: 250,
        source: 'synthetic',
      },
    ]);
  });
});

describe('streaming through the file DuckDB is writing', () => {
  it("sends exactly the bytes DuckDB writes, in the query's order, for a result of several megabytes", async () => {
    const sql = `SELECT i, 'row ' || i AS label FROM range(300000) r(i) WHERE $min IS NULL ORDER BY i`;
    const { body, rows } = await encode('csv', query(sql));
    expect(rows).toBe(300_000);
    let expected = '\ufeffi,label\r\n';
    for (let k = 0; k < 300_000; k++) expected += `${k},row ${k}\r\n`;
    expect(body.toString('utf8') === expected).toBe(true);
    // The shaping SELECT (formula neutralisation here) keeps the query's order in JSON too.
    const json = JSON.parse((await encode('json', query(sql))).body.toString('utf8'));
    expect(json.rows.every((row: { i: number; label: string }, k: number) => row.i === k && row.label === `row ${k}`)).toBe(true);
  });

  it('Parquet reads back through DuckDB', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'encode-test-'));
    try {
      const { body, rows } = await encode('parquet', query(`SELECT i, i::VARCHAR AS t FROM range(100000) r(i) WHERE $min IS NULL`));
      expect(rows).toBe(100_000);
      const file = join(dir, 'r.parquet');
      await (await import('node:fs/promises')).writeFile(file, body);
      const check = (
        await connection.runAndReadAll(
          `SELECT count(*)::INTEGER AS n, sum(i)::BIGINT AS total, count(DISTINCT t)::INTEGER AS texts FROM read_parquet('${file}')`,
        )
      ).getRowObjectsJson();
      expect(check[0]).toEqual({ n: 100_000, total: '4999950000', texts: 100_000 });
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('stops the COPY and removes its temp file when the client goes away; the connection stays usable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'encode-gone-'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    const failing: Sink = { write: async () => Promise.reject(new Error('client went away')) };
    try {
      const big = query(`SELECT i, repeat('x', 100) AS pad FROM range(3000000) r(i) WHERE $min IS NULL`);
      for (const format of ['csv', 'json', 'arrow'] as const) {
        await expect(encodeQuery(connection, big, await probeColumns(connection, big), format, meta, failing)).rejects.toThrow(
          'client went away',
        );
        expect(await readdir(dir)).toEqual([]);
        expect((await connection.runAndReadAll('SELECT 42 AS answer')).getRowObjectsJson()).toEqual([{ answer: 42 }]);
      }
    } finally {
      // Assigning undefined would set the text 'undefined'.
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      await rm(dir, { recursive: true });
    }
  });
});

describe('provenance and headers at the encoder', () => {
  // Declared as a query or export declares its columns; month and quarter are text in the rows.
  const declared = [
    col('month', 'string', '月份', 'Month'),
    col('quarter', 'string', '季度', 'Quarter'),
    col('person_times', 'integer', '培训人次', 'Person-times', { zh: '人次', en: 'person-times' }),
    col('region', 'string', '地区', 'Region'),
    col('region_code', 'string', '地区', 'Region'),
  ];
  const periods = `SELECT month, quarter, person_times, region, region_code FROM (VALUES
    (1, '2024-03', '2024Q2', 10::BIGINT, '广州', '440100'),
    (2, '2023-12', '2023Q4', 20::BIGINT, '北京', '110100')
  ) t(k, month, quarter, person_times, region, region_code) WHERE $min IS NULL OR k >= $min ORDER BY k`;
  const withDeclared = (extra: Partial<ResultMeta> = {}): ResultMeta => ({ ...meta, declared, ...extra });

  async function encodeWith(format: EncodeFormat, m: ResultMeta): Promise<Buffer> {
    const q = query(periods);
    const sink = new BufferSink();
    await encodeQuery(connection, q, await probeColumns(connection, q), format, m, sink);
    return sink.toBuffer();
  }

  it('CSV headers: machine names without a language; labels with units in one; a repeated label gets its name in brackets', async () => {
    const header = async (lang: 'zh' | 'en' | null) => (await encodeWith('csv', withDeclared({ lang }))).toString('utf8').split('\r\n')[0];
    expect(await header(null)).toBe('\ufeffmonth,quarter,person_times,region,region_code');
    expect(await header('zh')).toBe('\ufeff月份,季度,培训人次（人次）,地区,地区 [region_code]');
    expect(await header('en')).toBe('\ufeffMonth,Quarter,Person-times (person-times),Region,Region [region_code]');
  });

  it('CSV without the byte-order mark when asked (a data package)', async () => {
    expect((await encodeWith('csv', withDeclared({ bom: false }))).toString('utf8')).toBe(
      'month,quarter,person_times,region,region_code\r\n2024-03,2024Q2,10,广州,440100\r\n2023-12,2023Q4,20,北京,110100\r\n',
    );
  });

  it('Parquet: month and quarter become the first day of the period (DATE), rows in order, other columns as they were', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'encode-periods-'));
    try {
      const file = join(dir, 'p.parquet');
      await (await import('node:fs/promises')).writeFile(file, await encodeWith('parquet', withDeclared()));
      const types = (
        await connection.runAndReadAll(
          `SELECT name, converted_type FROM parquet_schema('${file}') WHERE name IN ('month', 'quarter', 'region')`,
        )
      ).getRowObjectsJson();
      expect(types).toEqual([
        { name: 'month', converted_type: 'DATE' },
        { name: 'quarter', converted_type: 'DATE' },
        { name: 'region', converted_type: 'UTF8' },
      ]);
      const rows = (
        await connection.runAndReadAll(`SELECT month::VARCHAR AS m, quarter::VARCHAR AS q, region FROM read_parquet('${file}')`)
      ).getRowObjectsJson();
      expect(rows).toEqual([
        { m: '2024-03-01', q: '2024-04-01', region: '广州' },
        { m: '2023-12-01', q: '2023-10-01', region: '北京' },
      ]);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('JSON puts the provenance beside the rows, and leaves it out when there is none', async () => {
    const provenance = { data_version: meta.snapshot, note: 'a document' } as unknown as ResultMeta['provenance'];
    const withMeta = JSON.parse((await encodeWith('json', withDeclared({ provenance }))).toString('utf8'));
    expect(Object.keys(withMeta)).toEqual(['name', 'snapshot', 'params', 'columns', 'meta', 'rows', 'row_count']);
    expect(withMeta.meta).toEqual({ data_version: meta.snapshot, note: 'a document' });
    expect(withMeta.rows[0]).toEqual({ month: '2024-03', quarter: '2024Q2', person_times: 10, region: '广州', region_code: '440100' });
    const without = JSON.parse((await encodeWith('json', withDeclared())).toString('utf8'));
    expect(Object.keys(without)).toEqual(['name', 'snapshot', 'params', 'columns', 'rows', 'row_count']);
  });
});
