import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import xlsx from 'xlsx';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../ingest/ingest.js';
import { InvalidFileError } from '../../ingest/ingest-file.js';
import { openSnapshot } from '../../core/snapshot-open.js';
import { fixtureReferenceDir, rowsOf } from '../helpers/fixture-db.js';

// Each file below holds the same two training rows, written in a different format or encoding:
//   2024-03 Guangzhou 440100 knowledge_renewal/ai: 12 person-times, 10 participants, 3 certificates, 1,500.50 CNY
//   2024-04 Shenzhen 440300 knowledge_renewal/general: 7, 7, 0, 80
const english =
  'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n2024-03,440100,knowledge_renewal,ai,12,10,3,1500.50\n2024-04,440300,knowledge_renewal,general,7,7,0,80\n';
const chinese =
  '月份,地区代码,项目代码,领域代码,人次,人数,证书数,资金（元）\n2024年3月,440100,knowledge_renewal,ai,12,10,3,"1,500.50"\n2024年4月,440300,knowledge_renewal,general,7,7,0,80\n';
const records = [
  {
    month: '2024-03',
    region_code: '440100',
    program_code: 'knowledge_renewal',
    field_code: 'ai',
    person_times: 12,
    participants: 10,
    certificates: 3,
    funding_cny: 1500.5,
  },
  {
    month: '2024-04',
    region_code: '440300',
    program_code: 'knowledge_renewal',
    field_code: 'general',
    person_times: 7,
    participants: 7,
    certificates: 0,
    funding_cny: 80,
  },
];

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-formats-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function loadOne(name: string, content: Buffer | string, options: { dataset?: string; encoding?: string; sheet?: string } = {}) {
  const dir = await mkdtemp(join(root, 'case-'));
  const file = join(dir, name);
  await writeFile(file, content);
  const dataDir = join(dir, 'data');
  await ingest([fixtureReferenceDir], { dataDir });
  const result = await ingest([file], { dataDir, ...options });
  const instance = await openSnapshot(dataDir, result.snapshotId!);
  const connection = await instance.connect();
  const rows = await rowsOf(
    connection,
    "SELECT strftime(month, '%Y-%m') AS month, region_code, program_code, field_code, person_times, participants, certificates, funding_cny, source FROM training ORDER BY month",
  );
  connection.closeSync();
  instance.closeSync();
  return { result, rows };
}

const expectTwoRows = (rows: Record<string, unknown>[], source: string) => {
  expect(rows).toEqual(records.map((r) => ({ ...r, source })));
};

describe('ingest reads every supported format into the same rows', () => {
  it('UTF-8 CSV with English headers; source defaults to the file name', async () => {
    const { result, rows } = await loadOne('training-2024.csv', english);
    expect(result.files[0]).toMatchObject({ dataset: 'training', format: 'csv', encoding: 'utf-8', rowsRead: 2, added: 2 });
    expectTwoRows(rows, 'training-2024.csv');
  });

  it('UTF-8 CSV with a BOM and Chinese headers, Chinese months and thousands separators', async () => {
    const { rows } = await loadOne('培训.csv', `\ufeff${chinese}`);
    expectTwoRows(rows, '培训.csv');
  });

  it('GB18030 CSV, detected without being told', async () => {
    const { result, rows } = await loadOne('gbk.csv', iconv.encode(chinese, 'gb18030'));
    expect(result.files[0].encoding).toBe('gb18030');
    expectTwoRows(rows, 'gbk.csv');
  });

  it('GBK CSV named with --encoding', async () => {
    const { result } = await loadOne('gbk-named.csv', iconv.encode(chinese, 'gbk'), { encoding: 'gbk' });
    expect(result.files[0]).toMatchObject({ encoding: 'gbk', added: 2 });
  });

  it('.xlsx, first sheet or the one named with --sheet', async () => {
    const book = xlsx.utils.book_new();
    xlsx.utils.book_append_sheet(book, xlsx.utils.aoa_to_sheet([['说明'], ['not data']]), 'notes');
    xlsx.utils.book_append_sheet(book, xlsx.utils.json_to_sheet(records), 'data');
    const bytes = xlsx.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const { rows } = await loadOne('training.xlsx', bytes, { sheet: 'data' });
    expectTwoRows(rows, 'training.xlsx');
  });

  it('JSON array and NDJSON', async () => {
    expectTwoRows((await loadOne('training.json', JSON.stringify(records))).rows, 'training.json');
    expectTwoRows((await loadOne('training.ndjson', records.map((r) => JSON.stringify(r)).join('\n'))).rows, 'training.ndjson');
  });

  it('Parquet written by DuckDB', async () => {
    const dir = await mkdtemp(join(root, 'pq-'));
    const file = join(dir, 'training.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await writeFile(join(dir, 'in.json'), JSON.stringify(records));
    await connection.run(`COPY (SELECT * FROM read_json('${join(dir, 'in.json')}')) TO '${file}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const { result, rows } = await loadOne('training.parquet', await readFile(file));
    expect(result.files[0].format).toBe('parquet');
    expectTwoRows(rows, 'training.parquet');
  });
});

describe('Parquet with whole-number columns, loaded in one pass', () => {
  /** A training Parquet file of two rows, with the counts as BIGINT and the funding as DECIMAL, as DuckDB writes them. */
  async function parquetFile(name: string, secondPersonTimes: number): Promise<string> {
    const dir = await mkdtemp(join(root, 'pq-int-'));
    const file = join(dir, name);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (
      SELECT * FROM (VALUES ('2024-01', '110100', 'knowledge_renewal', 'ai', 12::BIGINT, 10::BIGINT, 3::BIGINT, 1500.50::DECIMAL(18, 2)),
                            ('2024-02', '440100', 'knowledge_renewal', 'general', ${secondPersonTimes}::BIGINT, 7::BIGINT, 0::BIGINT, 80.00::DECIMAL(18, 2)))
        t(month, region_code, program_code, field_code, person_times, participants, certificates, funding_cny)
    ) TO '${file}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    return file;
  }

  it('keeps the values, into an empty data directory', async () => {
    const dataDir = join(await mkdtemp(join(root, 'pq-int-data-')), 'data');
    const result = await ingest([fixtureReferenceDir, await parquetFile('training.parquet', 7)], { dataDir });
    const instance = await openSnapshot(dataDir, result.snapshotId!);
    const connection = await instance.connect();
    const rows = await rowsOf(connection, 'SELECT person_times, participants, certificates, funding_cny FROM training ORDER BY month');
    connection.closeSync();
    instance.closeSync();
    expect(rows).toEqual([
      { person_times: 12, participants: 10, certificates: 3, funding_cny: 1500.5 },
      { person_times: 7, participants: 7, certificates: 0, funding_cny: 80 },
    ]);
  });

  it('refuses a negative count, naming its record (the second: a Parquet file has no header row)', async () => {
    const dataDir = join(await mkdtemp(join(root, 'pq-int-data-')), 'data');
    const error = await ingest([fixtureReferenceDir, await parquetFile('negative.parquet', -5)], { dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFileError);
    expect((error as InvalidFileError).outcome.problems.map((p) => [p.line, p.column, p.value, p.reason])).toEqual([
      [2, 'person_times', '-5', 'must not be negative'],
    ]);
  });
});

describe('text with spaces around it, loaded in one pass', () => {
  it('is stored trimmed, as the line-by-line path stores it (spaces of every kind trim removes, at either end)', async () => {
    const dataDir = join(await mkdtemp(join(root, 'spaces-')), 'data');
    const file = join(root, 'spaces.csv');
    // A plain space, a no-break space (U+00A0) and an ideographic space (U+3000); a tab is not a space trim removes.
    await writeFile(
      file,
      'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny,source\n' +
        '2024-01,110100,knowledge_renewal,ai,1,1,0,0, 市人社局\u3000\n' +
        '2024-02,110100,knowledge_renewal,ai,2,1,0,0,\u00a0区人社局\n' +
        '2024-03,110100,knowledge_renewal,ai,3,1,0,0,plain\n',
    );
    const result = await ingest([fixtureReferenceDir, file], { dataDir });
    const instance = await openSnapshot(dataDir, result.snapshotId!);
    const connection = await instance.connect();
    const rows = await rowsOf(connection, 'SELECT source FROM training ORDER BY month');
    connection.closeSync();
    instance.closeSync();
    expect(rows.map((r) => r.source)).toEqual(['市人社局', '区人社局', 'plain']);
  });
});
