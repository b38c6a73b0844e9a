import { describe, expect, it } from 'vitest';
import type { QueryRows } from '../../queries/contract.js';
import { translator } from '../../web/src/i18n/index.js';
import { rankMove, shortageModel, talentGapModel, zonePressureModel, zoneTightestModel } from '../../web/src/view-models/gaps.js';
import { queryRow, resultOf } from './view-fixtures.js';

const en = { lang: 'en' as const, t: translator('en') };
const zh = { lang: 'zh' as const, t: translator('zh') };

describe('the heatmap of ratios by province and occupation group', () => {
  const gapRow = queryRow('talent-gap');
  const gd = { quarter: '2026Q3', region_code: '440000', name_zh: '广东省', name_en: 'Guangdong' };
  const bj = { quarter: '2026Q3', region_code: '110000', name_zh: '北京市', name_en: 'Beijing' };
  const result = resultOf([
    gapRow({ ...gd, group_code: '2', vacancies: 1_200, job_seekers: 667, gap: 533, ratio: 1.8, ratio_change_on_previous_quarter: 0.1 }),
    gapRow({ ...gd, group_code: '1', vacancies: 90, job_seekers: 100, gap: -10, ratio: 0.9 }),
    gapRow({ ...bj, group_code: '2', vacancies: 0, job_seekers: null, ratio: null }),
    gapRow({
      ...bj,
      group_code: '9',
      group_name_zh: '其他',
      group_name_en: 'Not classified',
      vacancies: 12,
      job_seekers: 10,
      gap: 2,
      ratio: 1.2,
    }),
  ]);
  const model = talentGapModel(result, en)!;

  it('has the groups in code order under their short names, the provinces in the rows’ order', () => {
    expect(model.xDomain).toEqual(['Heads of organisations', 'Professionals', 'Not classified']);
    expect(model.yDomain).toEqual(['Guangdong', 'Beijing']);
    expect(model.cells.map((c) => [c.y, c.x, c.value])).toEqual([
      ['Guangdong', 'Professionals', 1.8],
      ['Guangdong', 'Heads of organisations', 0.9],
      ['Beijing', 'Professionals', null],
      ['Beijing', 'Not classified', 1.2],
    ]);
  });

  it('details the ratio, vacancies, seekers, gap and change in each tooltip', () => {
    expect(model.cells[0].detail).toBe(
      'Vacancies per job seeker: 1.80\nVacancies: 1,200\nJob seekers: 667\nGap: 533\nChange on previous quarter: 0.10',
    );
    expect(model.cells[2].detail).toBe('Vacancies per job seeker: –\nVacancies: 0\nJob seekers: –\nGap: –\nChange on previous quarter: –');
  });

  it('colours around 1 over the range of ratios, and counts the cells above 1 in its summary', () => {
    expect(model.color).toMatchObject({ kind: 'diverging', pivot: 1, domain: [0.9, 1.8], label: 'Vacancies per job seeker' });
    expect([model.format(1.234), model.color.tickFormat!(1.234)]).toEqual(['1.23', '1.2']);
    expect(model.summary).toBe(
      '2026 Q3: 2 of 3 province × group cells have a ratio above 1; the tightest is Professionals in Guangdong (1.80).',
    );
    expect(talentGapModel(result, zh)!.yDomain).toEqual(['广东', '北京']);
  });

  it('is empty without rows', () => {
    expect(talentGapModel(resultOf<QueryRows['talent-gap']>([], ['quarter']), en)).toBeNull();
  });
});

describe('the shortage ranking', () => {
  const occupationRow = queryRow('shortage-occupations');
  const result = resultOf([
    occupationRow({
      quarter: '2026Q3',
      occupation_code: 'a',
      name_en: 'AI engineers',
      rank: 1,
      score: 12_345,
      rank_change: 2,
      ratio: 2.5,
      vacancies: 5_000,
      job_seekers: 2_000,
      regions_with_gap: 20,
      regions_reporting: 31,
    }),
    occupationRow({ quarter: '2026Q3', occupation_code: 'b', name_en: 'Welders', rank: 2, score: 9_000, rank_change: null }),
    occupationRow({ quarter: '2026Q3', occupation_code: 'c', name_en: 'Nurses', rank: 3, score: 8_000, rank_change: -1 }),
    occupationRow({ quarter: '2026Q3', occupation_code: 'd', name_en: 'Cooks', rank: 4, score: 7_000, rank_change: 0 }),
  ]);
  const model = shortageModel(result, en)!;

  it('labels each bar with its rank and name, and notes its move in rank', () => {
    expect(model.bars.map((b) => [b.key, b.label, b.value, b.note])).toEqual([
      ['a', '1. AI engineers', 12_345, '▲2'],
      ['b', '2. Welders', 9_000, 'new'],
      ['c', '3. Nurses', 8_000, '▼1'],
      ['d', '4. Cooks', 7_000, '＝'],
    ]);
    expect(rankMove(0, 'new')).toBe('＝');
    expect(model.bars[0].detail).toBe(
      'Vacancies per job seeker: 2.50\nVacancies / Job seekers: 5,000 / 2,000\nRegions with a gap: 20/31\nRank change: +2',
    );
    expect(model.bars[1].detail!.split('\n')[3]).toBe('Rank change: new');
  });

  it('reads the score in short and names the top five in its summary', () => {
    expect([model.xLabel, model.format(12_345)]).toEqual(['Shortage score', '12.3K']);
    expect(model.summary).toBe('Top shortage occupations in 2026 Q3: 1. AI engineers, 2. Welders, 3. Nurses, 4. Cooks.');
  });
});

describe('the strategic zones', () => {
  const zoneRow = queryRow('zone-pressure');
  it("gives each zone's share above θ, the chosen zone highlighted", () => {
    const result = resultOf([
      zoneRow({
        zone_code: 'gba',
        name_en: 'Greater Bay Area',
        share_over_theta: 0.25,
        occupations_over_theta: 5,
        occupations_reported: 20,
      }),
      zoneRow({
        zone_code: 'yrd',
        name_en: 'Yangtze River Delta',
        share_over_theta: 0.1,
        occupations_over_theta: 2,
        occupations_reported: 20,
      }),
    ]);
    const model = zonePressureModel(result, { ...en, zone: 'yrd', theta: 1.5 })!;
    expect(model.bars.map((b) => [b.label, b.value, b.highlight, b.note])).toEqual([
      ['Greater Bay Area', 0.25, false, '5/20'],
      ['Yangtze River Delta', 0.1, true, '2/20'],
    ]);
    expect(model.bars[0].detail!.split('\n')[0]).toBe('Occupations above θ=1.5: 5/20');
    expect([model.format(0.25), model.tick!(0.5), model.barHeight]).toEqual(['25%', '50%', 30]);
    expect(model.summary).toBe('Share of catalogue occupations above θ = 1.5: Greater Bay Area 25.0%; Yangtze River Delta 10.0%.');
  });

  const tightRow = queryRow('zone-tightest-occupations');
  it("highlights a zone's occupations above θ and draws θ as the reference", () => {
    const result = resultOf([
      tightRow({ occupation_code: 'a', name_en: 'Welders', rank: 1, ratio: 2.1, vacancies: 210, job_seekers: 100, gap: 110 }),
      tightRow({ occupation_code: 'b', name_en: 'Cooks', rank: 2, ratio: 1.4 }),
      tightRow({ occupation_code: 'c', name_en: 'Nurses', rank: 3, ratio: null }),
    ]);
    const model = zoneTightestModel(result, { ...en, theta: 1.5 })!;
    expect(model.bars.map((b) => [b.label, b.value, b.highlight])).toEqual([
      ['1. Welders', 2.1, true],
      ['2. Cooks', 1.4, false],
      ['3. Nurses', null, false],
    ]);
    expect(model.bars[0].detail).toBe('Vacancies: 210\nJob seekers: 100\nGap: 110');
    expect(model.reference).toEqual({ value: 1.5, label: 'θ = 1.5' });
    expect([model.xLabel, model.format(2.1), model.tick!(2.14)]).toEqual(['Vacancies per job seeker', '2.10', '2.1']);
    expect(model.summary).toBe('Tightest: 1. Welders 2.10, 2. Cooks 1.40, 3. Nurses –.');
    expect(zoneTightestModel(resultOf<QueryRows['zone-tightest-occupations']>([], ['quarter']), { ...en, theta: 1.5 })).toBeNull();
  });
});
