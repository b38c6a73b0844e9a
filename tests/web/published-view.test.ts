import { describe, expect, it } from 'vitest';
import { translator } from '../../web/src/i18n/index.js';
import {
  anchorsModel,
  nationalCompetitionModel,
  publishedFigures,
  publishedPeriod,
  publishedValue,
  sampleNationalRatio,
  vacancyRatioModel,
  worldSkillsModel,
  type PublishedRow,
} from '../../web/src/view-models/published.js';
import { program, queryRow, resultOf } from './view-fixtures.js';

const en = { lang: 'en' as const, t: translator('en') };
const zh = { lang: 'zh' as const, t: translator('zh') };
const row = queryRow('published-figures');
const gap = queryRow('talent-gap');

// Rows as the analytic returns them (values copied from data/published/published.csv).
const year = (y: number) => ({ period: String(y), period_kind: 'year', period_start: `${y}-01-01`, period_end: `${y}-12-31` });
const medal = (
  code: string,
  y: number,
  value: number,
  edition: string,
  url = `https://news.example/${y}`,
  date = `${y}-09-15`,
): PublishedRow =>
  row({
    indicator_code: code,
    indicator_zh: '世界技能大赛中国代表团',
    indicator_en: `WorldSkills Competition: China (${edition})`,
    topic: 'worldskills',
    ...year(y),
    value,
    value_as_printed: String(value),
    approximate: false,
    unit_zh: '枚',
    unit_en: 'medals',
    source_title: `Report ${y}`,
    source_url: url,
    source_date: date,
  });
const ratio = (quarter: string, printed: string, qualifier: string | null, start: string, end: string): PublishedRow =>
  row({
    indicator_code: 'PES_RATIO',
    indicator_zh: '求人倍率',
    indicator_en: 'Vacancy-to-seeker ratio',
    topic: 'labour_market',
    period: quarter,
    period_kind: 'quarter',
    period_start: start,
    period_end: end,
    value: Number(printed),
    value_as_printed: printed,
    approximate: qualifier !== null,
    qualifier,
    unit_zh: '比率(需求人数/求职人数)',
    unit_en: 'vacancies per job seeker',
    source_title: `PES ${quarter}`,
    source_url: `https://pes.example/${quarter}`,
    source_date: '2017',
  });

describe('a published value in words', () => {
  it('keeps an approximate value approximate, with its qualifier, in both languages', () => {
    const entrants = row({
      value: 2500,
      value_as_printed: '2500多',
      approximate: true,
      qualifier: 'more_than',
      unit_zh: '名',
      unit_en: 'competitors',
    });
    expect(publishedValue(entrants, zh)).toBe('超过2500名');
    expect(publishedValue(entrants, en)).toBe('more than 2,500 competitors');
    // 近1亿 人次: 10^8 person-times, printed as 1亿.
    const cumulative = row({
      value: 1e8,
      value_as_printed: '近1亿',
      approximate: true,
      qualifier: 'nearly',
      unit_zh: '人次',
      unit_en: 'person-times',
    });
    expect(publishedValue(cumulative, zh)).toBe('近1亿人次');
    expect(publishedValue(cumulative, en)).toBe('nearly 100,000,000 person-times');
  });

  it('states ten-thousands in whole units in English, and keeps the printed decimals', () => {
    // 约609.2万人 = 6,092,000 persons; 1.10 keeps its two decimals.
    const vacancies = row({
      value: 609.2,
      value_as_printed: '609.2',
      approximate: true,
      qualifier: 'about',
      unit_zh: '万人',
      unit_en: '10,000 persons',
    });
    expect(publishedValue(vacancies, zh)).toBe('约609.2万人');
    expect(publishedValue(vacancies, en)).toBe('about 6,092,000 persons');
    const r = ratio('2016Q3', '1.10', 'about', '2016-07-01', '2016-09-30');
    expect(publishedValue(r, en)).toBe('about 1.10 vacancies per job seeker');
    // In Chinese the ratio stands alone: its "unit" 比率(需求人数/求职人数) is a definition.
    expect(publishedValue(r, zh)).toBe('约1.10');
    expect(publishedValue(medal('WSC_GOLD', 2024, 36, '47th, Lyon 2024'), zh)).toBe('36枚');
  });

  it('says what each kind of period covers', () => {
    expect(publishedPeriod(ratio('2016Q3', '1.10', null, '2016-07-01', '2016-09-30'), 'zh')).toBe('2016年第3季度');
    expect(publishedPeriod(row({ ...year(2019) }), 'en')).toBe('2019');
    expect(publishedPeriod(row({ period: '2020', period_kind: 'years', period_start: '2011-01-01', period_end: '2020-12-31' }), 'zh')).toBe(
      '2011–2020年',
    );
    const stock = row({ period: '2017', period_kind: 'year_end', period_start: '2017-12-01', period_end: '2017-12-31' });
    expect(publishedPeriod(stock, 'zh')).toBe('2017年末');
    expect(publishedPeriod(stock, 'en')).toBe('end of 2017');
    const running = row({ period: '2022', period_kind: 'as_of', period_start: '2022-07-01', period_end: '2022-07-31' });
    expect(publishedPeriod(running, 'zh')).toBe('截至2022年7月');
    expect(publishedPeriod(running, 'en')).toBe('as of Jul 2022');
  });

  it('makes one figure of a value printed alike by two sources, with both sources', () => {
    const figures = publishedFigures(
      [
        medal('WSC_GOLD', 2024, 36, '47th, Lyon 2024', 'https://a.example/', '2024-09-15'),
        medal('WSC_GOLD', 2024, 36, '47th, Lyon 2024', 'https://b.example/', '2024-09-17'),
      ],
      en,
    );
    expect(figures).toHaveLength(1);
    expect(figures[0].sources).toEqual([
      { title: 'Report 2024', url: 'https://a.example/', date: '2024-09-15' },
      { title: 'Report 2024', url: 'https://b.example/', date: '2024-09-17' },
    ]);
  });
});

describe("China's WorldSkills results as published", () => {
  const rows = [
    medal('WSC_GOLD', 2019, 16, '45th, Kazan 2019'),
    medal('WSC_SILVER', 2019, 14, '45th, Kazan 2019'),
    medal('WSC_BRONZE', 2019, 5, '45th, Kazan 2019'),
    medal('WSC_GOLD', 2024, 36, '47th, Lyon 2024'),
    medal('WSC_SILVER', 2024, 9, '47th, Lyon 2024'),
    medal('WSC_BRONZE', 2024, 4, '47th, Lyon 2024'),
    { ...medal('WSC_ENTRANTS_CN', 2024, 68, '47th, Lyon 2024'), unit_zh: '名', unit_en: 'competitors' },
    medal('WSC_GOLD', 2022, 21, '46th, 2022 Special Edition, 15 host countries'),
  ];

  it('gives an edition a row, newest first, a cell a measure, and says when one was not published', () => {
    const model = worldSkillsModel(resultOf(rows), en)!;
    expect(model.editions.map((e) => [e.year, e.label])).toEqual([
      [2024, '47th, Lyon 2024'],
      [2022, '46th, 2022 Special Edition'],
      [2019, '45th, Kazan 2019'],
    ]);
    const lyon = model.editions[0].cells;
    expect([lyon.WSC_GOLD?.value, lyon.WSC_SILVER?.value, lyon.WSC_BRONZE?.value, lyon.WSC_ENTRANTS_CN?.value]).toEqual([
      '36 medals',
      '9 medals',
      '4 medals',
      '68 competitors',
    ]);
    // 2019: no competitors published; 2022: only gold here.
    expect(model.editions[2].cells.WSC_ENTRANTS_CN).toBeNull();
    expect(model.editions[1].cells.WSC_SILVER).toBeNull();
    expect(model.period).toBe('editions: 2019, 2022, 2024');
    expect(model.summary).toContain('3 editions');
    expect(model.summary).toContain('36 medals gold');
    expect(model.summary).toContain('synthetic sample');
    expect(model.table.rows).toHaveLength(8);
  });

  it('names the editions in Chinese by their number', () => {
    const model = worldSkillsModel(resultOf(rows), zh)!;
    expect(model.editions.map((e) => e.label)).toEqual(['2024年 第47届', '2022年 第46届 特别赛', '2019年 第45届']);
  });

  it('has nothing to show without WorldSkills rows', () => {
    expect(worldSkillsModel(resultOf([ratio('2016Q3', '1.10', null, '2016-07-01', '2016-09-30')]), en)).toBeNull();
  });
});

describe('the national vacancy-to-seeker ratio, published beside the sample', () => {
  it("computes the sample's national ratio as all vacancies over all job seekers", () => {
    // (300 + 100 + 200) / (200 + 100 + 100) = 600 / 400 = 1.5.
    const rows = [
      gap({ quarter: '2026Q2', region_code: '110000', group_code: '1', vacancies: 300, job_seekers: 200 }),
      gap({ quarter: '2026Q2', region_code: '110000', group_code: '2', vacancies: 100, job_seekers: 100 }),
      gap({ quarter: '2026Q2', region_code: '440000', group_code: '1', vacancies: 200, job_seekers: 100 }),
    ];
    expect(sampleNationalRatio(rows)).toEqual({ quarter: '2026Q2', ratio: 1.5 });
    expect(sampleNationalRatio([])).toBeNull();
    expect(sampleNationalRatio([gap({ quarter: '2026Q2', vacancies: 5, job_seekers: 0 })])).toBeNull();
  });

  it('draws the published quarters and the sample quarters as two named series, in quarter order', () => {
    const result = resultOf([
      ratio('2017Q4', '1.22', 'about', '2017-10-01', '2017-12-31'),
      ratio('2013Q2', '1.07', 'about', '2013-04-01', '2013-06-30'),
      ratio('2020Q1', '1.62', null, '2020-01-01', '2020-03-31'),
    ]);
    const model = vacancyRatioModel(
      result,
      [
        { quarter: '2026Q2', ratio: 1.5 },
        { quarter: '2026Q1', ratio: 1.25 },
      ],
      en,
    )!;
    expect(model.points).toEqual([
      { x: '2013Q2', y: 1.07, series: 'published' },
      { x: '2017Q4', y: 1.22, series: 'published' },
      { x: '2020Q1', y: 1.62, series: 'published' },
      { x: '2026Q1', y: 1.25, series: 'sample' },
      { x: '2026Q2', y: 1.5, series: 'sample' },
    ]);
    expect(model.series.map((s) => s.label)).toEqual(['Published (real)', 'Synthetic sample (national)']);
    expect(model.period).toBe('Published (real): 2013 Q2–2020 Q1; Synthetic sample (national): 2026 Q1–2026 Q2');
    expect(model.figures.map((f) => [f.period, f.value, f.sources[0].title])).toEqual([
      ['2013 Q2', 'about 1.07 vacancies per job seeker', 'PES 2013Q2'],
      ['2017 Q4', 'about 1.22 vacancies per job seeker', 'PES 2017Q4'],
      ['2020 Q1', '1.62 vacancies per job seeker', 'PES 2020Q1'],
    ]);
    expect(model.summary).toContain('3 quarters (2013 Q2 to 2020 Q1, latest 1.62 vacancies per job seeker)');
    // The table says which rows are real and which synthetic.
    expect(model.table.rows.map((r) => [r.series, r.quarter])).toEqual([
      ['Published (real)', '2013Q2'],
      ['Published (real)', '2017Q4'],
      ['Published (real)', '2020Q1'],
      ['Synthetic sample (national)', '2026Q1'],
      ['Synthetic sample (national)', '2026Q2'],
    ]);
  });

  it('shows the published series alone when the sample has no quarter', () => {
    const model = vacancyRatioModel(resultOf([ratio('2022Q3', '1.31', 'about', '2022-07-01', '2022-09-30')]), [], zh)!;
    expect(model.points).toEqual([{ x: '2022Q3', y: 1.31, series: 'published' }]);
    expect(model.period).toBe('公开发布（真实）：2022年第3季度–2022年第3季度；合成样本（全国）：无样本数据');
  });
});

describe("the programmes' published anchors", () => {
  const programs = [program('vocational_training', 'Subsidised training'), program('knowledge_renewal', 'Knowledge renewal')];
  const anchor = (code: string, programCode: string | null, printed: string, unit: string, unit_en: string, y: number, kind = 'year') =>
    row({
      indicator_code: code,
      indicator_zh: code,
      indicator_en: code,
      program_code: programCode,
      period: String(y),
      period_kind: kind,
      period_start: `${y}-01-01`,
      period_end: `${y}-12-31`,
      value: Number(printed),
      value_as_printed: printed,
      approximate: false,
      unit_zh: unit,
      unit_en,
      source_title: 'Bulletin',
      source_url: 'https://bulletin.example/',
      source_date: String(y + 1),
    });

  it('lists the chosen programme first, its figures by period, and leaves out figures of no programme', () => {
    const result = resultOf([
      anchor('SKILL_TRAIN_SUBSIDISED', 'vocational_training', '1700', '万人次', '10,000 person-times', 2017),
      anchor('KU_SHORTAGE_TRAINING', 'knowledge_renewal', '112.1', '万人次', '10,000 person-times', 2019),
      anchor('KU_SHORTAGE_TRAINING', 'knowledge_renewal', '109', '万人', '10,000 persons', 2012),
      anchor('SPECIAL_ALLOWANCE_CUM', null, '18.2', '万人', '10,000 persons', 2019),
    ]);
    const model = anchorsModel(result, programs, 'knowledge_renewal', en)!;
    expect(model.programs.map((p) => [p.code, p.figures.map((f) => `${f.value} (${f.period})`)])).toEqual([
      ['knowledge_renewal', ['1,090,000 persons (2012)', '1,121,000 person-times (2019)']],
      ['vocational_training', ['17,000,000 person-times (2017)']],
    ]);
    expect(model.summary).toBe(
      '2 programmes have published national figures measuring what they count; Knowledge renewal: 1,090,000 persons (2012), 1,121,000 person-times (2019).',
    );
    expect(model.table.rows).toHaveLength(3);
    expect(anchorsModel(resultOf([anchor('X', null, '1', '个', 'items', 2020)]), programs, 'knowledge_renewal', en)).toBeNull();
  });
});

describe('the National Vocational Skills Competition as published', () => {
  const nvsc = (code: string, y: number, printed: string, qualifier: string | null, unit_zh: string, unit_en: string, ordinal: string) =>
    row({
      indicator_code: code,
      indicator_zh: code === 'NVSC_SKILLS' ? '比赛项目' : '参赛选手',
      indicator_en: `National Vocational Skills Competition: ${code === 'NVSC_SKILLS' ? 'skills' : 'competitors'} (${ordinal}, City ${y})`,
      topic: 'national_competition',
      ...year(y),
      value: Number(printed.replace(/多$/, '')),
      value_as_printed: printed,
      approximate: qualifier !== null,
      qualifier,
      unit_zh,
      unit_en,
      source_title: `Report ${y}`,
      source_url: `https://nvsc.example/${y}`,
      source_date: `${y}-12-11`,
    });
  const result = resultOf([
    nvsc('NVSC_SKILLS', 2020, '86', null, '个', 'skills', '1st'),
    nvsc('NVSC_ENTRANTS', 2020, '2500多', 'more_than', '名', 'competitors', '1st'),
    nvsc('NVSC_SKILLS', 2023, '109', null, '个', 'skills', '2nd'),
    nvsc('NVSC_ENTRANTS', 2023, '4045', null, '名', 'competitors', '2nd'),
  ]);

  it('gives an edition a group, newest first, skills before competitors, the first edition’s entrants approximate', () => {
    const model = nationalCompetitionModel(result, zh)!;
    expect(model.editions.map((e) => [e.name, e.figures.map((f) => f.value)])).toEqual([
      ['第2届（2023年）', ['109个', '4045名']],
      ['第1届（2020年）', ['86个', '超过2500名']],
    ]);
    expect(model.period).toBe('2020、2023');
    expect(nationalCompetitionModel(result, en)!.editions.map((e) => e.name)).toEqual(['2nd (2023)', '1st (2020)']);
    expect(nationalCompetitionModel(resultOf([medal('WSC_GOLD', 2024, 36, '47th, Lyon 2024')]), en)).toBeNull();
  });
});
