import { describe, expect, it } from 'vitest';
import type { QueryRows } from '../../queries/contract.js';
import { translator } from '../../web/src/i18n/index.js';
import { regionComparisonModel } from '../../web/src/view-models/region-comparison.js';
import { indexOf, regionProfileModel } from '../../web/src/view-models/region-profile.js';
import { lastFullYear, regionTrendsModel, trendPrograms } from '../../web/src/view-models/region-trends.js';
import { comparedRegions, indicatorDataset, regionMapModel } from '../../web/src/view-models/regions.js';
import { program, provinces, queryRow, resultOf } from './view-fixtures.js';

type IndicatorRow = QueryRows['region-profile'];
const indicatorRow = queryRow('region-profile');
const names: Record<string, [string, string]> = {
  '110000': ['北京市', 'Beijing'],
  '310000': ['上海市', 'Shanghai'],
  '440000': ['广东省', 'Guangdong'],
  '540000': ['西藏自治区', 'Tibet'],
  '650000': ['新疆维吾尔自治区', 'Xinjiang'],
};
const ratioRow = (code: string, value: number | null) =>
  indicatorRow({
    year: 2026,
    region_code: code,
    name_zh: names[code][0],
    name_en: names[code][1],
    indicator: 'vacancy_seeker_ratio',
    unit_zh: '倍',
    unit_en: 'ratio',
    period: '2026Q3',
    value,
  });
const en = { lang: 'en' as const, t: translator('en') };
const zh = { lang: 'zh' as const, t: translator('zh') };

describe('the dataset whose date the map names', () => {
  it('is the labour market for the vacancy ratio, competitions for medals, talent stock for platforms, training otherwise', () => {
    expect(indicatorDataset('vacancy_seeker_ratio')).toBe('labor');
    expect(indicatorDataset('competition_medals')).toBe('competition');
    expect(indicatorDataset('platforms_per_million')).toBe('talent');
    for (const indicator of ['training_per_10k', 'knowledge_renewal_per_10k', 'certificates_per_10k'] as const) {
      expect(indicatorDataset(indicator)).toBe('training');
    }
  });
});

describe('the tile map of one indicator', () => {
  const result = resultOf([
    ratioRow('110000', 1.5),
    ratioRow('310000', 0.8),
    indicatorRow({ region_code: '440000', indicator: 'training_per_10k', value: 999, period: '2026' }),
    ratioRow('440000', 1.25),
    ratioRow('540000', null),
    ratioRow('650000', 0.6),
  ]);
  const model = regionMapModel(result, { ...en, provinces, indicator: 'vacancy_seeker_ratio' })!;

  it('has a tile per province, Hong Kong outside the mainland series, abbreviations in English', () => {
    expect(model.tiles.map((t) => [t.code, t.short, t.name, t.outside])).toEqual([
      ['110000', 'BJ', 'Beijing', false],
      ['310000', 'SH', 'Shanghai', false],
      ['440000', 'GD', 'Guangdong', false],
      ['650000', 'XJ', 'Xinjiang (Uygur Autonomous Region)', false],
      ['810000', 'HK', 'Hong Kong SAR', true],
    ]);
    expect(model.tiles[2]).toMatchObject({ row: 5, col: 4 });
  });

  it("keeps only the indicator's rows: values by province, a missing one as null", () => {
    expect([...model.values]).toEqual([
      ['110000', 1.5],
      ['310000', 0.8],
      ['440000', 1.25],
      ['540000', null],
      ['650000', 0.6],
    ]);
    expect(model.table.rows).toHaveLength(5);
  });

  it('colours a ratio on a scale diverging at 1 over the range of values, labelled with unit and period', () => {
    expect(model.color).toMatchObject({
      kind: 'diverging',
      pivot: 1,
      domain: [0.6, 1.5],
      label: 'Vacancy-to-seeker ratio (ratio, 2026 Q3)',
    });
    expect(model.period).toBe('2026 Q3');
    expect(model.color.tickFormat!(1.234)).toBe('1.23');
    expect(model.format(1.5)).toBe('1.50 ratio');
    expect(model.compact(1.5)).toBe('1.50');
    expect([model.outsideText, model.noValueText]).toEqual(['outside the mainland series', 'no data']);
  });

  it('names the three highest and the three lowest provinces with a value', () => {
    expect(model.summary).toBe(
      'Vacancy-to-seeker ratio (2026 Q3), highest: Beijing 1.50, Guangdong 1.25, Shanghai 0.80; lowest: Guangdong 1.25, Shanghai 0.80, Xinjiang 0.60.',
    );
  });

  it('colours a count sequentially, short Chinese names on the tiles and 万 in the numbers', () => {
    const counts = resultOf([
      indicatorRow({
        region_code: '110000',
        name_zh: '北京市',
        indicator: 'training_per_10k',
        unit_zh: '人次',
        period: '2025',
        value: 123_456,
      }),
      indicatorRow({
        region_code: '440000',
        name_zh: '广东省',
        indicator: 'training_per_10k',
        unit_zh: '人次',
        period: '2025',
        value: 56.78,
      }),
    ]);
    const m = regionMapModel(counts, { ...zh, provinces, indicator: 'training_per_10k' })!;
    expect(m.tiles.map((t) => t.short)).toEqual(['北京', '上海', '广东', '新疆', '香港']);
    expect(m.color).toMatchObject({ kind: 'sequential', domain: [56.78, 123_456], label: '每万人职业技能培训（人次，2025年全年）' });
    expect(m.period).toBe('2025年全年');
    expect(m.format(123_456)).toBe('12.3万 人次');
    expect(m.format(56.78)).toBe('56.8 人次');
    expect(m.compact(123_456)).toBe('12万');
    expect(m.summary).toBe('每万人职业技能培训（2025年全年）最高：北京市 12.3万、广东省 56.8；最低：北京市 12.3万、广东省 56.8。');
  });

  it('is empty without a row of the indicator', () => {
    expect(regionMapModel(result, { ...en, provinces, indicator: 'competition_medals' })).toBeNull();
  });
});

describe('the profile of a province, as indices of the nation', () => {
  const result = resultOf([
    indicatorRow({
      region_code: '440000',
      name_zh: '广东省',
      name_en: 'Guangdong',
      macro_region: 'east',
      indicator: 'training_per_10k',
      unit_en: 'person-times',
      period: '2025',
      value: 300,
      macro_region_median: 200,
      national_value: 250,
      national_basis: 'national_rate',
      rank: 3,
    }),
    indicatorRow({
      region_code: '440000',
      name_en: 'Guangdong',
      indicator: 'vacancy_seeker_ratio',
      unit_en: 'ratio',
      period: '2025Q4',
      value: 1.2,
      national_value: 1.5,
      national_basis: 'national_rate',
    }),
    indicatorRow({ region_code: '440000', name_en: 'Guangdong', indicator: 'competition_medals', unit_en: 'medals', national_value: 0 }),
  ]);
  const model = regionProfileModel(result, en)!;

  it('gives each indicator as 100 × value ÷ national value, none without a value or a national value', () => {
    expect(model.items.map((d) => [d.label, d.value, d.median])).toEqual([
      ['Vocational training per 10k', 120, 80],
      ['Vacancy-to-seeker ratio', 80, null],
      ['Competition medals', null, null],
    ]);
    expect([indexOf(5, 0), indexOf(null, 2), indexOf(3, 2)]).toEqual([null, null, 150]);
  });

  it('writes the rank above each bar and the value in its unit below', () => {
    expect(model.items.map((d) => [d.heading, d.note])).toEqual([
      ['Vocational training per 10k  rank 3 of 31', '300 person-times · 2025 (full year)'],
      ['Vacancy-to-seeker ratio  rank – of 31', '1.20 ratio · 2025 Q4'],
      ['Competition medals  rank – of 31', '—'],
    ]);
  });

  it('gives the period, the three values and the rank in the tooltip', () => {
    expect(model.items[0].tip).toBe(
      'Vocational training per 10k · 2025 (full year)\nThis province: 300 person-times\nMacro-region median: 200\nNational: 250\nrank 3 of 31',
    );
    expect(model.items[1].tip).toBe(
      'Vacancy-to-seeker ratio · 2025 Q4\nThis province: 1.20 ratio\nMacro-region median: –\nNational: 1.50\nrank – of 31',
    );
    expect(model.items[2].tip).toBe(
      'Competition medals\nThis province: no data reported\nMacro-region median: –\nNational: 0\nrank – of 31',
    );
  });

  it("names each indicator's period on the card, and footnotes a count whose nation is the average per province", () => {
    expect(model.period).toBe('2025 (full year), 2025 Q4');
    expect(model.footnote).toBeNull();
    // Medals: 18 for the province against 4.58 for the average province (142 ÷ 31) is an index of 393.
    const medals = indicatorRow({
      region_code: '440000',
      name_zh: '广东省',
      name_en: 'Guangdong',
      indicator: 'competition_medals',
      unit_zh: '枚',
      unit_en: 'medals',
      period: '2026',
      value: 18,
      national_value: 142 / 31,
      national_basis: 'province_average',
      rank: 1,
    });
    const withMedals = regionProfileModel(resultOf([medals]), zh)!;
    expect(Math.round(withMedals.items[0].value!)).toBe(393);
    expect(withMedals.items[0].note).toBe('18 枚 · 2026年');
    expect(withMedals.items[0].tip.split('\n')[3]).toBe('全国（各省平均）：4.6');
    expect(withMedals.footnote).toBe(
      '注：技能竞赛奖牌的全国值为31个省份的平均数（全国合计 ÷ 31），与单个省份同口径；其余指标的全国值为全国总量之比。',
    );
    expect(withMedals.summary.endsWith(withMedals.footnote!)).toBe(true);
    expect(regionProfileModel(resultOf([medals]), en)!.footnote).toBe(
      'Note: for Competition medals the nation is the average per province (national total ÷ 31), on the same basis as one province; for the other indicators it is the national rate.',
    );
  });

  it("names the province's macro-region in the legend and lists every indicator in the summary", () => {
    expect(model.legend).toEqual({ subject: 'This province', median: 'Macro-region median (East)', baseline: 'Nation = 100' });
    expect(model.summary).toBe(
      'Guangdong: Vocational training per 10k 300 (rank 3 of 31); Vacancy-to-seeker ratio 1.20 (rank – of 31); Competition medals – (rank – of 31)',
    );
    expect(regionProfileModel(result, zh)!.legend.median).toBe('区域中位数（东部）');
    expect(model.table.rows).toHaveLength(3);
  });

  it('is empty without rows', () => {
    expect(regionProfileModel(resultOf<IndicatorRow>([], ['region_code']), en)).toBeNull();
  });
});

describe('the trends of a province against the nation', () => {
  it('draws vocational training, knowledge renewal and certificates, else the first three training programmes', () => {
    const refs = [
      program('knowledge_renewal', 'Knowledge renewal'),
      program('job_fairs', 'Job fairs', 'labor_market'),
      program('skill_certificate', 'Certificates'),
      program('vocational_training', 'Vocational training'),
    ];
    expect(trendPrograms(refs).map((p) => p.code)).toEqual(['knowledge_renewal', 'skill_certificate', 'vocational_training']);
    const others = ['a', 'b', 'c', 'd'].map((c) => program(c, c));
    expect(trendPrograms([program('x', 'x', 'labor_market'), ...others]).map((p) => p.code)).toEqual(['a', 'b', 'c']);
  });

  it('stops at the last complete year', () => {
    expect([lastFullYear('2026-10'), lastFullYear('2026-12'), lastFullYear(null)]).toEqual([2025, 9999, 2024]);
  });

  const trendRow = queryRow('training-trend');
  const programs = [program('vocational_training', 'Vocational training')];
  const results = [
    resultOf([
      trendRow({ period: '2024', person_times: 100, national_person_times: 1_000 }),
      trendRow({ period: '2025', person_times: 200, national_person_times: 2_000 }),
      trendRow({ period: '2026', person_times: 50, national_person_times: 500 }),
    ]),
  ];
  const inputs = { ...en, programs, provinces, region: '440000', trainingThrough: '2026-10' };

  it("divides by the province's and the mainland's working-age people (Hong Kong left out)", () => {
    // Guangdong 20,000 people: 100 → 50 per 10k; the mainland 30,000 + 20,000 + 0 = 50,000: 1,000 → 200 per 10k.
    const model = regionTrendsModel(results, inputs)!;
    expect(model.panels).toEqual([
      {
        title: 'Vocational training',
        yLabel: 'person-times per 10k',
        points: [
          { x: 2024, y: 50, series: 'subject' },
          { x: 2024, y: 200, series: 'reference' },
          { x: 2025, y: 100, series: 'subject' },
          { x: 2025, y: 400, series: 'reference' },
        ],
      },
    ]);
    expect(model.table.columns.map((c) => c.key)).toEqual([
      'program_code',
      'year',
      'region_per_10k',
      'national_per_10k',
      'person_times',
      'national_person_times',
    ]);
    expect(model.table.rows[1]).toEqual({
      program_code: 'vocational_training',
      year: 2025,
      region_per_10k: 100,
      national_per_10k: 400,
      person_times: 200,
      national_person_times: 2_000,
    });
    expect([model.subject, model.reference, model.format(12.345)]).toEqual(['Guangdong', 'National', '12.3']);
    expect(model.summary).toBe('Guangdong against the nation, per 10,000 working-age people: Vocational training.');
  });

  it('has no value for a province without a population, and nothing without rows', () => {
    const model = regionTrendsModel(results, { ...inputs, region: '310000' })!;
    expect(model.panels[0].points.filter((p) => p.series === 'subject').map((p) => p.y)).toEqual([null, null]);
    expect(regionTrendsModel([resultOf([trendRow({ period: '2026', person_times: 1 })])], inputs)).toBeNull();
  });
});

describe('provinces side by side', () => {
  it('compares the chosen mainland provinces, else the selected one with Beijing and Shanghai', () => {
    const mainland = provinces.filter((p) => p.inMainland);
    expect(comparedRegions(['650000', '999999', '110000'], mainland, '440000')).toEqual(['650000', '110000']);
    expect(comparedRegions(['810000'], mainland, '440000')).toEqual(['440000', '110000', '310000']);
    expect(comparedRegions([], mainland, '110000')).toEqual(['110000', '310000']);
  });
  it('defaults to the province with its macro-region peers (up to five in all)', () => {
    const west = ['620000', '630000', '640000', '650000', '610000', '510000'].map((code) => ({
      ...provinces[0],
      code,
      macroRegion: 'west',
    }));
    const mainland = [...provinces.filter((p) => p.inMainland), ...west];
    expect(comparedRegions([], mainland, '620000')).toEqual(['620000', '630000', '640000', '650000', '610000']);
    expect(comparedRegions([], mainland, '110000')).toEqual(['110000', '310000']);
  });

  const row = (
    code: string,
    indicator: string,
    value: number | null,
    rank: number | null,
    national: number | null,
    unit: string,
    period: string | null = null,
  ) =>
    indicatorRow({
      region_code: code,
      indicator,
      value,
      rank,
      national_value: national,
      national_basis: indicator === 'competition_medals' ? 'province_average' : 'national_rate',
      unit_en: unit,
      period,
    });
  const result = resultOf([
    row('110000', 'training_per_10k', 400, 1, 250, 'person-times', '2026-01/2026-10'),
    row('440000', 'training_per_10k', 300, 3, 250, 'person-times', '2026-01/2026-10'),
    // The average province's medals: 6.5.
    row('440000', 'competition_medals', 12, 2, 6.5, 'medals', '2026'),
    row('110000', 'competition_medals', 8, 5, 6.5, 'medals', '2026'),
    row('440000', 'vacancy_seeker_ratio', null, null, 1.5, 'ratio'),
    row('110000', 'vacancy_seeker_ratio', 1.1, 7, 1.5, 'ratio'),
  ]);
  const model = regionComparisonModel(result, { ...en, provinces, regions: ['440000', '110000'] })!;

  it('has a panel per indicator in the indicator order, bars in the rows’ order', () => {
    expect(model.order).toEqual(['Guangdong', 'Beijing']);
    expect(model.panels.map((p) => [p.title, p.unit, p.reference, p.bars.map((b) => b.label)])).toEqual([
      ['Vocational training per 10k · Jan–Oct 2026', 'person-times', 250, ['Beijing', 'Guangdong']],
      ['Vacancy-to-seeker ratio', 'ratio', 1.5, ['Guangdong', 'Beijing']],
      ['Competition medals · 2026', 'medals', 6.5, ['Guangdong', 'Beijing']],
    ]);
    expect(model.period).toBe('Jan–Oct 2026, 2026');
  });

  it('writes value and rank after each bar and gives the national value in the tooltip (for a count, the average province)', () => {
    expect(model.panels[0].bars[0]).toEqual({
      label: 'Beijing',
      value: 400,
      text: '400  #1',
      tip: 'Beijing · Vocational training per 10k\n400 person-times\nNational: 250\nrank 1 of 31',
    });
    expect(model.panels[1].bars[0]).toMatchObject({
      value: null,
      text: '–',
      tip: 'Guangdong · Vacancy-to-seeker ratio\n– ratio\nNational: 1.50\nrank – of 31',
    });
    expect(model.panels[2].bars[0].tip).toBe(
      'Guangdong · Competition medals\n12 medals\nNational (average per province): 6.5\nrank 2 of 31',
    );
    expect([model.panels[1].tick(1.234), model.panels[2].tick(12_000)]).toEqual(['1.2', '12K']);
  });

  it('names the leader on each indicator', () => {
    expect(model.summary).toBe(
      'Comparing Guangdong, Beijing. Highest on each indicator: Vocational training per 10k: Beijing; Vacancy-to-seeker ratio: Beijing; Competition medals: Guangdong',
    );
    expect(model.reference).toBe('National');
    expect(model.table.rows).toHaveLength(6);
  });
});
