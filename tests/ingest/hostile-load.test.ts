import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../ingest/ingest.js';
import { failureText } from '../../ingest/failure-text.js';
import { openSnapshot } from '../../core/snapshot-open.js';
import { fixtureReferenceDir, rowsOf } from '../helpers/fixture-db.js';
import xlsx from 'xlsx';
import { defaultLimits, limitVariables, type IngestLimits } from '../../ingest/limits.js';
import { readdir } from 'node:fs/promises';

// What hostile-looking files that are in fact good still do: load, within bounds, and say so.
const header = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny,source';

let root: string;
let dataDir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-hostile-load-'));
  dataDir = join(root, 'data');
  await ingest([fixtureReferenceDir], { dataDir, memoryLimit: '1GB' });
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.INGEST_MAX_REJECTS_ROWS;
  delete process.env.INGEST_MAX_XLSX_ROWS;
  delete process.env.INGEST_MAX_JSON_BYTES;
});

async function query(snapshotId: string, sql: string) {
  const instance = await openSnapshot(dataDir, snapshotId);
  const connection = await instance.connect();
  try {
    return await rowsOf(connection, sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'loaded',
    (e: unknown) => failureText(e),
  );

describe('files that look hostile but are good', () => {
  it('Excel-style multi-line cells load, also where the parallel reader would split a file inside a quoted cell', async () => {
    // Every month of 2000–2025 × 8 regions × 3 programmes × 2 fields = 14,976 rows, each with a source cell of two
    // lines (about 1 KB): 15 MB, beyond the block the parallel reader splits at. person_times is the row's index,
    // so the total is 0 + 1 + … + 14,975 = 14,975 × 14,976 / 2 = 112,132,800.
    const regions = ['110000', '110100', '440000', '440100', '440300', '540000', '540100', '810000'];
    const programs = ['knowledge_renewal', 'vocational_training', 'postdoc_stations'];
    const rows: string[] = [];
    for (let year = 2000; year <= 2025; year++)
      for (let month = 1; month <= 12; month++)
        for (const region of regions)
          for (const program of programs)
            for (const field of ['ai', 'general'])
              rows.push(
                `${year}-${String(month).padStart(2, '0')},${region},${program},${field},${rows.length},1,0,1,"第一行${'。'.repeat(300)}\n第二行"`,
              );
    const file = join(root, 'multi-line.csv');
    await writeFile(file, `${header}\n${rows.join('\n')}\n`);
    const result = await ingest([file], { dataDir, memoryLimit: '1GB' });
    expect(result.files[0].rowsRead).toBe(14_976);
    const [row] = await query(
      result.snapshotId!,
      `SELECT count(*)::INTEGER AS n, sum(person_times)::BIGINT::VARCHAR AS total FROM training WHERE source LIKE '第一行%' || chr(10) || '第二行'`,
    );
    expect(row).toEqual({ n: 14_976, total: '112132800' });
  }, 120_000);

  it('--allow-partial writes at most INGEST_MAX_REJECTS_ROWS rejected rows, and counts every rejected row by reason', async () => {
    process.env.INGEST_MAX_REJECTS_ROWS = '3';
    // Rows 2–11: ten months of 2024-01 … 2024-10; rows 3, 5, 7, 9, 11 have person_times -1 and rows 4 and 8
    // funding 'x': seven rejected rows, five for one reason and two for the other; three good rows (2, 6, 10).
    const rows = Array.from({ length: 10 }, (_, i) => {
      const line = i + 2;
      const times = line % 2 === 1 ? '-1' : '5';
      const funding = line === 4 || line === 8 ? 'x' : '1';
      return `2024-${String(i + 1).padStart(2, '0')},440100,knowledge_renewal,ai,${times},1,0,${funding}`;
    });
    const file = join(root, 'many-rejects.csv');
    await writeFile(file, `${header.replace(',source', '')}\n${rows.join('\n')}\n`);
    const result = await ingest([file], { dataDir, memoryLimit: '1GB', allowPartial: true });
    expect(result.files[0]).toMatchObject({ rowsRead: 10, rejected: 7, accepted: 3 });
    const rejects = (await readFile(`${file}.rejects.csv`, 'utf8')).trim().split('\n');
    expect(rejects.map((l) => l.split(',')[0])).toEqual(['line', '3', '4', '5']);
    const summary = (await readFile(`${file}.rejects-summary.csv`, 'utf8')).trim().split('\n');
    expect(summary).toEqual([
      'column,reason,rows,first_line',
      'person_times,must not be negative,5,3',
      'funding_cny,expected a number,2,4',
    ]);
  }, 60_000);

  it('a dataset of plans (targets) may hold future years; actual figures may not', async () => {
    const year = new Date().getUTCFullYear() + 3;
    const targets = join(root, 'target.csv');
    await writeFile(
      targets,
      `program_code,period_start,period_end,region_code,value,source\nknowledge_renewal,${year},${year},000000,1000,plan\n`,
    );
    const result = await ingest([targets], { dataDir, memoryLimit: '1GB', dataset: 'target' });
    expect(result.files[0].added).toBe(1);
    const stock = join(root, 'talent_stock.csv');
    await writeFile(stock, `year,region_code,indicator_code,value\n${year},440100,postdoc_stations,3\n`);
    expect(await refusal(ingest([stock], { dataDir, memoryLimit: '1GB', dataset: 'talent_stock' }))).toMatch(
      new RegExp(`talent_stock\\.csv row 2, column year: '${year}': a period in the future \\(after ${year - 3}\\)`),
    );
    const quarter = join(root, 'labor_market.csv');
    await writeFile(quarter, `quarter,region_code,occupation_code,vacancies,job_seekers\n${year}Q1,440100,2,1,1\n`);
    expect(await refusal(ingest([quarter], { dataDir, memoryLimit: '1GB', dataset: 'labor_market' }))).toMatch(
      new RegExp(`labor_market\\.csv row 2, column quarter: '${year}Q1': a period in the future \\(after ${year - 3}Q[1-4]\\)`),
    );
  }, 60_000);

  it('a workbook is read by a reader with no published advisories: xlsx is no run-time dependency and ingest does not import it', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain('xlsx');
    expect(Object.keys(manifest.dependencies)).toContain('exceljs');
    const sources = await readdir(new URL('../../ingest/', import.meta.url), { recursive: true });
    for (const name of sources.filter((n) => n.endsWith('.ts'))) {
      expect(await readFile(new URL(`../../ingest/${name}`, import.meta.url), 'utf8'), name).not.toMatch(/from 'xlsx'/);
    }
  });

  it('a workbook with a date cell, a formula and a chosen sheet loads; a sheet over INGEST_MAX_XLSX_ROWS is refused', async () => {
    // Sheet 'data': 2024-03-01 as a date cell (a serial number with a date format, as Excel writes it), funding
    // as the formula 1000+500.5 (cached 1500.5).
    const sheet = xlsx.utils.aoa_to_sheet(
      [
        ['month', 'region_code', 'program_code', 'field_code', 'person_times', 'participants', 'certificates', 'funding_cny'],
        [new Date(Date.UTC(2024, 2, 1)), '440100', 'knowledge_renewal', 'ai', 12, 10, 3, 0],
        [new Date(Date.UTC(2024, 3, 1)), '440300', 'knowledge_renewal', 'general', 7, 7, 0, 80],
      ],
      { cellDates: true },
    );
    sheet.H2 = { t: 'n', f: '1000+500.5', v: 1500.5 };
    const book = xlsx.utils.book_new();
    xlsx.utils.book_append_sheet(book, xlsx.utils.aoa_to_sheet([['说明']]), 'notes');
    xlsx.utils.book_append_sheet(book, sheet, 'data');
    const file = join(root, 'dated.xlsx');
    await writeFile(file, xlsx.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(await refusal(ingest([file], { dataDir, sheet: 'missing' }))).toMatch(
      /^ingest failed: dated\.xlsx: no sheet named 'missing'; sheets are 'notes', 'data'/,
    );
    process.env.INGEST_MAX_XLSX_ROWS = '2';
    expect(await refusal(ingest([file], { dataDir, sheet: 'data' }))).toMatch(
      /^dated\.xlsx: the sheet has more than 2 \(set with INGEST_MAX_XLSX_ROWS\) rows/,
    );
    delete process.env.INGEST_MAX_XLSX_ROWS;
    const result = await ingest([file], { dataDir, sheet: 'data' });
    expect(
      await query(
        result.snapshotId!,
        "SELECT strftime(month, '%Y-%m') AS month, region_code, funding_cny FROM training WHERE source = 'dated.xlsx' ORDER BY month",
      ),
    ).toEqual([
      { month: '2024-03', region_code: '440100', funding_cny: 1500.5 },
      { month: '2024-04', region_code: '440300', funding_cny: 80 },
    ]);
  }, 60_000);

  it('a JSON file over INGEST_MAX_JSON_BYTES is refused before it is parsed, naming the limit', async () => {
    process.env.INGEST_MAX_JSON_BYTES = '100';
    const file = join(root, 'big.json');
    await writeFile(file, JSON.stringify([{ month: '2024-03', note: 'x'.repeat(200) }]));
    expect(await refusal(ingest([file], { dataDir }))).toMatch(
      /^big\.json: the file has 2\d\d bytes, more than 100 bytes \(set with INGEST_MAX_JSON_BYTES\)/,
    );
  });
});

describe('docs/operations.md', () => {
  it('states each ingest limit with its default and the variable that sets it', async () => {
    const docs = await readFile(new URL('../../docs/operations.md', import.meta.url), 'utf8');
    const section = docs.slice(docs.indexOf('## Ingest limits'));
    const expected: Record<keyof IngestLimits, string> = {
      csvLineBytes: '1 MB',
      jsonBytes: '512 MB',
      jsonDepth: '64 levels',
      xlsxUncompressedBytes: '100 MB',
      xlsxRows: '1,048,576',
      rejectsRows: '10,000',
    };
    for (const key of Object.keys(limitVariables) as (keyof IngestLimits)[]) {
      const row = section.split('\n').find((line) => line.includes(`\`${limitVariables[key]}\``));
      expect(row, limitVariables[key]).toBeDefined();
      expect(row).toContain(expected[key]);
    }
    // The defaults the table states are the ones in force.
    expect(defaultLimits).toEqual({
      csvLineBytes: 1024 * 1024,
      jsonBytes: 512 * 1024 * 1024,
      jsonDepth: 64,
      xlsxUncompressedBytes: 100 * 1024 * 1024,
      xlsxRows: 1_048_576,
      rejectsRows: 10_000,
    });
  });
});
