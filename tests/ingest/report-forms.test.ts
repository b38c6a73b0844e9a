import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../core/repo-paths.js';
import { currentSnapshotId } from '../../core/snapshot-layout.js';
import { openSnapshot } from '../../core/snapshot-open.js';
import { InvalidFileError } from '../../ingest/ingest-file.js';
import { ingest } from '../../ingest/ingest.js';
import { reportsDir } from '../fixtures/reports/make-reports.js';

// The fixtures are written by tests/fixtures/reports/make-reports.ts. Every expected row below is worked out by
// hand from the figures typed in that script (units scaled, names looked up in data/reference/region.csv etc.).

const fixture = (name: string) => join(reportsDir, name);
let root: string;
let dataDir: string;

async function query(sql: string): Promise<unknown[][]> {
  const id = (await currentSnapshotId(dataDir))!;
  const instance = await openSnapshot(dataDir, id);
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowsJson() as unknown[][];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function refusal(file: string, options: { allowPartial?: boolean } = {}): Promise<InvalidFileError> {
  const error = await ingest([file], { dataDir, ...options }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidFileError);
  return error as InvalidFileError;
}

/** The training rows a file loaded, as (month, region, programme, field, the four measures). */
const trainingFrom = (source: string, order: string) =>
  query(`SELECT strftime(month, '%Y-%m'), region_code, program_code, field_code, person_times::INTEGER, participants::INTEGER,
                certificates::INTEGER, funding_cny FROM training WHERE source = '${source}' ORDER BY ${order}`);

const problemsOf = (error: InvalidFileError) => error.outcome.problems.map((p) => [p.line, p.column, p.value, p.reason]);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-report-forms-'));
  dataDir = join(root, 'data');
  await ingest([join(repoRoot, 'data/reference')], { dataDir, memoryLimit: '1GB' });
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a monthly report form (title, unit line, names, a 合计 row, footnotes)', () => {
  it('loads into exactly the rows it states, in the stored units, with codes', async () => {
    const result = await ingest([fixture('knowledge-renewal-2025-03.xlsx')], { dataDir });
    expect(result.files[0].added).toBe(4);
    // 资金 is in 万元 (unit line): 12.5 → 125000, 8.25 → 82500, 4.3 → 43000, 3.05 → 30500 元.
    // 天水 is 天水市 (620500), 临夏州 is 临夏回族自治州 (622900); the programme is named by the title.
    expect(
      await query(`SELECT strftime(month, '%Y-%m'), region_code, program_code, field_code, person_times, participants, certificates, funding_cny, source
                   FROM training WHERE source = 'knowledge-renewal-2025-03.xlsx' ORDER BY region_code, field_code`),
    ).toEqual([
      ['2025-03', '620100', 'knowledge_renewal', 'ai', '800', '760', '120', 82500, 'knowledge-renewal-2025-03.xlsx'],
      ['2025-03', '620100', 'knowledge_renewal', 'big_data', '1200', '1100', '300', 125000, 'knowledge-renewal-2025-03.xlsx'],
      ['2025-03', '620500', 'knowledge_renewal', 'big_data', '450', '430', '90', 43000, 'knowledge-renewal-2025-03.xlsx'],
      ['2025-03', '622900', 'knowledge_renewal', 'new_energy', '300', '280', '60', 30500, 'knowledge-renewal-2025-03.xlsx'],
    ]);
  });

  it('keeps the title, unit line, footnotes, total checked and name mapping in the ingest log', async () => {
    const [[json]] = await query(`SELECT understanding FROM ingest_layout WHERE file = 'knowledge-renewal-2025-03.xlsx'`);
    const u = JSON.parse(json as string);
    expect(u.layout).toBe('report');
    expect(u.headerRows).toEqual([3]);
    expect(u.metadata).toEqual([
      { row: 1, text: '2025年3月甘肃省专业技术人才知识更新工程培训情况统计表', kind: 'title' },
      { row: 2, text: '填报单位：甘肃省人力资源和社会保障厅  单位：人次、人、本、万元', kind: 'unit' },
    ]);
    expect(u.footnotes.map((f: { row: number }) => f.row)).toEqual([9, 10]);
    expect(u.totals).toEqual([{ row: 8, column: null, label: '合计', covers: 'rows 4–7', checked: 4, mismatches: 0 }]);
    expect(u.province).toEqual({ code: '620000', name: '甘肃省' });
    expect(u.fromTitle).toEqual([{ column: 'program_code', name: '专业技术人才知识更新工程', code: 'knowledge_renewal' }]);
    expect(u.period).toMatchObject({ from: 'title', values: ['2025-03'] });
    expect(u.names).toEqual(
      expect.arrayContaining([
        { column: 'region_code', name: '天水', code: '620500', how: 'short name' },
        { column: 'region_code', name: '临夏州', code: '622900', how: 'short name' },
        { column: 'field_code', name: '新能源', code: 'new_energy', how: 'name' },
      ]),
    );
    expect(u.units.find((x: { measure: string }) => x.measure === 'funding_cny')).toEqual({
      measure: 'funding_cny',
      stored: '元',
      declared: '万元',
      factor: 10000,
      from: 'unit line',
    });
  });

  it('refuses the same form with a wrong total, naming both figures', async () => {
    const before = await currentSnapshotId(dataDir);
    const error = await refusal(fixture('knowledge-renewal-wrong-total.xlsx'));
    // Stated 2,705; rows 4–7 add up to 1200 + 800 + 450 + 300 = 2,750.
    expect(problemsOf(error)).toEqual([
      [8, 'D 培训人次', '2705', 'total 2,705 does not equal the sum of the 4 rows it covers (4, 5, 6, 7): 2,750'],
    ]);
    expect(await currentSnapshotId(dataDir)).toBe(before);
  });
});

describe('wide layouts', () => {
  it('a year by month (GB18030 CSV, one row per region and measure) loads into 12 monthly rows per region', async () => {
    const result = await ingest([fixture('training-by-month-2024.csv')], { dataDir });
    expect(result.files[0].encoding).toBe('gb18030');
    expect(result.files[0].understanding.totals.map((t) => [t.row, t.column, t.checked, t.mismatches])).toEqual([
      [12, null, 13, 0],
      [13, null, 13, 0],
      [14, null, 13, 0],
      [15, null, 13, 0],
      [null, 'O 合计', 12, 0],
    ]);
    const rows =
      await query(`SELECT region_code, strftime(month, '%m'), person_times::INTEGER, participants::INTEGER, certificates::INTEGER, funding_cny
                              FROM training WHERE program_code = 'vocational_training' AND field_code = 'big_data' AND year(month) = 2024
                              ORDER BY region_code, month`);
    expect(rows).toEqual([
      ['620100', '01', 120, 100, 10, 1000],
      ['620100', '02', 130, 110, 11, 2000],
      ['620100', '03', 140, 120, 12, 3000],
      ['620100', '04', 150, 130, 13, 4000],
      ['620100', '05', 160, 140, 14, 5000],
      ['620100', '06', 170, 150, 15, 6000],
      ['620100', '07', 180, 160, 16, 7000],
      ['620100', '08', 190, 170, 17, 8000],
      ['620100', '09', 200, 180, 18, 9000],
      ['620100', '10', 210, 190, 19, 10000],
      ['620100', '11', 220, 200, 20, 11000],
      ['620100', '12', 230, 210, 21, 12000],
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => ['620200', m, 50, 40, 5, 500]),
    ]);
  });

  it('quarters under merged measure groups (a two-row header) load with region and year from the title', async () => {
    const result = await ingest([fixture('labour-market-by-quarter.xlsx')], { dataDir });
    expect(result.files[0].understanding.headerRows).toEqual([2, 3]);
    expect(result.files[0].understanding.fromTitle).toEqual([{ column: 'region_code', name: '兰州市', code: '620100' }]);
    expect(
      await query(`SELECT occupation_code, quarter(quarter)::INTEGER, vacancies::INTEGER, job_seekers::INTEGER FROM labor_market
                   WHERE region_code = '620100' AND year(quarter) = 2025 ORDER BY occupation_code, quarter`),
    ).toEqual([
      ['2-02-38-03', 1, 80, 50],
      ['2-02-38-03', 2, 90, 55],
      ['2-02-38-03', 3, 85, 52],
      ['2-02-38-03', 4, 95, 58],
      ['4-02-06-01', 1, 200, 260],
      ['4-02-06-01', 2, 180, 250],
      ['4-02-06-01', 3, 190, 240],
      ['4-02-06-01', 4, 210, 255],
      ['4-04-04-02', 1, 120, 60],
      ['4-04-04-02', 2, 130, 65],
      ['4-04-04-02', 3, 125, 70],
      ['4-04-04-02', 4, 140, 72],
    ]);
  });

  it('indicators as columns (programme names) and provinces by short name load one row per province and indicator', async () => {
    await ingest([fixture('platforms-by-province.csv')], { dataDir });
    expect(
      await query(
        `SELECT region_code, indicator_code, value FROM talent_stock WHERE source = 'platforms-by-province.csv' ORDER BY region_code, indicator_code`,
      ),
    ).toEqual([
      ['620000', 'expert_service_bases', 5],
      ['620000', 'hr_service_agencies', 1200],
      ['620000', 'returnee_parks', 3],
      ['630000', 'expert_service_bases', 2],
      ['630000', 'hr_service_agencies', 450],
      ['630000', 'returnee_parks', 1],
      ['640000', 'expert_service_bases', 3],
      ['640000', 'hr_service_agencies', 680],
      ['640000', 'returnee_parks', 2],
    ]);
    expect(await query(`SELECT DISTINCT year FROM talent_stock WHERE source = 'platforms-by-province.csv'`)).toEqual([[2024]]);
  });
});

describe('two-row headers and merged cells', () => {
  it('a region merged down its rows names each of them; a 合计 merged across the labels is a total (read at the 15 digits a spreadsheet keeps)', async () => {
    const result = await ingest([fixture('merged-regions.xlsx')], { dataDir });
    expect(result.files[0].understanding.totals).toEqual([
      { row: 7, column: null, label: '合计', covers: 'rows 4–6', checked: 4, mismatches: 0 },
    ]);
    expect(await trainingFrom('merged-regions.xlsx', 'region_code, field_code')).toEqual([
      // 资金 in 万元: 0.2 → 2000, 0.1 → 1000, 1.1 → 11000 元.
      ['2025-05', '620100', 'digital_engineers', 'ai', 20, 18, 2, 2000],
      ['2025-05', '620100', 'digital_engineers', 'big_data', 10, 9, 1, 1000],
      ['2025-05', '620400', 'digital_engineers', 'big_data', 5, 5, 0, 11000],
    ]);
  });

  it('months over measures in a CSV (groups carried over blank cells); a month left empty makes no row', async () => {
    const result = await ingest([fixture('months-over-measures.csv')], { dataDir });
    expect(result.files[0].understanding.headerRows).toEqual([2, 3]);
    expect(await trainingFrom('months-over-measures.csv', 'region_code, month')).toEqual([
      ['2025-01', '620100', 'knowledge_renewal', 'big_data', 10, 9, 1, 1000],
      ['2025-02', '620100', 'knowledge_renewal', 'big_data', 20, 18, 2, 2000],
      ['2025-01', '620500', 'knowledge_renewal', 'big_data', 5, 5, 0, 500],
    ]);
  });
});

describe('names instead of codes', () => {
  it("a dataset's own header with Chinese and English names in its code columns", async () => {
    await ingest([fixture('training-names.csv')], { dataDir });
    expect(
      await query(
        `SELECT region_code, program_code, field_code, person_times::INTEGER, funding_cny FROM training WHERE source = 'training-names.csv' ORDER BY region_code`,
      ),
    ).toEqual([
      ['620000', 'digital_engineers', 'ai', 25, 30000],
      ['620900', 'knowledge_renewal', 'big_data', 40, 52000],
    ]);
  });

  it('refuses an ambiguous name, naming the candidates', async () => {
    const error = await refusal(fixture('ambiguous-name.csv'));
    expect(problemsOf(error)).toEqual([
      [
        3,
        'A 地区',
        '朝阳区',
        'ambiguous name: 朝阳区 is 110105 (北京市朝阳区), 220104 (吉林省长春市朝阳区); write the code or a fuller name',
      ],
    ]);
  });

  it('with --allow-partial loads the rows whose names resolve and rejects the ambiguous one', async () => {
    const copy = join(root, 'ambiguous-name.csv');
    await copyFile(fixture('ambiguous-name.csv'), copy);
    const result = await ingest([copy], { dataDir, allowPartial: true });
    expect([result.files[0].added, result.files[0].rejected]).toEqual([1, 1]);
    expect(await query(`SELECT region_code, person_times::INTEGER FROM training WHERE source = 'ambiguous-name.csv'`)).toEqual([
      ['110101', 12],
    ]);
  });

  it('looks names up within the province of the title, and says where else the name exists', async () => {
    const error = await refusal(fixture('outside-province.csv'));
    expect(problemsOf(error)).toEqual([
      [
        3,
        'A 地区',
        '朝阳区',
        'unknown name: no region named 朝阳区 in 甘肃省; elsewhere: 110105 (北京市朝阳区), 220104 (吉林省长春市朝阳区)',
      ],
    ]);
  });
});

describe('refusals of what cannot be read safely', () => {
  it('an ambiguous unit line (元/万元) is refused, not guessed', async () => {
    const error = await refusal(fixture('ambiguous-unit.csv'));
    expect(problemsOf(error)).toEqual([
      [
        2,
        'A',
        '元/万元',
        'ambiguous unit: funding_cny (stored in 元) could be in 元 or 万元; declare one unit per column, e.g. 资金（万元）',
      ],
    ]);
  });

  it('a unit that is no measure’s, a bare 万 over several measures, and a header unit of the wrong kind are refused', async () => {
    const file = join(root, 'odd-units.csv');
    await writeFile(
      file,
      [
        '2025年3月甘肃省专业技术人才知识更新工程培训情况统计表',
        '单位：万户',
        '单位：万',
        '地区,领域,培训人次（万元）,培训人数,取证人数,资金（元）',
        '兰州市,大数据,1,1,0,10',
      ].join('\n'),
    );
    const error = await refusal(file);
    expect(problemsOf(error)).toEqual([
      [2, 'A', '万户', 'unit 万户 matches no column of training (stored in 人次, 人, 本, 元)'],
      [3, 'A', '万', 'ambiguous unit: 万 names no unit and the file has 4 measures'],
      [4, 'C 培训人次（万元）', '万元', 'unit 万元 is not a unit of person_times (stored in 人次)'],
    ]);
  });

  it('a cumulative period in the title (2025年1-3月) is refused for monthly data', async () => {
    const error = await refusal(fixture('cumulative-period.csv'));
    expect(problemsOf(error)[0]).toEqual([
      1,
      'title',
      '2025年1-3月',
      'the period 2025年1-3月 spans several months; training needs one month per row',
    ]);
  });

  it('a report over the in-memory bound is refused with the bound', async () => {
    const file = join(root, 'huge-report.csv');
    const rows = Array.from({ length: 20_001 }, (_, i) => `兰州市,大数据,${i},1,0,1`);
    await writeFile(file, ['2025年3月甘肃省统计表', '地区,领域,培训人次,培训人数,取证人数,资金（元）', ...rows].join('\n'));
    await expect(ingest([file], { dataDir })).rejects.toThrow(
      'huge-report.csv: a report layout is read whole and may have at most 20,000 rows',
    );
  });
});

describe('header units, subtotals and total columns', () => {
  it('scales bracketed header units and checks 小计 rows against their block and 合计 against all rows', async () => {
    const file = join(root, 'subtotals.csv');
    await writeFile(
      file,
      [
        '2025年4月甘肃省数字技术工程师培育项目培训情况',
        '地区,领域,培训人次（万人次）,培训人数,取证人数,资金（万元）',
        '兰州市,大数据,0.12,1000,100,1.5',
        '兰州市,人工智能,0.03,300,30,0.25',
        '兰州市小计,,0.15,1300,130,1.75',
        '天水市,大数据,0.01,90,9,0.1',
        '天水市小计,,0.01,90,9,0.1',
        '全省,,0.16,1390,139,1.85',
      ].join('\n'),
    );
    const result = await ingest([file], { dataDir });
    expect(result.files[0].understanding.units.map((u) => [u.measure, u.declared, u.factor, u.from])).toEqual([
      ['person_times', '万人次', 10000, 'header'],
      ['participants', null, 1, 'stored unit'],
      ['certificates', null, 1, 'stored unit'],
      ['funding_cny', '万元', 10000, 'header'],
    ]);
    expect(result.files[0].understanding.totals.map((t) => [t.row, t.covers, t.checked, t.mismatches])).toEqual([
      [5, 'rows 3–4', 4, 0],
      [7, 'row 6', 4, 0],
      [8, 'rows 3, 4, 6', 4, 0],
    ]);
    // 0.12 万人次 = 1200, 0.03 → 300, 0.01 → 100; 1.5 万元 = 15000, 0.25 → 2500, 0.1 → 1000.
    expect(
      await query(`SELECT region_code, field_code, person_times::INTEGER, participants::INTEGER, funding_cny FROM training
                   WHERE source = 'subtotals.csv' ORDER BY region_code, field_code`),
    ).toEqual([
      ['620100', 'ai', 300, 300, 2500],
      ['620100', 'big_data', 1200, 1000, 15000],
      ['620500', 'big_data', 100, 90, 1000],
    ]);
  });

  it('refuses a 合计 column that does not add up, naming both figures', async () => {
    const file = join(root, 'wrong-column-total.csv');
    await writeFile(file, ['2024年甘肃省人才服务平台情况', '地区,人才服务站,留学人员创业园,合计', '兰州市,3,1,5'].join('\n'));
    const error = await refusal(file);
    // 3 + 1 = 4, not 5.
    expect(problemsOf(error)).toEqual([[3, 'D 合计', '5', 'total 5 does not equal the sum of columns B, C: 4']]);
  });
});

describe('the period', () => {
  it('comes from the file name when neither a column nor the title names it, and the report says so', async () => {
    const file = join(root, 'gansu-2025-06-knowledge-renewal.csv');
    await writeFile(
      file,
      ['甘肃省专业技术人才知识更新工程培训情况', '地区,领域,人次,人数,证书数,资金（元）', '兰州市,大数据,7,7,1,700'].join('\n'),
    );
    const result = await ingest([file], { dataDir });
    expect(result.files[0].understanding.period).toEqual({
      from: 'file name',
      text: 'gansu-2025-06-knowledge-renewal.csv',
      values: ['2025-06'],
    });
    expect(await trainingFrom('gansu-2025-06-knowledge-renewal.csv', 'region_code')).toEqual([
      ['2025-06', '620100', 'knowledge_renewal', 'big_data', 7, 7, 1, 700],
    ]);
  });

  it('is refused when neither the columns, the title nor the file name name one', async () => {
    const file = join(root, 'no-period.csv');
    await writeFile(
      file,
      ['甘肃省专业技术人才知识更新工程培训情况', '地区,领域,人次,人数,证书数,资金（元）', '兰州市,大数据,8,8,1,800'].join('\n'),
    );
    const error = await refusal(file);
    expect(problemsOf(error)[0]).toEqual([0, 'file name', 'no-period.csv', 'no month column, and the file name names no single month']);
  });
});

describe('more layouts and refusals', () => {
  it('a quarter named by the title, regions in a column', async () => {
    const file = join(root, 'quarter-title.csv');
    await writeFile(
      file,
      ['2025年第二季度甘肃省人力资源市场供求状况', '地区,职业,需求人数,求职人数', '兰州市,仓储管理员,30,45', '合计,,30,45'].join('\n'),
    );
    const result = await ingest([file], { dataDir });
    expect(result.files[0].understanding.period).toMatchObject({ from: 'title', values: ['2025Q2'] });
    expect(
      await query(
        `SELECT strftime(quarter, '%Y-%m'), region_code, occupation_code, vacancies::INTEGER, job_seekers::INTEGER FROM labor_market WHERE source = 'quarter-title.csv'`,
      ),
    ).toEqual([['2025-04', '620100', '4-02-06-01', 30, 45]]);
  });

  it('months with their year as headers (2025年1月), measures by row', async () => {
    const file = join(root, 'year-months.csv');
    await writeFile(
      file,
      [
        '甘肃省数字技术工程师培育项目人工智能领域培训情况',
        '地区,指标,2025年1月,2025年2月',
        '白银市,培训人次,6,7',
        '白银市,培训人数,6,6',
        '白银市,取证人数,1,0',
        '白银市,资金（万元）,0.06,0.07',
      ].join('\n'),
    );
    await ingest([file], { dataDir });
    expect(await trainingFrom('year-months.csv', 'month')).toEqual([
      ['2025-01', '620400', 'digital_engineers', 'ai', 6, 6, 1, 600],
      ['2025-02', '620400', 'digital_engineers', 'ai', 7, 6, 0, 700],
    ]);
  });

  it('refuses a title naming two fields, and a row naming no measure', async () => {
    const file = join(root, 'two-fields.csv');
    await writeFile(
      file,
      ['2025年3月甘肃省专业技术人才知识更新工程大数据、区块链培训', '地区,指标,3月', '兰州市,培训人次,5', '兰州市,学时,40'].join('\n'),
    );
    const error = await refusal(file);
    expect(problemsOf(error)).toEqual(
      expect.arrayContaining([
        [
          1,
          'field_code',
          '大数据、区块链',
          'the title names several: big_data (大数据), blockchain (区块链); give a 领域代码 column, or name one',
        ],
        [4, 'B 指标', '学时', 'unknown measure: expected one of 人次, 人数, 证书数, 资金（元）'],
      ]),
    );
  });
});

describe('references ingested alongside', () => {
  it('resolve the names of a report loaded in the same run', async () => {
    const fresh = join(root, 'fresh');
    const result = await ingest([join(repoRoot, 'data/reference'), fixture('labour-market-by-quarter.xlsx')], { dataDir: fresh });
    const report = result.files.find((f) => f.dataset === 'labor_market')!;
    expect([report.added, report.understanding.names.map((n) => n.code)]).toEqual([12, ['4-04-04-02', '2-02-38-03', '4-02-06-01']]);
  }, 60_000);
});

describe('--dry-run', () => {
  let dryDir: string;
  beforeAll(async () => {
    dryDir = join(root, 'dry');
    await ingest([join(repoRoot, 'data/reference')], { dataDir: dryDir, memoryLimit: '1GB' });
  }, 60_000);

  it('reports what would be added and replaced, and stores nothing', async () => {
    const before = await currentSnapshotId(dryDir);
    const files = await readdir(join(dryDir, 'snapshots'));
    const dry = await ingest([fixture('knowledge-renewal-2025-03.xlsx')], { dataDir: dryDir, dryRun: true });
    expect(dry.snapshotId).toBeNull();
    expect([dry.files[0].added, dry.files[0].replaced]).toEqual([4, 0]);
    expect(await currentSnapshotId(dryDir)).toBe(before);
    expect(await readdir(join(dryDir, 'snapshots'))).toEqual(files);
  });

  it('npm run ingest -- FILE --dry-run prints how the file was understood', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'ingest/cli.ts', fixture('knowledge-renewal-2025-03.xlsx'), '--dry-run', '--data-dir', dryDir],
      {
        cwd: repoRoot,
      },
    );
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('knowledge-renewal-2025-03.xlsx → training (report layout, sheet 统计表)');
    expect(lines).toContain('    G 资金 → funding_cny × 10,000');
    expect(lines).toContain('    region_code: 临夏州 → 622900 (short name)');
    expect(lines).toContain('  total: row 8 合计 covers rows 4–7: 4 figures match (not stored)');
    expect(lines).toContain('  would add 4, replace 0');
    expect(lines).toContain('dry run: nothing was stored');
  }, 60_000);
});

describe('plain tables', () => {
  it('a table with codes and a 合计 row is read as a report: the total is checked and not stored', async () => {
    const file = join(root, 'training-codes-total.csv');
    await writeFile(
      file,
      [
        'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny',
        '2025-07,620100,knowledge_renewal,ai,3,3,1,300',
        '2025-07,620500,knowledge_renewal,ai,4,4,0,400',
        '合计,,,,7,7,1,700',
      ].join('\n'),
    );
    const result = await ingest([file], { dataDir });
    expect(result.files[0].understanding.totals).toEqual([
      { row: 4, column: null, label: '合计', covers: 'rows 2–3', checked: 4, mismatches: 0 },
    ]);
    expect(await trainingFrom('training-codes-total.csv', 'region_code')).toEqual([
      ['2025-07', '620100', 'knowledge_renewal', 'ai', 3, 3, 1, 300],
      ['2025-07', '620500', 'knowledge_renewal', 'ai', 4, 4, 0, 400],
    ]);
  });

  it('a table with a header in row 1 and codes is read as it is', async () => {
    const file = join(root, 'training-codes.csv');
    await writeFile(
      file,
      'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n2025-05,620100,knowledge_renewal,ai,1,1,0,10\n',
    );
    const result = await ingest([file], { dataDir });
    expect(result.files[0].understanding.layout).toBe('table');
    expect(result.files[0].added).toBe(1);
  });
});
